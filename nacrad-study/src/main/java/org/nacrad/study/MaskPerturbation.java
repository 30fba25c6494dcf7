package org.nacrad.study;

import java.util.Locale;
import java.util.SplittableRandom;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Segmentation perturbations for feature robustness, after Zwanenburg et al., "Assessing robustness of radiomic
 * features by image perturbation", Sci Rep 9:614 (2019). Pure functions on a boolean ROI in voxel index space
 * (i fastest, as {@link Geometry}); what is implemented, exactly:
 *
 * <ul>
 *   <li><b>erosion</b> by one voxel: a voxel stays in the ROI when it and its 6 face neighbours are all in it
 *       (3D cross structuring element; a neighbour outside the image counts as outside the ROI). Zwanenburg's
 *       "volume adaptation" shrinks by a volume fraction; this is its one-voxel form, as most radiomics papers
 *       use it.</li>
 *   <li><b>dilation</b> by one voxel: a voxel joins the ROI when it or one of its 6 face neighbours is in it
 *       (clipped at the image border).</li>
 *   <li><b>contour randomisation</b>: Zwanenburg's rule — each supervoxel joins the new ROI with probability equal to
 *       the fraction of it that lies in the original ROI — with a regular grid of 2×2×2-voxel cells in place of SLIC
 *       supervoxels (no intensity clustering). The grid's offset (0 or 1 along each axis) and the draws come from the
 *       seed, so cells wholly inside stay, cells wholly outside stay out, and only the boundary changes, at the
 *       scale of one or two voxels; the same seed gives the same mask.</li>
 * </ul>
 *
 * <p>Worked example (a unit test): a 3×3×3 cube in a 7×7×7 image (27 voxels) erodes to its centre voxel (1) and
 * dilates to the cube plus one voxel on each face (27 + 6·9 = 81).
 */
public final class MaskPerturbation {

    private MaskPerturbation() {
    }

    /** The perturbations. */
    public enum Kind {
        EROSION, DILATION, CONTOUR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Erosion by one voxel with the 6-neighbourhood. */
    public static boolean[] erode(boolean[] roi, int nx, int ny, int nz) {
        check(roi, nx, ny, nz);
        boolean[] out = new boolean[roi.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n = i + nx * (j + ny * k);
                    out[n] = roi[n]
                            && i > 0 && roi[n - 1] && i < nx - 1 && roi[n + 1]
                            && j > 0 && roi[n - nx] && j < ny - 1 && roi[n + nx]
                            && k > 0 && roi[n - nx * ny] && k < nz - 1 && roi[n + nx * ny];
                }
            }
        }
        return out;
    }

    /** Dilation by one voxel with the 6-neighbourhood. */
    public static boolean[] dilate(boolean[] roi, int nx, int ny, int nz) {
        check(roi, nx, ny, nz);
        boolean[] out = new boolean[roi.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n = i + nx * (j + ny * k);
                    out[n] = roi[n]
                            || i > 0 && roi[n - 1] || i < nx - 1 && roi[n + 1]
                            || j > 0 && roi[n - nx] || j < ny - 1 && roi[n + nx]
                            || k > 0 && roi[n - nx * ny] || k < nz - 1 && roi[n + nx * ny];
                }
            }
        }
        return out;
    }

    /** Contour randomisation with 2×2×2 cells (see the class doc); deterministic for a seed. */
    public static boolean[] randomiseContour(boolean[] roi, int nx, int ny, int nz, long seed) {
        check(roi, nx, ny, nz);
        SplittableRandom random = new SplittableRandom(seed);
        int oi = random.nextInt(2);
        int oj = random.nextInt(2);
        int ok = random.nextInt(2);
        boolean[] out = new boolean[roi.length];
        // cells start at offset − 2, so that every voxel belongs to exactly one cell; cells in a fixed order, each
        // drawing one number, so the result depends only on the seed and the mask
        for (int k0 = ok - 2; k0 < nz; k0 += 2) {
            for (int j0 = oj - 2; j0 < ny; j0 += 2) {
                for (int i0 = oi - 2; i0 < nx; i0 += 2) {
                    int in = 0;
                    int all = 0;
                    for (int k = Math.max(k0, 0); k < Math.min(k0 + 2, nz); k++) {
                        for (int j = Math.max(j0, 0); j < Math.min(j0 + 2, ny); j++) {
                            for (int i = Math.max(i0, 0); i < Math.min(i0 + 2, nx); i++) {
                                all++;
                                in += roi[i + nx * (j + ny * k)] ? 1 : 0;
                            }
                        }
                    }
                    if (all == 0 || in == 0) {
                        continue;
                    }
                    boolean keep = in == all || random.nextDouble() < (double) in / all;
                    if (!keep) {
                        continue;
                    }
                    for (int k = Math.max(k0, 0); k < Math.min(k0 + 2, nz); k++) {
                        for (int j = Math.max(j0, 0); j < Math.min(j0 + 2, ny); j++) {
                            for (int i = Math.max(i0, 0); i < Math.min(i0 + 2, nx); i++) {
                                out[i + nx * (j + ny * k)] = true;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** One perturbation of a boolean ROI. */
    public static boolean[] apply(Kind kind, boolean[] roi, int nx, int ny, int nz, long seed) {
        return switch (kind) {
            case EROSION -> erode(roi, nx, ny, nz);
            case DILATION -> dilate(roi, nx, ny, nz);
            case CONTOUR -> randomiseContour(roi, nx, ny, nz, seed);
        };
    }

    /**
     * The perturbed mask of a label map: the voxels of {@code label}, perturbed, as a label map of that label on
     * the same grid (other labels are dropped).
     *
     * @throws IllegalArgumentException when the perturbed ROI is empty (erosion of a ROI one or two voxels thin)
     */
    public static Volume apply(Kind kind, Volume labelMap, int label, long seed) {
        Geometry g = labelMap.geometry();
        boolean[] roi = apply(kind, labelMap.labelMask(label), g.nx(), g.ny(), g.nz(), seed);
        double[] data = new double[roi.length];
        int count = 0;
        for (int n = 0; n < roi.length; n++) {
            if (roi[n]) {
                data[n] = label;
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(kind + " by one voxel leaves no voxel of label " + label
                    + " (the ROI is too thin for this perturbation)");
        }
        return labelMap.withData(data, label <= 255 ? PixelType.UINT8 : PixelType.INT32);
    }

    /** The seed of a patient's contour randomisation: from the study seed and the patient id only. */
    public static long patientSeed(long seed, String id) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * id.hashCode())).nextLong();
    }

    /** Voxels in an ROI. */
    public static int count(boolean[] roi) {
        int c = 0;
        for (boolean b : roi) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static void check(boolean[] roi, int nx, int ny, int nz) {
        if ((long) nx * ny * nz != roi.length) {
            throw new IllegalArgumentException("mask of " + roi.length + " voxels is not " + nx + "×" + ny + "×" + nz);
        }
    }
}
