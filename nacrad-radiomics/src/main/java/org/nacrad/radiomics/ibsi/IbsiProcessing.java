package org.nacrad.radiomics.ibsi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.ibsi.IbsiSettings.Interpolation;

/**
 * The IBSI-1 image processing chain (reference manual, chapter 2) from an image and a label map to the
 * {@link IbsiRoi} the feature families read, with the diagnostic values of each step under IBSI's diagnostic tags.
 *
 * <ol>
 *   <li>Rounding of the image to whole numbers when {@code roundIntensities} (the manual's advice for CT stored in
 *       floating point). Diagnostics {@code *_init_img} and {@code *_init_roi}.</li>
 *   <li>Interpolation (VTM2) to the grid of {@link IbsiGrid} when a spacing is set: the image with the chosen
 *       interpolator, then rounded again (68QD); the ROI mask by nearest neighbour or linear interpolation and the
 *       partial-volume threshold (E8H9): in where the interpolated mask is ≥ δ. Diagnostics {@code *_interp_img},
 *       {@code *_interp_roi}.</li>
 *   <li>Re-segmentation (IF9H) of the intensity mask only: the range [a, b] (USB3) and outlier filtering (7ACA),
 *       μ ± kσ of the ROI's intensities before re-segmentation (population σ); both together keep the intersection.
 *       The morphological mask keeps the interpolated ROI. Diagnostics {@code *_reseg_roi}.</li>
 * </ol>
 *
 * <p>Only a block of the interpolated grid is computed: the ROI's box plus the 1 cm³ sphere of the local intensity
 * features (6.2 mm) and one voxel; the whole interpolated image is computed for its diagnostics only when they are
 * asked for. Values inside the block are those a whole-image interpolation gives.
 */
public final class IbsiProcessing {

    /** Radius of the 1 cm³ sphere, (3 / 4π)^⅓ cm, in mm. */
    static final double PEAK_RADIUS = Math.cbrt(3.0 / (4.0 * Math.PI)) * 10.0;

    private IbsiProcessing() {
    }

