package org.nacrad.pmml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.Table;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.RadiomicsExtractor;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;
import org.nacrad.study.Study;
import org.nacrad.study.StudyConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The PMML export of a real study's model, evaluated by an independent PMML engine: PMML4S (Apache-2.0, test scope
 * only; JPMML's own evaluator is AGPL-3.0 and so not used even in tests).
 */
class PmmlExportTest {

    @TempDir
    static Path dir;
    static SavedModel model;
    static Path pmml;

    @BeforeAll
    static void runStudy() throws Exception {
        // a small cohort with a strong texture signal, so that LASSO keeps features; half the default resolution
        // (the same anatomy in 1/8 of the voxels) keeps the study quick
        SimulationConfig d = SimulationConfig.defaults();
        Map<String, Double> effects = new HashMap<>(d.effects());
        effects.put("heterogeneity", 2.5);
        effects.put("necrosis", 1.5);
        SimulationConfig sim = new SimulationConfig(100, 5, new int[] {64, 64, 24}, new double[] {1.6, 1.6, 4.0},
                new int[] {32, 32, 12}, new double[] {3.2, 3.2, 8.0}, d.bValues(), d.imageNoise(), d.dwiNoise(),
                d.biasField(), d.prevalence(), effects, 1.0);
        new Simulator(sim).write(dir.resolve("cohort"), 2, null);
        Files.writeString(dir.resolve("original.yaml"), "imageType: {Original: {}}\nfeatureClass:\n  shape:\n"
                + "  firstorder:\n  glcm:\n  glrlm:\n  glszm:\n  gldm:\n  ngtdm:\nsetting: {binWidth: 25, label: 1}\n");
        Path config = dir.resolve("study.yaml");
        Files.writeString(config, "manifest: cohort/manifest.csv\noutput: out\nevaluation: {bootstrap: 10}\n"
                + "selection: {folds: 5}\nradiomics: {params: original.yaml}\nsplit: {train_fraction: 0.7}\n");
        new Study(config, StudyConfig.read(config), new PrintWriter(new StringWriter()), null).run();
        model = SavedModel.read(dir.resolve("out/model.json"));
        pmml = dir.resolve("out/model.pmml");
        PmmlExport.write(model, pmml);
    }

