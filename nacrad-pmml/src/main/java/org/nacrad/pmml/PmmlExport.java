package org.nacrad.pmml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.dmg.pmml.Annotation;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Application;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DataDictionary;
import org.dmg.pmml.DataField;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.Extension;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.Header;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.MiningSchema;
import org.dmg.pmml.OpType;
import org.dmg.pmml.Output;
import org.dmg.pmml.OutputField;
import org.dmg.pmml.PMML;
import org.dmg.pmml.PMMLFunctions;
import org.dmg.pmml.ResultFeature;
import org.dmg.pmml.Timestamp;
import org.dmg.pmml.TransformationDictionary;
import org.dmg.pmml.Value;
import org.dmg.pmml.Version;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;
import org.jpmml.model.metro.MetroJAXBSerializer;
import org.nacrad.io.AtomicFile;
import org.nacrad.study.SavedModel;

import jakarta.xml.bind.JAXBException;

/**
 * Writes a saved model ({@code model.json}) as PMML 4.4 with the JPMML-Model class model (BSD-3-Clause).
 *
 * <p>Layout:
 * <ul>
 *   <li><b>Header</b>: what the model predicts, the nacrad and Java versions, the model file's checksum, and the
 *       radiomics preprocessing — mask label, the SHA-256 of the PyRadiomics parameter file and the file itself —
 *       as {@code Annotation}s (for people) and {@code Extension}s (for programs, extender "nacrad").</li>
 *   <li><b>DataDictionary</b>: the inputs — the selected radiomics features, as PyRadiomics names them, and the
 *       clinical and diffusion predictors as nacrad codes them (each field's {@code Extension} states its coding) —
 *       and the target {@code chemoresistant} (0/1).</li>
 *   <li><b>TransformationDictionary</b>: {@code z(f) = (f − mean)/sd} for each selected feature with the training
 *       mean and SD, and {@code rad_score = a₀ + Σ βⱼ·z(fⱼ)}, as nacrad computes them.</li>
 *   <li><b>RegressionModel</b> (classification, logit normalisation): the combined logistic model's intercept and
 *       coefficients for category 1, a zero table for category 0; outputs the probability of chemoresistance, the
 *       Rad-score and the risk group at the model's threshold.</li>
 * </ul>
 * Every number is written as Java's shortest round-trip decimal, so a reader parses back the same doubles.
 */
public final class PmmlExport {

    /** The target field. */
    public static final String TARGET = "chemoresistant";
    /** The output field of the predicted probability of chemoresistance. */
    public static final String PROBABILITY = "probability_chemoresistant";
    /** The output field of the Rad-score. */
    public static final String RAD_SCORE = "rad_score";
    /** The output field of the risk group ("high" when the probability reaches the model's threshold). */
    public static final String RISK_GROUP = "risk_group";

    private static final String EXTENDER = "nacrad";

    private PmmlExport() {
    }