    /**
     * Runs the chain.
     *
     * @param image    the image
     * @param labelMap the label map, on the image's grid
     * @param s        the settings
     * @throws IllegalArgumentException with a one-line message when the ROI is absent, empty after re-segmentation or
     *                                  unsuitable for the settings
     */
    public static IbsiRoi process(Volume image, Volume labelMap, IbsiSettings s) {
        Geometry g = image.geometry();
        String mismatch = g.mismatch(labelMap.geometry(), 1e-3);
        if (mismatch != null) {
            throw new IllegalArgumentException("the mask is not on the image's grid (" + mismatch + ")");
        }
        int[] dims = g.size();
        double[] data = image.data();
        if (s.roundIntensities()) {
            data = data.clone();
            for (int n = 0; n < data.length; n++) {
                data[n] = Math.rint(data[n]);
            }
        }
        double[] labels = labelMap.data();
        boolean[] roi0 = new boolean[labels.length];
        int count0 = 0;
        for (int n = 0; n < labels.length; n++) {
            if (labels[n] == s.label()) {
                roi0[n] = true;
                count0++;
            }
        }
        if (count0 == 0) {
            throw new IllegalArgumentException("label " + s.label() + " is not present in the mask");
        }
        Map<String, Double> diag = new LinkedHashMap<>();
        if (s.diagnostics()) {
            imageDiagnostics(diag, "init", dims, g.spacing(), data);
            roiDiagnostics(diag, "init", dims, dims, data, roi0, roi0);
        }
        int[] box0 = box(roi0, dims);
        for (int n = 0; n < data.length; n++) {
            if (roi0[n] && !Double.isFinite(data[n])) {
                throw new IllegalArgumentException("the image has NaN or infinite values inside the ROI");
            }
        }

        IbsiGrid grid = s.spacing() == null ? IbsiGrid.identity(g) : IbsiGrid.aligned(g, s.spacing(), s.slicewise());
        boolean interpolate = s.spacing() != null;
        // the block of the new grid: the ROI box (one original voxel wider, the support of the interpolated mask)
        // plus the peak sphere and one voxel
        int[] lo = new int[3];
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            int margin = (int) Math.ceil(PEAK_RADIUS / grid.spacing()[a]) + 1;
            double first = box0[a] - 1, last = box0[a + 3] + 1;
            int tFirst = (int) Math.floor((first - grid.start()[a]) / grid.step()[a]) - margin;
            int tLast = (int) Math.ceil((last - grid.start()[a]) / grid.step()[a]) + margin;
            lo[a] = Math.max(0, tFirst);
            int hi = Math.min(grid.size()[a] - 1, tLast);
            n[a] = hi - lo[a] + 1;
        }
        double[] values;
        boolean[] morph;
        if (interpolate) {
            values = grid.interpolate(data, dims, lo, n, s.imageInterpolation());
            if (s.roundIntensities()) {
                for (int p = 0; p < values.length; p++) {
                    values[p] = Math.rint(values[p]);
                }
            }
            double[] m = new double[labels.length];
            for (int p = 0; p < m.length; p++) {
                m[p] = roi0[p] ? 1 : 0;
            }
            double[] mi = grid.interpolate(m, dims, lo, n, s.roiInterpolation());
            morph = new boolean[mi.length];
            // a tolerance of 1e-9 so that a grid point mathematically half-way between ROI and background (a tie
            // at δ = 0.5) is in the ROI as the manual's "≥ δ" says, whatever the rounding of its position
            double threshold = s.partialVolume() - 1e-9;
            for (int p = 0; p < mi.length; p++) {
                morph[p] = mi[p] >= threshold;
            }
            if (s.diagnostics()) {
                int[] full = grid.size();
                double[] all = grid.interpolate(data, dims, new int[3], full, s.imageInterpolation());
                if (s.roundIntensities()) {
                    for (int p = 0; p < all.length; p++) {
                        all[p] = Math.rint(all[p]);
                    }
                }
                imageDiagnostics(diag, "interp", full, grid.spacing(), all);
            }
        } else {
            values = block(data, dims, lo, n);
            morph = block(roi0, dims, lo, n);
            if (s.diagnostics()) {
                imageDiagnostics(diag, "interp", dims, g.spacing(), data);
            }
        }
        int morphCount = count(morph);
        if (morphCount == 0) {
            throw new IllegalArgumentException("the ROI is empty after interpolation to "
                    + java.util.Arrays.toString(grid.spacing()) + " mm (partial-volume threshold "
                    + s.partialVolume() + ")");
        }
        if (s.diagnostics()) {
            roiDiagnostics(diag, "interp", grid.size(), n, values, morph, morph);
        }

