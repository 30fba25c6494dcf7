package org.nacrad.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.diffusion.DiffusionAnalysis;
import org.nacrad.diffusion.DiffusionMaps;

/**
 * The diffusion quantities of one case as the study and {@code predict} use them: tumour ADC, MD and MK means, their
 * ratios to the reference tissue, and the voxel counts behind them.
 */
public final class DiffusionQuantities {

    /** The quantities that may be predictors, by name. */
    public static final List<String> PREDICTORS = List.of("adc_mean", "md_mean", "mk_mean", "radc", "rmd", "rmk");

    private DiffusionQuantities() {
    }

    /**
     * Reads the DWI (a 4D file or a DICOM folder; b-values from {@code bvals} or the DICOM) and the two masks (label
     * maps, or DICOM-SEG/RTSTRUCT drawn on the DWI series, with their segments) and fits ADC (log-linear, b ≤
     * {@code adcMaxB}) and the kurtosis model in the tumour and reference regions.
     *
     * @return {@link #PREDICTORS} then {@code dwi_tumour_voxels}, {@code dwi_tumour_excluded},
     *         {@code dwi_reference_voxels}, {@code dwi_reference_excluded}
     */
    public static Map<String, Double> of(Path dwiFile, Path bvals, Path tumourMask, String tumourSegment,
                                         Path referenceMask, String referenceSegment, double adcMaxB)
            throws IOException {
        DiffusionAnalysis.Result r = analyse(dwiFile, bvals, tumourMask, tumourSegment, referenceMask,
                referenceSegment, adcMaxB);
        Map<String, Double> q = r.quantities();
        Map<String, Double> f = predictors(r);
        f.put("dwi_tumour_voxels", q.get("tumour_voxels"));
        f.put("dwi_tumour_excluded", q.get("tumour_excluded"));
        f.put("dwi_reference_voxels", q.get("reference_voxels"));
        f.put("dwi_reference_excluded", q.get("reference_excluded"));
        return f;
    }

    /**
     * The whole analysis behind {@link #of}, with every ROI statistic ({@code predict} shows them); without a
     * reference mask (null) only the tumour is fitted and the relative quantities are absent (the voxel-wise fits
     * do not depend on which other voxels are fitted, so the tumour's values are the same).
     */
    public static DiffusionAnalysis.Result analyse(Path dwiFile, Path bvals, Path tumourMask, String tumourSegment,
                                                   Path referenceMask, String referenceSegment, double adcMaxB)
            throws IOException {
        DiffusionAnalysis.Dwi dwi = DiffusionAnalysis.readDwi(List.of(dwiFile),
                bvals == null ? null : DiffusionAnalysis.readBvals(bvals), String.valueOf(bvals));
        return DiffusionAnalysis.run(dwi.volumes(), dwi.bValues(), dwiFile.toString(),
                DiffusionAnalysis.readMask(dwi, tumourMask, tumourSegment), tumourMask.toString(),
                referenceMask == null ? null : DiffusionAnalysis.readMask(dwi, referenceMask, referenceSegment),
                referenceMask == null ? null : referenceMask.toString(),
                new DiffusionMaps.Options(adcMaxB, false, 1), false);
    }

    /** The {@link #PREDICTORS} of an analysis (the relative ones only when it had a reference region). */
    public static Map<String, Double> predictors(DiffusionAnalysis.Result r) {
        Map<String, Double> q = r.quantities();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("adc_mean", q.get("tumour_adc_mean"));
        f.put("md_mean", q.get("tumour_md_mean"));
        f.put("mk_mean", q.get("tumour_mk_mean"));
        if (q.containsKey("radc")) {
            f.put("radc", q.get("radc"));
            f.put("rmd", q.get("rmd"));
            f.put("rmk", q.get("rmk"));
        }
        return f;
    }
}