    /** Every validation patient: PMML4S on the exported file gives predict's probability, Rad-score and group. */
    @Test
    void anIndependentEvaluatorReproducesPredict() throws Exception {
        org.pmml4s.model.Model evaluator = org.pmml4s.model.Model.fromFile(pmml.toFile());
        Predictor predictor = new Predictor(model);
        RadiomicsExtractor extractor = new RadiomicsExtractor(
                ParameterFile.parse(model.parameterFile(), "model.json").withSetting("label", model.label()));
        Table manifest = Table.read(dir.resolve("cohort/manifest.csv"));
        Table predictions = Table.read(dir.resolve("out/tables/predictions.csv"));
        Path base = dir.resolve("cohort");
        int checked = 0;
        for (List<String> row : predictions.rows()) {
            if (!row.get(1).equals("validation")) {
                continue;
            }
            String id = row.get(0);
            List<String> m = manifest.rows().stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
            Map<String, String> clinical = new LinkedHashMap<>();
            for (int c = 8; c < manifest.columns().size(); c++) {
                // as predict reads a manifest: only the clinical columns the model uses
                if (predictor.inputs().unknown(List.of(manifest.columns().get(c))).isEmpty()) {
                    clinical.put(manifest.columns().get(c), m.get(c));
                }
            }
            boolean dwi = predictor.inputs().usesFile("dwi");
            boolean reference = predictor.inputs().usesFile("reference_mask");
            Predictor.Prediction p = predictor.predict(new Predictor.Inputs(id, base.resolve(m.get(2)),
                    base.resolve(m.get(3)), null, dwi ? base.resolve(m.get(4)) : null,
                    dwi ? base.resolve(m.get(5)) : null, dwi ? base.resolve(m.get(6)) : null, null,
                    reference ? base.resolve(m.get(7)) : null, null, clinical));
            // the evaluator's inputs: the raw radiomics features and the coded clinical and diffusion predictors
            Map<String, Double> features = extractor.execute(base.resolve(m.get(2)), base.resolve(m.get(3)), null)
                    .features();
            Map<String, Object> in = new LinkedHashMap<>();
            for (String f : model.radiomicsFeatures()) {
                in.put(f, features.get(f));
            }
            for (String c : model.clinicalPredictors()) {
                in.put(c, p.predictors().get(c));
            }
            Map<String, Object> out = evaluator.predict(in);
            double prob = ((Number) out.get(PmmlExport.PROBABILITY)).doubleValue();
            assertThat(Math.abs(prob - p.probability())).as(id + " probability " + prob + " vs " + p.probability())
                    .isLessThanOrEqualTo(1e-12 * p.probability());
            double rad = ((Number) out.get(PmmlExport.RAD_SCORE + "_out")).doubleValue();
            assertThat(Math.abs(rad - p.radScore())).as(id + " Rad-score").isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(rad)));
            assertThat(out.get(PmmlExport.RISK_GROUP)).as(id + " risk group").isEqualTo(p.highRisk() ? "high" : "low");
            checked++;
        }
        assertThat(checked).isEqualTo(30);
    }

    /** Valid against the PMML 4.4 schema (JPMML's copy) and stating the preprocessing the inputs need. */
    @Test
    void theDocumentIsPmml44AndStatesThePreprocessing() throws Exception {
        byte[] xml = Files.readAllBytes(pmml);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(PmmlExportTest.class.getResourceAsStream("/pmml.xsd")));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.dmg.org/PMML-4_4");
        assertThat(root.getAttribute("version")).isEqualTo("4.4");
        Map<String, Element> ext = new HashMap<>();
        NodeList es = doc.getElementsByTagNameNS("*", "Extension");
        for (int i = 0; i < es.getLength(); i++) {
            Element e = (Element) es.item(i);
            if (e.getParentNode().getLocalName().equals("Header")) {
                ext.put(e.getAttribute("name"), e);
            }
        }
        assertThat(ext.get("pyradiomics_parameter_file").getTextContent()).isEqualTo(model.parameterFile());
        assertThat(ext.get("parameter_file_sha256").getAttribute("value"))
                .isEqualTo(PmmlExport.parameterHash(model.parameterFile())).startsWith("sha256:");
        assertThat(ext.get("model_json_checksum").getAttribute("value")).isEqualTo(model.checksum());
        assertThat(Double.parseDouble(ext.get("risk_threshold").getAttribute("value"))).isEqualTo(model.threshold());
        List<String> fields = new ArrayList<>();
        NodeList ds = doc.getElementsByTagNameNS("*", "DataField");
        for (int i = 0; i < ds.getLength(); i++) {
            fields.add(((Element) ds.item(i)).getAttribute("name"));
        }
        List<String> expected = new ArrayList<>(model.radiomicsFeatures());
        expected.addAll(model.clinicalPredictors());
        expected.add(PmmlExport.TARGET);
        assertThat(fields).containsExactlyElementsOf(expected);
        assertThat(model.radiomicsFeatures()).isNotEmpty();
        // one z-score per selected feature, then the Rad-score
        NodeList derived = doc.getElementsByTagNameNS("*", "DerivedField");
        assertThat(derived.getLength()).isEqualTo(model.radiomicsFeatures().size() + 1);
        assertThat(((Element) derived.item(derived.getLength() - 1)).getAttribute("name")).isEqualTo("rad_score");
        Element regression = (Element) doc.getElementsByTagNameNS("*", "RegressionModel").item(0);
        assertThat(regression.getAttribute("normalizationMethod")).isEqualTo("logit");
        assertThat(regression.getAttribute("functionName")).isEqualTo("classification");
    }
}