        boolean[] intensity = morph.clone();
        double[] range = s.resegmentRange();
        double lower = Double.NEGATIVE_INFINITY, upper = Double.POSITIVE_INFINITY;
        if (range != null) {
            lower = range[0];
            upper = range[1];
        }
        if (s.outlierSigma() > 0) {
            double sum = 0;
            for (int p = 0; p < values.length; p++) {
                if (morph[p]) {
                    sum += values[p];
                }
            }
            double mean = sum / morphCount;
            double ss = 0;
            for (int p = 0; p < values.length; p++) {
                if (morph[p]) {
                    double d = values[p] - mean;
                    ss += d * d;
                }
            }
            double sd = Math.sqrt(ss / morphCount);
            lower = Math.max(lower, mean - s.outlierSigma() * sd);
            upper = Math.min(upper, mean + s.outlierSigma() * sd);
        }
        for (int p = 0; p < values.length; p++) {
            if (intensity[p] && !(values[p] >= lower && values[p] <= upper)) {
                intensity[p] = false;
            }
        }
        if (count(intensity) == 0) {
            throw new IllegalArgumentException("no ROI voxel is left after re-segmentation (resegmentRange "
                    + (range == null ? "none" : "[" + IbsiSettings.number(range[0]) + ", "
                    + IbsiSettings.number(range[1]) + "]")
                    + (s.outlierSigma() > 0 ? ", outlierSigma " + IbsiSettings.number(s.outlierSigma()) : "") + ")");
        }
        if (s.diagnostics()) {
            roiDiagnostics(diag, "reseg", grid.size(), n, values, intensity, morph);
        }
        int[] morphBox = box(morph, n);
        if (morphBox[5] == morphBox[2] && grid.size()[2] > 1 && s.any3dTexture()) {
            throw new IllegalArgumentException("dimension: 3D, but the ROI lies in a single slice, so 3D texture "
                    + "aggregation has no neighbours across slices: set dimension: 2D (2D and 2.5D aggregation)");
        }
        return new IbsiRoi(n, grid.spacing(), values, intensity, morph, diag);
    }

    private static int count(boolean[] m) {
        int c = 0;
        for (boolean b : m) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** Bounding box {x0, y0, z0, x1, y1, z1} (inclusive) of a mask, or null when empty. */
    static int[] box(boolean[] m, int[] dims) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        int p = 0;
        for (int k = 0; k < dims[2]; k++) {
            for (int j = 0; j < dims[1]; j++) {
                for (int i = 0; i < dims[0]; i++, p++) {
                    if (m[p]) {
                        b[0] = Math.min(b[0], i);
                        b[1] = Math.min(b[1], j);
                        b[2] = Math.min(b[2], k);
                        b[3] = Math.max(b[3], i);
                        b[4] = Math.max(b[4], j);
                        b[5] = Math.max(b[5], k);
                    }
                }
            }
        }
        return b[3] < 0 ? null : b;
    }

    private static double[] block(double[] data, int[] dims, int[] lo, int[] n) {
        return copyBlock(data, new double[n[0] * n[1] * n[2]], dims, lo, n);
    }

    private static boolean[] block(boolean[] data, int[] dims, int[] lo, int[] n) {
        return copyBlock(data, new boolean[n[0] * n[1] * n[2]], dims, lo, n);
    }

    /** Copies the block lo … lo + n − 1 of an x-fastest array of any primitive type into {@code out}. */
    private static <T> T copyBlock(T data, T out, int[] dims, int[] lo, int[] n) {
        for (int k = 0, p = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                int src = lo[0] + dims[0] * (lo[1] + j + dims[1] * (lo[2] + k));
                System.arraycopy(data, src, out, p, n[0]);
                p += n[0];
            }
        }
        return out;
    }

    private static void imageDiagnostics(Map<String, Double> d, String step, int[] dims, double[] spacing,
                                         double[] v) {
        String[] ax = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            d.put("img_dim_" + ax[a] + "_" + step + "_img", (double) dims[a]);
        }
        for (int a = 0; a < 3; a++) {
            d.put("vox_dim_" + ax[a] + "_" + step + "_img", spacing[a]);
        }
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        d.put("mean_int_" + step + "_img", sum / v.length);
        d.put("min_int_" + step + "_img", min);
        d.put("max_int_" + step + "_img", max);
    }

    /**
     * The ROI diagnostics of a step. The grid size is that of the whole (interpolated) image; boxes and counts are
     * those of the masks, given on a block of {@code blockDims} voxels.
     */
    private static void roiDiagnostics(Map<String, Double> d, String step, int[] gridSize, int[] blockDims,
                                       double[] values, boolean[] intensity, boolean[] morph) {
        String[] ax = {"x", "y", "z"};
        String sfx = "_" + step + "_roi";
        for (int a = 0; a < 3; a++) {
            d.put("int_mask_dim_" + ax[a] + sfx, (double) gridSize[a]);
        }
        int[] ib = extent(intensity, blockDims);
        int[] mb = extent(morph, blockDims);
        for (int a = 0; a < 3; a++) {
            d.put("int_mask_bb_dim_" + ax[a] + sfx, (double) ib[a]);
        }
        for (int a = 0; a < 3; a++) {
            d.put("morph_mask_bb_dim_" + ax[a] + sfx, (double) mb[a]);
        }
        int ni = 0, nm = 0;
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < values.length; p++) {
            if (morph[p]) {
                nm++;
            }
            if (intensity[p]) {
                ni++;
                sum += values[p];
                min = Math.min(min, values[p]);
                max = Math.max(max, values[p]);
            }
        }
        d.put("int_mask_vox_count" + sfx, (double) ni);
        d.put("morph_mask_vox_count" + sfx, (double) nm);
        d.put("int_mask_mean_int" + sfx, sum / ni);
        d.put("int_mask_min_int" + sfx, min);
        d.put("int_mask_max_int" + sfx, max);
    }

    private static int[] extent(boolean[] m, int[] dims) {
        int[] b = box(m, dims);
        return new int[] {b[3] - b[0] + 1, b[4] - b[1] + 1, b[5] - b[2] + 1};
    }
}
