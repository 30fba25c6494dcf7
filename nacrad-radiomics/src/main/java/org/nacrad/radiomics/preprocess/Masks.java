package org.nacrad.radiomics.preprocess;

import java.util.TreeSet;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;

/**
 * Label selection and ROI checks as PyRadiomics' {@code imageoperations.getMask} and {@code checkMask} do them.
 *
 * <ul>
 *   <li>{@link #checkLabel}: the label map must label something, and the requested label must be present;</li>
 *   <li>{@link #checkGeometry}: image and mask on the same grid within {@code geometryTolerance} (ITK's
 *       coordinate and direction tolerances, default 1e-6);</li>
 *   <li>{@link #boundingBox} / {@link #checkRoi}: the ROI's bounding box; a single voxel, fewer thick axes than
 *       {@code minimumROIDimensions}, or no more voxels than {@code minimumROISize} are rejected.</li>
 * </ul>
 *
 * <p>Problems are reported as {@link RoiException}s whose message says what is wrong in one line; callers add the
 * file and case.
 */
public final class Masks {

    /** ITK's default coordinate and direction tolerance. */
    public static final double ITK_TOLERANCE = 1e-6;

    private Masks() {
    }

    /** A mask that cannot be used; the message is one line. */
    public static final class RoiException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public RoiException(String message) {
            super(message);
        }
    }

    /**
     * The label value of a voxel as PyRadiomics sees it after casting the label map to UInt32 (fractions truncated).
     */
    public static long labelValue(double v) {
        return (long) v;
    }

    /**
     * Checks that the label map is not empty and contains {@code label} (getMask). Stops at the first voxel with the
     * label; the labels present are collected only for the error message.
     */
    public static void checkLabel(Volume labelMap, int label) {
        if (label != 0) {
            for (double v : labelMap.data()) {
                if (labelValue(v) == label) {
                    return;
                }
            }
        }
        TreeSet<Long> labels = new TreeSet<>();
        for (double v : labelMap.data()) {
            long l = labelValue(v);
            if (l != 0 && labels.size() < 64) {
                labels.add(l);
            }
        }
        if (labels.isEmpty()) {
            throw new RoiException("mask is empty (no voxel is labelled)");
        }
        throw new RoiException("label " + label + " not present in mask; labels present: " + labels);
    }

    /**
     * True where the label map equals {@code label}. For a positive label, {@code (long) v == label} is tested as
     * {@code label <= v < label + 1} (the same voxels, NaN included, without a conversion per voxel).
     */
    public static boolean[] roi(Volume labelMap, int label) {
        double[] d = labelMap.data();
        boolean[] m = new boolean[d.length];
        if (label > 0) {
            double lo = label;
            double hi = label + 1.0;
            for (int n = 0; n < d.length; n++) {
                double v = d[n];
                m[n] = v >= lo && v < hi;
            }
        } else {
            for (int n = 0; n < d.length; n++) {
                m[n] = labelValue(d[n]) == label;
            }
        }
        return m;
    }

    /**
     * Checks that image and mask share their grid.
     *
     * @param tolerance PyRadiomics' {@code geometryTolerance}, or null for ITK's default
     * @return null when they match, else the difference (for a message)
     */
    public static String geometryMismatch(Geometry image, Geometry mask, Double tolerance) {
        return image.mismatch(mask, tolerance == null ? ITK_TOLERANCE : tolerance);
    }

    /**
     * The bounding box of the true voxels, or null when there are none. Each row (fixed j, k) is scanned from both
     * ends for its first and last true voxel, so only rows holding ROI voxels cost more than one test per voxel.
     */
    public static BoundingBox boundingBox(Geometry g, boolean[] roi) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int k = 0, row = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++, row += nx) {
                int first = 0;
                while (first < nx && !roi[row + first]) {
                    first++;
                }
                if (first == nx) {
                    continue;
                }
                int last = nx - 1;
                while (!roi[row + last]) {
                    last--;
                }
                lo[0] = Math.min(lo[0], first);
                hi[0] = Math.max(hi[0], last);
                lo[1] = Math.min(lo[1], j);
                hi[1] = Math.max(hi[1], j);
                lo[2] = Math.min(lo[2], k);
                hi[2] = k;
            }
        }
        return hi[0] < 0 ? null : new BoundingBox(lo, hi);
    }

    /** Number of true voxels inside a box (all of them when the box bounds the ROI). */
    public static int count(Geometry g, boolean[] roi, BoundingBox bb) {
        int[] lo = bb.lower();
        int[] hi = bb.upper();
        int c = 0;
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int n = g.index(lo[0], j, k), end = n + hi[0] - lo[0]; n <= end; n++) {
                    if (roi[n]) {
                        c++;
                    }
                }
            }
        }
        return c;
    }

    /** The ROI restricted to a box of its grid (the box's voxels, i fastest), as the feature families take it. */
    public static boolean[] cropToBox(Geometry g, boolean[] roi, BoundingBox bb) {
        int[] lo = bb.lower();
        int[] sz = bb.size();
        boolean[] out = new boolean[sz[0] * sz[1] * sz[2]];
        int n = 0;
        for (int k = 0; k < sz[2]; k++) {
            for (int j = 0; j < sz[1]; j++) {
                int src = g.index(lo[0], lo[1] + j, lo[2] + k);
                for (int i = 0; i < sz[0]; i++) {
                    out[n++] = roi[src + i];
                }
            }
        }
        return out;
    }

    /** Number of true entries (ROI voxels, active axes). */
    public static int count(boolean[] roi) {
        int c = 0;
        for (boolean b : roi) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /**
     * PyRadiomics' checkMask on an ROI: returns its bounding box, or fails for an absent label, a single voxel, too
     * few dimensions or too few voxels.
     *
     * @param minimumROIDimensions axes that must be thicker than one voxel
     * @param minimumROISize       the ROI must have more voxels than this, or null for no check
     */
    public static BoundingBox checkRoi(Geometry g, boolean[] roi, int label, int minimumROIDimensions,
                                       Integer minimumROISize) {
        BoundingBox bb = boundingBox(g, roi);
        if (bb == null) {
            throw new RoiException("label " + label + " not present in mask");
        }
        int dims = bb.dimensions();
        if (dims == 0) {
            throw new RoiException("ROI (label " + label + ") is a single voxel; features need at least two");
        }
        if (dims < minimumROIDimensions) {
            throw new RoiException("ROI (label " + label + ") has too few dimensions: it spans " + dims
                    + " axis(es), minimumROIDimensions is " + minimumROIDimensions);
        }
        if (minimumROISize != null) {
            int size = count(g, roi, bb);
            if (size <= minimumROISize) {
                throw new RoiException("ROI (label " + label + ") is too small: " + size
                        + " voxels, minimumROISize is " + minimumROISize);
            }
        }
        return bb;
    }

    /**
     * Number of 26-connected components of the ROI (ITK's {@code ConnectedComponentImageFilter} fully connected),
     * PyRadiomics' {@code diagnostics_Mask-*_VolumeNum}. Iterative flood fill with a plain int stack.
     */
    public static int connectedComponents(Geometry g, boolean[] roi) {
        BoundingBox bb = boundingBox(g, roi);
        return bb == null ? 0 : connectedComponents(g, roi, bb, count(roi));
    }

    /**
     * As {@link #connectedComponents(Geometry, boolean[])} given the ROI's bounding box and voxel count. Only the box
     * is visited, and the voxels already reached are marked in a box-sized array.
     */
    public static int connectedComponents(Geometry g, boolean[] roi, BoundingBox bb, int count) {
        int[] lo = bb.lower();
        int[] size = bb.size();
        boolean[] seen = new boolean[size[0] * size[1] * size[2]];
        int[] stack = new int[Math.max(16, count)];
        int components = 0;
        for (int k = 0, b = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0, n = g.index(lo[0], lo[1] + j, lo[2] + k); i < size[0]; i++, n++, b++) {
                    if (roi[n] && !seen[b]) {
                        components++;
                        fill(g, roi, lo, size, seen, stack, b);
                    }
                }
            }
        }
        return components;
    }

    /** Marks the 26-connected component of box voxel {@code start} (box-local indices on the stack). */
    private static void fill(Geometry g, boolean[] roi, int[] lo, int[] size, boolean[] seen, int[] stack, int start) {
        int nx = size[0], ny = size[1], nz = size[2];
        int top = 0;
        stack[top++] = start;
        seen[start] = true;
        while (top > 0) {
            int v = stack[--top];
            int i = v % nx, j = (v / nx) % ny, k = v / (nx * ny);
            for (int dk = -1; dk <= 1; dk++) {
                int kk = k + dk;
                if (kk < 0 || kk >= nz) {
                    continue;
                }
                for (int dj = -1; dj <= 1; dj++) {
                    int jj = j + dj;
                    if (jj < 0 || jj >= ny) {
                        continue;
                    }
                    for (int di = -1; di <= 1; di++) {
                        int ii = i + di;
                        if (ii < 0 || ii >= nx) {
                            continue;
                        }
                        int w = ii + nx * (jj + ny * kk);
                        if (!seen[w] && roi[g.index(lo[0] + ii, lo[1] + jj, lo[2] + kk)]) {
                            seen[w] = true;
                            stack[top++] = w;
                        }
                    }
                }
            }
        }
    }
}
