package org.nacrad.image.resample;

import java.util.Arrays;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;

/**
 * Matching a segmentation mask to its image as PyRadiomics' {@code imageoperations.checkMask} does with
 * {@code correctMask}.
 *
 * <ol>
 * <li>The grids match when ITK's input check passes ({@link Geometry#mismatch}: equal sizes; origins and spacings
 *     within {@code tolerance × |spacing₀|} of the image, element by element; direction cosines within
 *     {@code tolerance}; PyRadiomics' {@code geometryTolerance} sets both, ITK's default is 1e-6). The mask is
 *     then used as it is.</li>
 * <li>Otherwise, without {@code correctMask}, it is an error. With it, the label must be present, and the two
 *     corners of its bounding box — index (min − 0.5) and (max + 0.5) of the mask, mapped to the image's
 *     continuous index — must lie within [−0.5 − 10⁻³, size − 0.5 + 10⁻³] on every axis (PyRadiomics checks only
 *     these two corners). The mask is then resampled onto the image grid with nearest neighbour, default 0,
 *     keeping its pixel type.</li>
 * </ol>
 *
 * <p>Worked example (a unit test): an image of 4³ voxels of 2 mm at origin 0 and a mask of 8³ voxels of 1 mm at
 * origin −0.5 cover the same box; image voxel i has its centre at 2i mm, which is mask index 2i + 0.5, rounded
 * half up to 2i + 1: the corrected mask is mask[2i + 1, 2j + 1, 2k + 1].
 */
public final class MaskAlignment {

    /** PyRadiomics' allowance, in voxels of the image, for the ROI corners beyond the image border. */
    static final double ROI_TOLERANCE = 1e-3;

    private MaskAlignment() {
    }

    /**
     * The mask on the image grid.
     *
     * @param tolerance    ITK's geometry tolerance (PyRadiomics {@code geometryTolerance}; default 1e-6)
     * @param correctMask  whether a mismatched mask may be resampled onto the image grid
     * @return {@code mask} itself when the grids match, else the resampled mask
     * @throws IllegalArgumentException (one-line message) when the grids differ and may not or cannot be matched
     */
    public static Volume align(Volume image, Volume mask, int label, double tolerance, boolean correctMask) {
        String difference = image.geometry().mismatch(mask.geometry(), tolerance);
        if (difference == null) {
            return mask;
        }
        if (!correctMask) {
            throw new IllegalArgumentException("image and mask geometries differ (" + difference + ", tolerance "
                    + tolerance + "): increase geometryTolerance or enable correctMask");
        }
        return correct(image, mask, label);
    }

    /** Resamples the mask onto the image grid after checking its ROI lies inside the image (step 2 above). */
    public static Volume correct(Volume image, Volume mask, int label) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        Geometry mg = mask.geometry();
        double[] m = mask.data();
        int n = 0;
        for (int k = 0; k < mg.nz(); k++) {
            for (int j = 0; j < mg.ny(); j++) {
                for (int i = 0; i < mg.nx(); i++, n++) {
                    if (m[n] == label) {
                        lo[0] = Math.min(lo[0], i);
                        lo[1] = Math.min(lo[1], j);
                        lo[2] = Math.min(lo[2], k);
                        hi[0] = Math.max(hi[0], i);
                        hi[1] = Math.max(hi[1], j);
                        hi[2] = Math.max(hi[2], k);
                    }
                }
            }
        }
        if (hi[0] < 0) {
            throw new IllegalArgumentException("label " + label + " is not present in the mask");
        }
        Geometry ig = image.geometry();
        double[] a = mg.indexToPhysical(lo[0] - 0.5, lo[1] - 0.5, lo[2] - 0.5);
        double[] b = mg.indexToPhysical(hi[0] + 0.5, hi[1] + 0.5, hi[2] + 0.5);
        double[] ca = ig.physicalToIndex(a[0], a[1], a[2]);
        double[] cb = ig.physicalToIndex(b[0], b[1], b[2]);
        for (int d = 0; d < 3; d++) {
            if (Math.min(ca[d], cb[d]) < -0.5 - ROI_TOLERANCE
                    || Math.max(ca[d], cb[d]) > ig.size(d) - 0.5 + ROI_TOLERANCE) {
                throw new IllegalArgumentException("the ROI of label " + label + " extends outside the image: its "
                        + "bounding box spans image indices " + Arrays.toString(round(ca)) + " to "
                        + Arrays.toString(round(cb)) + ", the image has " + Arrays.toString(ig.size()) + " voxels");
            }
        }
        return Resampler.resample(mask, ig, Interpolator.NEAREST_NEIGHBOR, 0);
    }

    private static double[] round(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Math.round(x[i] * 1000) / 1000.0;
        }
        return r;
    }
}
