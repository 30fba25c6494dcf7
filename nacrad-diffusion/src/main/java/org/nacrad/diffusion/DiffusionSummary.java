package org.nacrad.diffusion;

import org.nacrad.image.Geometry;

/**
 * The diffusion quantities of a patient: ADC, MD and MK statistics over the tumour and (optionally) over a
 * reference region of normal tissue, and the tumour values relative to the reference:
 * <pre>  rADC = ADC̄_tumour / ADC̄_reference,  rMD = MD̄_tumour / MD̄_reference,  rMK = MK̄_tumour / MK̄_reference</pre>
 * (ratios of ROI means).
 *
 * @param tumour    tumour ROI
 * @param reference reference ROI, or null
 * @param relative  relative values, or null without a reference
 */
public record DiffusionSummary(Region tumour, Region reference, Relative relative) {

    /**
     * One region's statistics.
     *
     * @param adc          ADC statistics, mm²/s
     * @param md           MD statistics, mm²/s
     * @param mk           MK statistics
     * @param voxels       ROI voxels
     * @param excluded     ROI voxels left out of at least one parameter's statistics
     */
    public record Region(RoiStatistics adc, RoiStatistics md, RoiStatistics mk, int voxels, int excluded) {
    }

    /** Tumour-to-reference ratios of the ROI means. */
    public record Relative(double rAdc, double rMd, double rMk) {
    }

    /** Summarises maps over a tumour mask and an optional reference mask (both on the maps' grid). */
    public static DiffusionSummary of(DiffusionMaps maps, boolean[] tumour, boolean[] reference) {
        Region t = region(maps, tumour);
        if (reference == null) {
            return new DiffusionSummary(t, null, null);
        }
        Region r = region(maps, reference);
        return new DiffusionSummary(t, r, new Relative(t.adc().mean() / r.adc().mean(),
                t.md().mean() / r.md().mean(), t.mk().mean() / r.mk().mean()));
    }

    private static Region region(DiffusionMaps maps, boolean[] roi) {
        int voxels = 0;
        int excluded = 0;
        for (int i = 0; i < roi.length; i++) {
            if (roi[i]) {
                voxels++;
                if (maps.adcStatus()[i] != 0 || maps.dkiStatus()[i] != 0) {
                    excluded++;
                }
            }
        }
        return new Region(RoiStatistics.of(maps.adc(), maps.adcStatus(), roi),
                RoiStatistics.of(maps.md(), maps.dkiStatus(), roi),
                RoiStatistics.of(maps.mk(), maps.dkiStatus(), roi), voxels, excluded);
    }

    /** Checks that a mask is on the series' grid; the message names the mask. */
    public static void requireSameGrid(Geometry dwi, Geometry mask, String maskName) {
        String m = dwi.mismatch(mask, 1e-6);
        if (m != null) {
            throw new IllegalArgumentException(maskName + ": mask is not on the diffusion series' grid (" + m + ")");
        }
    }
}
