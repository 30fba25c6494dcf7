package org.nacrad.extraction;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One case to extract: what the manifest of a batch, a study or a Spark job says about one patient. Paths are
 * absolute or relative to the working folder (callers resolve manifest-relative paths). Images may be DICOM series
 * folders and masks DICOM-SEG or RTSTRUCT files.
 *
 * @param id                   case id (unique within a run)
 * @param image                radiomics image (null when only diffusion is extracted)
 * @param mask                 its mask: a label map on the image grid, or a DICOM-SEG/RTSTRUCT drawn on the image
 * @param label                label value of the ROI in a label-map mask; null: the parameter file's
 * @param segment              segment (number or label) or ROI (number or name) of a DICOM-SEG/RTSTRUCT mask, or
 *                             null
 * @param dwi                  DWI series (4D NIfTI/NRRD or DICOM folder), or null without diffusion
 * @param bvals                its b-values file (FSL .bval), or null when the DICOM series carries them
 * @param dwiMask              tumour mask on the DWI grid
 * @param dwiMaskSegment       its segment/ROI when it is a DICOM-SEG/RTSTRUCT, or null
 * @param referenceMask        reference-tissue mask on the DWI grid
 * @param referenceMaskSegment its segment/ROI, or null
 */
public record CaseSpec(String id, Path image, Path mask, Integer label, String segment, Path dwi, Path bvals,
                       Path dwiMask, String dwiMaskSegment, Path referenceMask, String referenceMaskSegment) {

    public CaseSpec {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a case needs an id");
        }
        segment = blankToNull(segment);
        dwiMaskSegment = blankToNull(dwiMaskSegment);
        referenceMaskSegment = blankToNull(referenceMaskSegment);
    }

    /** A radiomics-only case. */
    public static CaseSpec radiomics(String id, Path image, Path mask, Integer label, String segment) {
        return new CaseSpec(id, image, mask, label, segment, null, null, null, null, null, null);
    }

    /**
     * The input files by role ({@code image}, {@code mask}, {@code dwi}, {@code bvals}, {@code dwi_mask},
     * {@code reference_mask}), absent ones left out; the order in which their checksums enter a case's key.
     */
    public Map<String, Path> files() {
        Map<String, Path> m = new LinkedHashMap<>();
        put(m, "image", image);
        put(m, "mask", mask);
        put(m, "dwi", dwi);
        put(m, "bvals", bvals);
        put(m, "dwi_mask", dwiMask);
        put(m, "reference_mask", referenceMask);
        return m;
    }

    private static void put(Map<String, Path> m, String role, Path p) {
        if (p != null) {
            m.put(role, p);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
