package org.nacrad.image;

import java.util.Arrays;

/**
 * The physical layout of a 3D voxel grid, as ITK and SimpleITK define it, in LPS patient coordinates (mm).
 *
 * <p>A voxel with index (i, j, k) has its centre at
 * <pre>  p = origin + D · diag(spacing) · (i, j, k)ᵀ</pre>
 * where D is the 3×3 direction matrix whose <em>columns</em> are the unit directions of the i, j and k axes.
 * {@link #direction()} returns D row-major: {@code d[3*r + c]} is row r, column c.
 *
 * <p>Voxel data is laid out with i (x) fastest, then j (y), then k (z): linear index {@code i + nx*(j + ny*k)},
 * the layout of NRRD, NIfTI and ITK buffers. A NumPy array from SimpleITK is indexed [k, j, i] over the same
 * buffer.
 *
 * <p>Immutable: the accessors return copies.
 */
public final class Geometry {

    private final int[] size;
    private final double[] spacing;
    private final double[] origin;
    private final double[] direction;

    /**
     * @param size      voxels along i, j, k (each ≥ 1)
     * @param spacing   voxel size along i, j, k in mm (each &gt; 0)
     * @param origin    physical position of voxel (0, 0, 0) in mm (LPS)
     * @param direction 3×3 direction cosines, row-major, columns are axis directions
     */
    public Geometry(int[] size, double[] spacing, double[] origin, double[] direction) {
        if (size.length != 3 || spacing.length != 3 || origin.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("geometry needs 3 sizes, 3 spacings, 3 origin values and 9 direction cosines");
        }
        for (int a = 0; a < 3; a++) {
            if (size[a] < 1) {
                throw new IllegalArgumentException("size must be positive along every axis: " + Arrays.toString(size));
            }
            if (!(spacing[a] > 0) || !Double.isFinite(spacing[a])) {
                throw new IllegalArgumentException("spacing must be positive and finite: " + Arrays.toString(spacing));
            }
            if (!Double.isFinite(origin[a])) {
                throw new IllegalArgumentException("origin must be finite: " + Arrays.toString(origin));
            }
        }
        for (double v : direction) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("direction must be finite: " + Arrays.toString(direction));
            }
        }
        this.size = size.clone();
        this.spacing = spacing.clone();
        this.origin = origin.clone();
        this.direction = direction.clone();
    }

    /** An axis-aligned geometry (identity direction). */
    public static Geometry of(int[] size, double[] spacing, double[] origin) {
        return new Geometry(size, spacing, origin, identity());
    }

    /** The 3×3 identity, row-major. */
    public static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    public int[] size() {
        return size.clone();
    }

    public double[] spacing() {
        return spacing.clone();
    }

    public double[] origin() {
        return origin.clone();
    }

    /** Direction cosines, row-major 3×3; column c is the physical direction of index axis c. */
    public double[] direction() {
        return direction.clone();
    }

    public int nx() {
        return size[0];
    }

    public int ny() {
        return size[1];
    }

    public int nz() {
        return size[2];
    }

    /** Size along axis a (0 = i/x, 1 = j/y, 2 = k/z). */
    public int size(int a) {
        return size[a];
    }

    /** Spacing along axis a in mm. */
    public double spacing(int a) {
        return spacing[a];
    }

    /** Number of voxels. */
    public long voxelCount() {
        return (long) size[0] * size[1] * size[2];
    }

    /** Volume of one voxel in mm³. */
    public double voxelVolume() {
        return spacing[0] * spacing[1] * spacing[2];
    }

    /** Linear index of voxel (i, j, k). */
    public int index(int i, int j, int k) {
        return i + size[0] * (j + size[1] * k);
    }

    /** Physical point (mm, LPS) of a continuous index. */
    public double[] indexToPhysical(double i, double j, double k) {
        double si = i * spacing[0];
        double sj = j * spacing[1];
        double sk = k * spacing[2];
        return new double[] {
            origin[0] + direction[0] * si + direction[1] * sj + direction[2] * sk,
            origin[1] + direction[3] * si + direction[4] * sj + direction[5] * sk,
            origin[2] + direction[6] * si + direction[7] * sj + direction[8] * sk,
        };
    }

    /**
     * Continuous index of a physical point: (D·diag(spacing))⁻¹ (p − origin). The inverse is computed
     * as a general 3×3 inverse so non-orthonormal directions (sheared NIfTI sforms) are handled.
     */
    public double[] physicalToIndex(double x, double y, double z) {
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = direction[3 * r + c] * spacing[c];
            }
        }
        double[] inv = invert3(m);
        double dx = x - origin[0];
        double dy = y - origin[1];
        double dz = z - origin[2];
        return new double[] {
            inv[0] * dx + inv[1] * dy + inv[2] * dz,
            inv[3] * dx + inv[4] * dy + inv[5] * dz,
            inv[6] * dx + inv[7] * dy + inv[8] * dz,
        };
    }

    /** Inverse of a row-major 3×3 matrix. */
    static double[] invert3(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], k = m[8];
        double A = e * k - f * h, B = -(d * k - f * g), C = d * h - e * g;
        double det = a * A + b * B + c * C;
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("singular direction matrix");
        }
        return new double[] {
            A / det, -(b * k - c * h) / det, (b * f - c * e) / det,
            B / det, (a * k - c * g) / det, -(a * f - c * d) / det,
            C / det, -(a * h - b * g) / det, (a * e - b * d) / det,
        };
    }

    /** A geometry with the same spacing and direction but another size and origin (for crops and pads). */
    public Geometry withSizeAndOrigin(int[] newSize, double[] newOrigin) {
        return new Geometry(newSize, spacing, newOrigin, direction);
    }

    /**
     * The sub-grid starting at index {@code start} with {@code newSize} voxels (start may be negative or run
     * past the end, for padding): same spacing and direction, origin moved to the physical point of start.
     */
    public Geometry region(int[] start, int[] newSize) {
        return withSizeAndOrigin(newSize, indexToPhysical(start[0], start[1], start[2]));
    }

    /**
     * Whether another geometry describes the same grid within a tolerance, as ITK checks its inputs
     * (PyRadiomics' {@code geometryTolerance} sets both ITK tolerances): sizes equal, origin and spacing
     * differing by at most {@code tolerance × spacing[0]} (ITK's coordinate tolerance), direction cosines by at
     * most {@code tolerance}.
     *
     * @return null when the grids match, else a short description of the first difference
     */
    public String mismatch(Geometry other, double tolerance) {
        if (!Arrays.equals(size, other.size)) {
            return "size " + Arrays.toString(size) + " vs " + Arrays.toString(other.size);
        }
        double coordTol = tolerance * spacing[0];
        for (int a = 0; a < 3; a++) {
            if (Math.abs(spacing[a] - other.spacing[a]) > coordTol) {
                return "spacing " + Arrays.toString(spacing) + " vs " + Arrays.toString(other.spacing);
            }
        }
        for (int a = 0; a < 3; a++) {
            if (Math.abs(origin[a] - other.origin[a]) > coordTol) {
                return "origin " + Arrays.toString(origin) + " vs " + Arrays.toString(other.origin);
            }
        }
        for (int a = 0; a < 9; a++) {
            if (Math.abs(direction[a] - other.direction[a]) > tolerance) {
                return "direction " + Arrays.toString(direction) + " vs " + Arrays.toString(other.direction);
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && Arrays.equals(size, g.size) && Arrays.equals(spacing, g.spacing)
                && Arrays.equals(origin, g.origin) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(size) + Arrays.hashCode(spacing)) + Arrays.hashCode(origin))
                + Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return "Geometry[size=" + Arrays.toString(size) + ", spacing=" + Arrays.toString(spacing) + ", origin="
                + Arrays.toString(origin) + ", direction=" + Arrays.toString(direction) + "]";
    }
}
