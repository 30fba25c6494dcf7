package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.clinical.ClinicalDerivation;
import org.nacrad.clinical.ClinicalValueException;
import org.nacrad.clinical.Columns;
import org.nacrad.clinical.Receptors;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.clinical.Table;
import org.nacrad.diffusion.DiffusionAnalysis;
import org.nacrad.extraction.DiffusionQuantities;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.ExtractionException;
import org.nacrad.radiomics.StandardExtraction;
import org.nacrad.stats.glm.PredictionInterval;

/**
 * Applies a saved model to new patients: extracts the radiomics features with the model's own parameter file,
 * computes the diffusion quantities and the clinical coding, and returns the probability of chemoresistance with its
 * 95 % confidence interval, the risk group at the model's threshold, the nomogram points, and the values that
 * produced them, with a warning for every input outside the range seen in training.
 *
 * <p>It asks for exactly the inputs of {@link ModelInputs}: a clinical value or a file the model does not use is
 * refused by name (it would otherwise be silently ignored), as is a missing one. Inputs the model cannot use (an
 * unreadable file, a mask on another grid, a value out of range) are refused with the reason.
 */
public final class Predictor {

    /** Confidence level of the interval of the probability. */
    public static final double LEVEL = 0.95;

    /** What the confidence interval describes and what it leaves out, for every place that shows it. */
    public static final String INTERVAL_NOTE = "95 % confidence interval by the delta method on the logit scale of "
            + "the final logistic model: it reflects the uncertainty of that model's coefficients only, with the "
            + "Rad-score taken as a fixed, known predictor; it does not include the uncertainty of the feature "
            + "and predictor selection or of the Rad-score's own weights, measurement or segmentation error in "
            + "this patient's inputs, or miscalibration in a population unlike the training cohort.";

    private final SavedModel model;
    private final ModelInputs inputs;
    private final StandardExtraction extractor;
    private final SavedHarmonisation harmonisation;

    public Predictor(SavedModel model) {
        this.model = model;
        this.harmonisation = SavedHarmonisation.of(model);
        this.inputs = ModelInputs.of(model);
        // the saved parameter text names its standard (PyRadiomics or IBSI mode)
        this.extractor = StandardExtraction.parse(model.parameterFile(), "model.json").withLabel(model.label());
    }

    /** The inputs this model asks for. */
    public ModelInputs inputs() {
        return inputs;
    }

    /** The model. */
    public SavedModel model() {
        return model;
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
            clinical = clinical == null ? Map.of() : clinical;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        /** These inputs with one more clinical value. */
        public Inputs withClinical(String column, String value) {
            Map<String, String> c = new LinkedHashMap<>(clinical);
            c.put(column, value);
            return new Inputs(id, image, mask, maskSegment, dwi, bvals, dwiMask, dwiMaskSegment, reference,
                    referenceSegment, c);
        }

        /** The given file and segment inputs by their {@link ModelInputs#FILES} names (absent ones left out). */
        public Map<String, Object> files() {
            Map<String, Object> m = new LinkedHashMap<>();
            Object[] v = {image, mask, maskSegment, dwi, bvals, dwiMask, dwiMaskSegment, reference, referenceSegment};
            for (int k = 0; k < v.length; k++) {
                if (v[k] != null) {
                    m.put(ModelInputs.FILES.get(k), v[k]);
                }
            }
            return m;
        }
    }

