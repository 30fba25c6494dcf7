package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.clinical.ClinicalDerivation;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.clinical.Table;
import org.nacrad.extraction.DiffusionQuantities;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.RadiomicsExtractor;

/**
 * Applies a saved model to new patients: extracts the radiomics features with the model's own parameter file,
 * computes the diffusion quantities and the clinical coding, and returns the probability of chemoresistance, the
 * risk group at the model's threshold, and the values that produced them. Inputs the model cannot use (a missing
 * predictor value, an unreadable file, a mask on another grid) are refused with the reason.
 */
public final class Predictor {

    private final SavedModel model;
    private final RadiomicsExtractor extractor;

    public Predictor(SavedModel model) {
        this.model = model;
        ParameterFile p = ParameterFile.parse(model.parameterFile(), "model.json").withSetting("label", model.label());
        this.extractor = new RadiomicsExtractor(p);
    }

    /**
     * One patient's inputs. Images may be DICOM series folders and masks DICOM-SEG/RTSTRUCT files, as in the study
     * manifest.
     *
     * @param mask             tumour mask on the image (label map, or DICOM-SEG/RTSTRUCT drawn on the image)
     * @param maskSegment      segment/ROI of a DICOM-SEG/RTSTRUCT mask (null when it holds one)
     * @param dwi              DWI series (4D file or DICOM folder)
     * @param bvals            b-values file (null when the DICOM series carries them)
     * @param dwiMask          tumour mask on the DWI grid
     * @param dwiMaskSegment   its segment/ROI, or null
     * @param reference        reference-tissue mask on the DWI grid
     * @param referenceSegment its segment/ROI, or null
     * @param clinical         raw clinical values by column name (as in the study manifest)
     */
    public record Inputs(String id, Path image, Path mask, String maskSegment, Path dwi, Path bvals, Path dwiMask,
                         String dwiMaskSegment, Path reference, String referenceSegment, Map<String, String> clinical) {
        public Inputs {
            maskSegment = blankToNull(maskSegment);
            dwiMaskSegment = blankToNull(dwiMaskSegment);
            referenceSegment = blankToNull(referenceSegment);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /**
     * A prediction.
     *
     * @param id              patient id
     * @param probability     predicted probability of chemoresistance
     * @param highRisk        probability ≥ the model's threshold
     * @param linearPredictor log-odds
     * @param radScore        the Rad-score
     * @param predictors      the model's predictor values, in model order
     * @param points          total nomogram points
     */
    public record Prediction(String id, double probability, boolean highRisk, double linearPredictor, double radScore,
                             Map<String, Double> predictors, double points) {
    }

    /** Predicts one patient; the message of a refusal names the patient and the reason. */
    public Prediction predict(Inputs in) throws IOException {
        String who = "patient " + in.id();
        List<String> clin = model.clinicalPredictors();
        Map<String, Double> diffusion = Map.of();
        boolean needsDiffusion = clin.stream().anyMatch(DiffusionQuantities.PREDICTORS::contains);
        if (needsDiffusion) {
            if (in.dwi() == null || in.dwiMask() == null || in.reference() == null) {
                throw new IllegalArgumentException(who + ": the model uses " + clin + ", which needs the DWI series "
                        + "(with its b-values file unless DICOM gives them), the DWI tumour mask and the reference mask");
            }
            diffusion = DiffusionQuantities.of(in.dwi(), in.bvals(), in.dwiMask(), in.dwiMaskSegment(), in.reference(),
                    in.referenceSegment(), model.adcMaxB());
        }
        Map<String, String> derived = derive(in, who);
        double rad = model.radScore(extractor.execute(in.image(), in.mask(), in.maskSegment()).features());
        Map<String, Double> values = new LinkedHashMap<>();
        double[] x = new double[model.predictors().size()];
        int j = 0;
        for (String name : model.predictors()) {
            double v;
            if (name.equals("rad_score")) {
                v = rad;
            } else if (diffusion.containsKey(name)) {
                v = diffusion.get(name);
            } else {
                String s = derived.get(name);
                if (s == null || s.isEmpty()) {
                    throw new IllegalArgumentException(who + ": no value for the model's predictor '" + name + "'");
                }
                v = Double.parseDouble(s);
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(who + ": predictor '" + name + "' is " + v);
            }
            values.put(name, v);
            x[j++] = v;
        }
        double lp = model.linearPredictor(x);
        double p = SavedModel.expit(lp);
        return new Prediction(in.id(), p, p >= model.threshold(), lp, rad, values, model.points(x));
    }

    /** The clinical derivation of one patient's raw values (no label: there is no post-surgery data yet). */
    private Map<String, String> derive(Inputs in, String who) {
        List<String> cols = new ArrayList<>(in.clinical().keySet());
        List<String> row = new ArrayList<>();
        for (String c : cols) {
            row.add(in.clinical().get(c));
        }
        try {
            Table t = ClinicalDerivation.derive(new Table(cols, List.of(row)),
                    new ClinicalDerivation.Options(ResistanceRule.parse(model.rule()), model.ki67Threshold()), who);
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < t.columns().size(); c++) {
                m.put(t.columns().get(c), t.rows().get(0).get(c));
            }
            return m;
        } catch (ClinicalDerivation.InvalidTableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
