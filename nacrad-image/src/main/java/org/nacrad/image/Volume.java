package org.nacrad.image;

/**
 * A 3D scalar image: a {@link Geometry}, the stored {@link PixelType} and the voxel values as doubles
 * (i fastest, see {@link Geometry}).
 *
 * <p>A mask is a Volume of labels; {@link #labelMask(int)} turns it into a boolean ROI.
 *
 * <p>The voxel array is shared, not copied, for speed on large images: callers must not modify the array
 * returned by {@link #data()} (create a new Volume instead).
 */
public final class Volume {

    private final Geometry geometry;
    private final PixelType pixelType;
    private final double[] data;

    public Volume(Geometry geometry, PixelType pixelType, double[] data) {
        if (data.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("volume has " + data.length + " values but its geometry "
                    + geometry + " has " + geometry.voxelCount() + " voxels");
        }
        this.geometry = geometry;
        this.pixelType = pixelType;
        this.data = data;
    }

    public Geometry geometry() {
        return geometry;
    }

    public PixelType pixelType() {
        return pixelType;
    }

    /** The voxel values, i fastest. Shared: do not modify. */
    public double[] data() {
        return data;
    }

    public double get(int i, int j, int k) {
        return data[geometry.index(i, j, k)];
    }

    /** A volume with the same geometry and new values. */
    public Volume withData(double[] newData, PixelType newType) {
        return new Volume(geometry, newType, newData);
    }

    /** True where the voxel value equals {@code label}. */
    public boolean[] labelMask(int label) {
        boolean[] m = new boolean[data.length];
        for (int n = 0; n < data.length; n++) {
            m[n] = data[n] == label;
        }
        return m;
    }

    /**
     * The sub-volume of {@code size} voxels starting at index {@code start}; voxels outside this volume are
     * filled with {@code fill} (so this both crops and pads).
     */
    public Volume region(int[] start, int[] size, double fill) {
        int nx = geometry.nx(), ny = geometry.ny(), nz = geometry.nz();
        double[] out = new double[size[0] * size[1] * size[2]];
        int n = 0;
        for (int k = 0; k < size[2]; k++) {
            int sk = start[2] + k;
            for (int j = 0; j < size[1]; j++) {
                int sj = start[1] + j;
                boolean rowInside = sk >= 0 && sk < nz && sj >= 0 && sj < ny;
                for (int i = 0; i < size[0]; i++, n++) {
                    int si = start[0] + i;
                    out[n] = rowInside && si >= 0 && si < nx ? data[si + nx * (sj + ny * sk)] : fill;
                }
            }
        }
        return new Volume(geometry.region(start, size), pixelType, out);
    }
}