    /**
     * A prediction.
     *
     * @param id                patient id
     * @param probability       predicted probability of chemoresistance
     * @param probabilityLower  lower bound of its 95 % CI (NaN when the model file has no covariance)
     * @param probabilityUpper  upper bound of its 95 % CI (NaN likewise)
     * @param highRisk          probability ≥ the model's threshold
     * @param linearPredictor   log-odds
     * @param linearPredictorSe standard error of the log-odds (NaN when the model file has no covariance)
     * @param radScore          the Rad-score (NaN when the model has none)
     * @param predictors        the model's predictor values, in model order
     * @param points            total nomogram points
     * @param contributions     each predictor's nomogram points, in model order
     * @param tumourVolumeMl    volume of the tumour mask on the T1 image, mL (NaN when the model has no Rad-score)
     * @param diffusion         the diffusion ROI statistics (tumour and reference ADC, MD, MK, voxel counts), empty
     *                          when the model uses no diffusion quantity
     * @param warnings          one sentence per input outside its training range (extrapolation)
     */
    public record Prediction(String id, double probability, double probabilityLower, double probabilityUpper,
                             boolean highRisk, double linearPredictor, double linearPredictorSe, double radScore,
                             Map<String, Double> predictors, double points, Map<String, Double> contributions,
                             double tumourVolumeMl, Map<String, Double> diffusion, List<String> warnings) {
        public Prediction {
            predictors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predictors));
            contributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
            diffusion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(diffusion));
            warnings = List.copyOf(warnings);
        }
    }

    /** Predicts one patient; the message of a refusal names the patient, the input and the reason. */
    public Prediction predict(Inputs in) throws IOException {
        String who = "patient " + in.id();
        check(in, who);
        Map<String, Double> clinical = derive(in, who);
        List<String> predictors = model.predictors();
        Map<String, Double> diffusionValues = Map.of();
        Map<String, Double> diffusionRois = new LinkedHashMap<>();
        if (inputs.usesFile("dwi")) {
            boolean relative = inputs.usesFile("reference_mask");
            DiffusionAnalysis.Result r = DiffusionQuantities.analyse(in.dwi(), in.bvals(), in.dwiMask(),
                    in.dwiMaskSegment(), relative ? in.reference() : null, in.referenceSegment(), model.adcMaxB());
            diffusionRois.putAll(r.quantities());
            Map<String, Double> d = DiffusionQuantities.predictors(r);
            diffusionValues = d;
        }
        double rad = Double.NaN;
        double volume = Double.NaN;
        List<String> harmonisationWarnings = new ArrayList<>();
        if (predictors.contains("rad_score")) {
            try {
                Map<String, Double> features = extractor.extract(in.image(), in.mask(), in.maskSegment()).features();
                if (harmonisation != null) { // ComBat with the training set's per-centre estimates
                    features = harmonisation.apply(features, in.clinical(), who, harmonisationWarnings);
                }
                rad = model.radScore(features);
            } catch (ExtractionException e) {
                throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
            }
            volume = tumourVolumeMl(in);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        double[] x = new double[predictors.size()];
        int j = 0;
        for (String name : predictors) {
            double v = name.equals("rad_score") ? rad
                    : diffusionValues.containsKey(name) ? diffusionValues.get(name) : clinical.get(name);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(who + ": predictor '" + name + "' is " + v);
            }
            values.put(name, v);
            x[j++] = v;
        }
        double lp = model.linearPredictor(x);
        double p = SavedModel.expit(lp);
        double[][] cov = model.covariance();
        PredictionInterval.Result ci = cov == null ? null : PredictionInterval.of(lp, cov, x, LEVEL);
        double[] pts = model.pointsOf(x);
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int k = 0; k < pts.length; k++) {
            contributions.put(predictors.get(k), pts[k]);
        }
        return new Prediction(in.id(), p, ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper(),
                p >= model.threshold(), lp, ci == null ? Double.NaN : ci.se(), rad, values, model.points(x),
                contributions, volume, diffusionRois, concat(harmonisationWarnings, warnings(in, values)));
    }

    /** Refuses a clinical value or a file the model does not use, and a missing file or value, by name. */
    private void check(Inputs in, String who) {
        List<String> unknown = inputs.unknown(in.clinical().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(who + ": " + (unknown.size() == 1 ? "clinical value " : "clinical values ")
                    + String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are") + " not used by this model "
                    + "(it uses " + inputs.describeClinical() + ")");
        }
        for (Map.Entry<String, Object> f : in.files().entrySet()) {
            if (!inputs.usesFile(f.getKey())) {
                throw new IllegalArgumentException(who + ": the model does not use '" + f.getKey() + "' (it uses "
                        + String.join(", ", inputs.files().stream().map(ModelInputs.Input::name).toList())
                        + "): leave it out");
            }
        }
        for (ModelInputs.Input f : inputs.files()) {
            if (f.required() && !in.files().containsKey(f.name())) {
                throw new IllegalArgumentException(who + ": the model needs '" + f.name() + "' (" + lower(f.label())
                        + ")");
            }
        }
        for (ModelInputs.Input c : inputs.clinical()) {
            String v = in.clinical().get(c.name());
            if (c.required() && (v == null || v.isBlank())) {
                throw new IllegalArgumentException(who + ": the model needs the clinical value " + c.name() + " ("
                        + lower(c.label()) + (c.unit().isEmpty() ? "" : ", " + c.unit()) + ")");
            }
        }
        if (inputs.drugsFromValues() && ClinicalDerivation.drugs(new Table(new ArrayList<>(in.clinical().keySet()),
                List.of())).isEmpty()) {
            throw new IllegalArgumentException(who + ": the model uses rdi, which needs each drug's <drug>"
                    + Columns.PLANNED_DOSE + ", " + Columns.DELIVERED_DOSE + ", " + Columns.PLANNED_DAYS + " and "
                    + Columns.ACTUAL_DAYS);
        }
    }

    /**
     * The clinical predictors of one patient's raw values, each derived as the study derives it: receptor statuses
     * one by one (a model using PR alone needs no ER, HER2 or Ki-67 value), the other calculators (relative dose
     * intensity, RCB, shrinkage) by {@link ClinicalDerivation} on their own columns, and raw columns as numbers.
     */
    private Map<String, Double> derive(Inputs in, String who) {
        Map<String, String> raw = in.clinical();
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, String> derived = null;
        try {
            for (String name : model.clinicalPredictors()) {
                if (DiffusionQuantities.PREDICTORS.contains(name)) {
                    continue;
                }
                double v;
                switch (name) {
                    case Columns.ER_POSITIVE -> v = flag(Receptors.erPositive(
                            ClinicalDerivation.number(Columns.ER_PCT, trim(raw.get(Columns.ER_PCT)))));
                    case Columns.PR_POSITIVE -> v = flag(Receptors.prPositive(
                            ClinicalDerivation.number(Columns.PR_PCT, trim(raw.get(Columns.PR_PCT)))));
                    case Columns.KI67_HIGH -> v = flag(Receptors.ki67High(
                            ClinicalDerivation.number(Columns.KI67_PCT, trim(raw.get(Columns.KI67_PCT))),
                            model.ki67Threshold()));
                    case Columns.HER2_POSITIVE -> v = flag(Receptors.her2Positive(
                            ClinicalDerivation.ihcScore(Columns.HER2_IHC, trim(raw.get(Columns.HER2_IHC))),
                            Receptors.Ish.parse(raw.get(Columns.HER2_ISH))));
                    case Columns.RDI, Columns.RCB_INDEX, Columns.SHRINKAGE_RATE -> {
                        if (derived == null) {
                            derived = calculators(raw, who);
                        }
                        v = Double.parseDouble(derived.get(name));
                    }
                    default -> v = ClinicalDerivation.number(name, trim(raw.get(name)));
                }
                out.put(name, v);
            }
        } catch (ClinicalValueException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The dose-intensity, RCB and response calculators on the raw values that are not receptor columns. */
    private Map<String, String> calculators(Map<String, String> raw, String who) {
        List<String> cols = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!List.of(Columns.ER_PCT, Columns.PR_PCT, Columns.HER2_IHC, Columns.HER2_ISH, Columns.KI67_PCT)
                    .contains(e.getKey())) {
                cols.add(e.getKey());
                row.add(trim(e.getValue()));
            }
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
            List<String> problems = e.problems().stream().map(p -> p.column() + " " + p.message()).toList();
            throw new IllegalArgumentException(who + ": " + String.join("; ", problems), e);
        }
    }

    /** Volume of the tumour mask on the T1 grid, mL: the voxels of the model's label (any segment voxel for DICOM). */
    private double tumourVolumeMl(Inputs in) throws IOException {
        boolean dicomObject = Files.isRegularFile(in.mask()) && ImageIO.isDicom(in.mask());
        Volume m = dicomObject ? ImageIO.readMask(in.mask(), in.image(), in.maskSegment()) : ImageIO.read(in.mask());
        long n = 0;
        int label = model.label();
        for (double v : m.data()) {
            if (dicomObject ? v != 0 : v == label) {
                n++;
            }
        }
        return n * m.geometry().voxelVolume() / 1000;
    }

    /** One sentence per predictor or raw clinical input outside the range seen in training. */
    private List<String> warnings(Inputs in, Map<String, Double> values) {
        Map<String, double[]> ranges = model.trainingRanges();
        List<String> out = new ArrayList<>();
        Map<String, Double> all = new LinkedHashMap<>();
        for (ModelInputs.Input c : inputs.clinical()) {
            String s = in.clinical().get(c.name());
            if (c.kind() == ModelInputs.Kind.NUMBER && s != null && !s.isBlank()) {
                all.put(c.name(), Double.parseDouble(s.trim()));
            }
        }
        values.forEach(all::putIfAbsent);
        for (Map.Entry<String, Double> e : all.entrySet()) {
            double[] r = ranges.get(e.getKey());
            double v = e.getValue();
            if (r != null && (v < r[0] || v > r[1])) {
                out.add(String.format(Locale.ROOT, "%s = %s is %s the training range %s to %s: the model extrapolates",
                        e.getKey(), num(v), v < r[0] ? "below" : "above", num(r[0]), num(r[1])));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** "Tumour mask" → "tumour mask", but "T1 image" and "DWI series" stay as they are. */
    private static String lower(String label) {
        return label.length() < 2 || !Character.isLowerCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
