package org.nacrad.radiomics;

/**
 * What a feature family computes on: one (possibly filtered) image cropped to the bounding box of the ROI,
 * after all preprocessing (normalisation, resampling, resegmentation, discretisation).
 *
 * <p>All arrays have {@code size[0]*size[1]*size[2]} entries laid out i (x) fastest, as {@link
 * org.nacrad.image.Geometry} describes. PyRadiomics works on NumPy arrays indexed [z, y, x] over the same buffer.
 *
 * @param size     voxels of the box along i, j, k
 * @param spacing  voxel size along i, j, k in mm
 * @param mask     true inside the ROI
 * @param values   image intensities (all box voxels; only those inside the mask are meaningful)
 * @param levels   discretised grey level of each ROI voxel (1, 2, … as PyRadiomics numbers bins; 0 outside
 *                 the ROI); may be null for families that do not use it (shape)
 * @param settings the settings in force for this image type
 * @param derived  read-only data derived from the others that several families need (the padded grid of grey levels
 *                 their neighbourhood walks read), made once per input on first use and shared; thread-safe
 */
public record FeatureInput(int[] size, double[] spacing, boolean[] mask, double[] values, int[] levels,
                           RadiomicsSettings settings, Derived derived) {

    /** An input with nothing derived yet. */
    public FeatureInput(int[] size, double[] spacing, boolean[] mask, double[] values, int[] levels,
                        RadiomicsSettings settings) {
        this(size, spacing, mask, values, levels, settings, new Derived());
    }

    /**
     * Data derived from one input, computed once by the first family that asks and then shared by the others (the
     * families of one image type may run on different threads). What is stored must never be modified by a reader:
     * a family that needs to write copies first.
     */
    public static final class Derived {
        private final java.util.concurrent.ConcurrentHashMap<Object, Object> values =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** The value for {@code key}, made by {@code make} if this is the first request. */
        @SuppressWarnings("unchecked")
        public <T> T get(Object key, java.util.function.Supplier<T> make) {
            return (T) values.computeIfAbsent(key, k -> make.get());
        }
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

    /** Number of voxels in the box. */
    public int length() {
        return size[0] * size[1] * size[2];
    }

    /** Number of ROI voxels. */
    public int roiVoxels() {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