    /** The PMML document of a saved model. */
    public static PMML toPmml(SavedModel model) {
        Map<String, Object> v = model.values();
        if (v.containsKey("harmonisation")) {
            // Decided for issue 19: ComBat is refused rather than approximated. Its per-centre location and scale
            // could be written as PMML transformations keyed on a centre field, but an engine fed features of a
            // centre outside the training set would then silently score them unharmonised (nacrad's own policy,
            // refusal or a stated warning, has no PMML counterpart), so the export would not be the model.
            throw new IllegalArgumentException("this model harmonises its radiomics features across centres with "
                    + "ComBat (model.json section 'harmonisation'), which the PMML export does not express: a PMML "
                    + "engine given the features as extracted would compute other probabilities. Use nacrad predict "
                    + "or nacrad serve for this model, or export a model from a study without harmonisation");
        }
        Map<String, Object> radiomics = section(v, "radiomics");
        Map<String, Object> features = section(radiomics, "features");
        Map<String, Object> logistic = section(v, "model");
        Map<String, Object> coefficients = section(logistic, "coefficients");
        Map<String, Object> coding = v.get("clinical_coding") instanceof Map ? section(v, "clinical_coding") : Map.of();

        Header header = header(model, v);
        DataDictionary dict = new DataDictionary();
        MiningSchema schema = new MiningSchema();
        for (String f : features.keySet()) {
            DataField d = new DataField(f, OpType.CONTINUOUS, DataType.DOUBLE)
                    .setDisplayName("radiomics feature " + f);
            d.addExtensions(extension("source", "PyRadiomics-compatible feature, extracted with the parameter file "
                    + "in the header (mask label " + model.label() + ")"));
            dict.addDataFields(d);
            schema.addMiningFields(new MiningField(f).setUsageType(MiningField.UsageType.ACTIVE));
        }
        for (String p : model.clinicalPredictors()) {
            DataField d = new DataField(p, OpType.CONTINUOUS, DataType.DOUBLE).setDisplayName(p);
            String c = codingOf(p, coding);
            if (c != null) {
                d.addExtensions(extension("coding", c));
            }
            dict.addDataFields(d);
            schema.addMiningFields(new MiningField(p).setUsageType(MiningField.UsageType.ACTIVE));
        }
        DataField target = new DataField(TARGET, OpType.CATEGORICAL, DataType.INTEGER)
                .setDisplayName("resistance to neoadjuvant chemotherapy (" + model.rule() + ")")
                .addValues(new Value(0).setDisplayValue("not resistant"), new Value(1).setDisplayValue("resistant"));
        dict.addDataFields(target);
        schema.addMiningFields(new MiningField(TARGET).setUsageType(MiningField.UsageType.TARGET));

        TransformationDictionary transforms = new TransformationDictionary();
        Expression score = new Constant(number(radiomics.get("intercept"))).setDataType(DataType.DOUBLE);
        for (Map.Entry<String, Object> e : features.entrySet()) {
            Map<String, Object> f = cast(e.getValue());
            String z = "z(" + e.getKey() + ")";
            Apply zScore = apply(PMMLFunctions.DIVIDE,
                    apply(PMMLFunctions.SUBTRACT, new FieldRef(e.getKey()), constant(f.get("mean"))),
                    constant(f.get("sd")));
            transforms.addDerivedFields(new DerivedField(z, OpType.CONTINUOUS, DataType.DOUBLE, zScore)
                    .setDisplayName("z-score of " + e.getKey() + " with the training mean and SD"));
            score = apply(PMMLFunctions.ADD, score,
                    apply(PMMLFunctions.MULTIPLY, constant(f.get("coefficient")), new FieldRef(z)));
        }
        transforms.addDerivedFields(new DerivedField(RAD_SCORE, OpType.CONTINUOUS, DataType.DOUBLE, score)
                .setDisplayName("Rad-score: LASSO linear predictor of the selected features (lambda "
                        + radiomics.get("lambda") + ")"));

        RegressionTable resistant = new RegressionTable(number(logistic.get("intercept"))).setTargetCategory(1);
        for (Map.Entry<String, Object> e : coefficients.entrySet()) {
            resistant.addNumericPredictors(new NumericPredictor(e.getKey(), number(e.getValue())));
        }
        RegressionTable notResistant = new RegressionTable(0.0).setTargetCategory(0);
        Output output = new Output().addOutputFields(
                new OutputField(PROBABILITY, OpType.CONTINUOUS, DataType.DOUBLE)
                        .setResultFeature(ResultFeature.PROBABILITY).setValue(1),
                new OutputField(RAD_SCORE + "_out", OpType.CONTINUOUS, DataType.DOUBLE)
                        .setResultFeature(ResultFeature.TRANSFORMED_VALUE).setExpression(new FieldRef(RAD_SCORE)),
                new OutputField(RISK_GROUP, OpType.CATEGORICAL, DataType.STRING)
                        .setResultFeature(ResultFeature.TRANSFORMED_VALUE)
                        .setExpression(apply(PMMLFunctions.IF,
                                apply(PMMLFunctions.GREATEROREQUAL, new FieldRef(PROBABILITY), constant(v.get("threshold"))),
                                new Constant("high").setDataType(DataType.STRING),
                                new Constant("low").setDataType(DataType.STRING))));
        RegressionModel regression = new RegressionModel(MiningFunction.CLASSIFICATION, schema,
                List.of(resistant, notResistant))
                .setModelName(String.valueOf(v.getOrDefault("model_name", "combined")))
                .setAlgorithmName("logistic regression (maximum likelihood) on the Rad-score and clinical predictors")
                .setNormalizationMethod(RegressionModel.NormalizationMethod.LOGIT)
                .setTargetField(TARGET)
                .setOutput(output);

        PMML pmml = new PMML(Version.PMML_4_4.getVersion(), header, dict);
        pmml.setTransformationDictionary(transforms);
        pmml.addModels(regression);
        return pmml;
    }

    /** The PMML document as UTF-8 XML. */
    public static byte[] toXml(SavedModel model) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new MetroJAXBSerializer().serializePretty(toPmml(model), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("PMML serialisation failed: " + e, e);
        }
    }

    /** Writes the PMML file atomically ({@link AtomicFile}: a failure never leaves half a file). */
    public static void write(SavedModel model, Path file) throws IOException {
        AtomicFile.writeBytes(file, toXml(model));
    }

    /** SHA-256 of the parameter file text (UTF-8), "sha256:…". */
    public static String parameterHash(String parameterFile) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(parameterFile.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Header header(SavedModel model, Map<String, Object> v) {
        Map<String, Object> versions = v.get("versions") instanceof Map ? section(v, "versions") : Map.of();
        String params = model.parameterFile();
        Header h = new Header()
                .setDescription("nacrad " + v.getOrDefault("model_name", "combined") + " model: probability of "
                        + "resistance to neoadjuvant chemotherapy (" + model.rule() + ") from the Rad-score and "
                        + "clinical predictors")
                .setModelVersion(model.checksum())
                .setApplication(new Application("nacrad").setVersion(String.valueOf(versions.getOrDefault("nacrad", "dev"))));
        if (v.get("created") != null) {
            h.setTimestamp(new Timestamp().addContent(String.valueOf(v.get("created"))));
        }
        h.addAnnotations(
                new Annotation().addContent("Inputs: the radiomics features named in the DataDictionary, extracted "
                        + "PyRadiomics-compatibly (nacrad extract, or PyRadiomics) from the tumour mask (label "
                        + model.label() + ") with the parameter file in the Extension 'pyradiomics_parameter_file' "
                        + "(" + parameterHash(params) + "), and the clinical and diffusion predictors coded as each "
                        + "DataField's Extension 'coding' states."),
                new Annotation().addContent("Transformations: each feature is z-scored with its training mean and SD; "
                        + "the Rad-score is the LASSO linear predictor of the z-scores; the logistic model combines "
                        + "the Rad-score with the clinical predictors. Risk group 'high' when the probability is at "
                        + "least " + v.get("threshold") + " (Youden-optimal on the training set)."));
        h.addExtensions(
                extension("model_json_checksum", model.checksum()),
                extension("parameter_file_sha256", parameterHash(params)),
                extension("mask_label", String.valueOf(model.label())),
                extension("label_rule", model.rule()),
                extension("risk_threshold", String.valueOf(v.get("threshold"))),
                extension("java", String.valueOf(versions.getOrDefault("java", ""))),
                extension("pyradiomics_parameter_file", null).addContent(params));
        return h;
    }

    /** The coding of a clinical or diffusion predictor, from model.json's clinical_coding section. */
    private static String codingOf(String predictor, Map<String, Object> coding) {
        if (coding.get(predictor) != null) {
            return String.valueOf(coding.get(predictor));
        }
        if (List.of("adc_mean", "md_mean", "mk_mean", "radc", "rmd", "rmk").contains(predictor)
                && coding.get("diffusion") != null) {
            return String.valueOf(coding.get("diffusion"));
        }
        if (predictor.equals("age")) {
            return "age in years";
        }
        return null;
    }

    private static Extension extension(String name, String value) {
        Extension e = new Extension().setExtender(EXTENDER).setName(name);
        if (value != null) {
            e.setValue(value);
        }
        return e;
    }

    private static Apply apply(String function, Expression... args) {
        return new Apply(function).addExpressions(args);
    }

    private static Constant constant(Object number) {
        return new Constant(number(number)).setDataType(DataType.DOUBLE);
    }

    private static Double number(Object o) {
        if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("model.json: expected a finite number, got " + o);
        }
        return n.doubleValue();
    }

    private static Map<String, Object> section(Map<String, Object> parent, String name) {
        Object o = parent.get(name);
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("model.json: no '" + name + "' section");
        }
        return cast(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

}
