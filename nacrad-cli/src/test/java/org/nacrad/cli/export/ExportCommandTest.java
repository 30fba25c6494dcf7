package org.nacrad.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.study.SavedModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import picocli.CommandLine;

/**
 * {@code nacrad export} on a hand-made model.json (the evaluation of an exported study model by an independent
 * PMML engine is nacrad-pmml's PmmlExportTest).
 */
class ExportCommandTest {

    record Run(int code, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new NacradCli());
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            return new Run(cl.execute(args), out.toString(), err.toString());
        }
    }

    static SavedModel model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", SavedModel.FORMAT);
        m.put("model_name", "combined");
        m.put("created", "2026-01-01T00:00:00Z");
        m.put("versions", Map.of("nacrad", "dev", "java", "17"));
        m.put("extraction", Map.of("parameter_file", "imageType: {Original: {}}\nsetting: {binWidth: 25}\n", "label", 1));
        m.put("diffusion", Map.of("adc_max_b", 1000.0));
        m.put("clinical_coding", Map.of("label_rule", "rcb>=II and shrinkage<0.30", "ki67_threshold", 20.0,
                "pr_positive", "pr_pct >= 1"));
        Map<String, Object> f1 = new LinkedHashMap<>();
        f1.put("mean", 0.8504427088506642);
        f1.put("sd", 0.02568324581176434);
        f1.put("coefficient", -0.0969703166789325);
        Map<String, Object> f2 = new LinkedHashMap<>();
        f2.put("mean", -31.020927366797075);
        f2.put("sd", 10.965690726202556);
        f2.put("coefficient", 0.07755066050648808);
        Map<String, Object> feats = new LinkedHashMap<>();
        feats.put("original_shape_Sphericity", f1);
        feats.put("wavelet-LLH_firstorder_Mean", f2);
        Map<String, Object> rad = new LinkedHashMap<>();
        rad.put("intercept", -1.512631413402416);
        rad.put("lambda", 0.0377);
        rad.put("features", feats);
        m.put("radiomics", rad);
        Map<String, Object> coef = new LinkedHashMap<>();
        coef.put("rad_score", 2.6572768670544558);
        coef.put("pr_positive", 1.6621065678933267);
        m.put("model", Map.of("intercept", 13.849875413623248, "coefficients", coef));
        m.put("threshold", 0.1826793182436938);
        return new SavedModel(m);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void writesPmmlBesideTheModel(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("model.json");
        model().write(json);
        Run r = Run.of("export", "--model", json.toString(), "--format", "pmml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("model.pmml").contains("2 radiomics features, 1 clinical predictors");
        Document doc = parse(Files.readAllBytes(dir.resolve("model.pmml")));
        Element table = (Element) doc.getElementsByTagNameNS("*", "RegressionTable").item(0);
        assertThat(Double.parseDouble(table.getAttribute("intercept"))).isEqualTo(13.849875413623248);
        NodeList preds = table.getElementsByTagNameNS("*", "NumericPredictor");
        assertThat(((Element) preds.item(0)).getAttribute("name")).isEqualTo("rad_score");
        assertThat(Double.parseDouble(((Element) preds.item(0)).getAttribute("coefficient"))).isEqualTo(2.6572768670544558);
        assertThat(((Element) preds.item(1)).getAttribute("name")).isEqualTo("pr_positive");
        // the z-score of the second feature: (x - mean) / sd with the exact doubles
        String pmml = Files.readString(dir.resolve("model.pmml"));
        assertThat(pmml).contains("<Constant dataType=\"double\">-31.020927366797075</Constant>")
                .contains("<Constant dataType=\"double\">10.965690726202556</Constant>")
                .contains("pr_pct &gt;= 1");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.json", "model.pmml");
    }

    @Test
    void writesToStandardOutputOrAFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("m.json");
        model().write(json);
        Run r = Run.of("export", "--model", json.toString(), "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(parse(r.out().getBytes(StandardCharsets.UTF_8)).getDocumentElement().getAttribute("version")).isEqualTo("4.4");
        Path out = dir.resolve("exported.pmml");
        assertThat(Run.of("export", "--model", json.toString(), "--out", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).isEqualTo(r.out());
        // outputs follow the rules of every command: an existing folder, never the model itself
        Run missing = Run.of("export", "--model", json.toString(), "--out", dir.resolve("sub/x.pmml").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
        Run self = Run.of("export", "--model", json.toString(), "--out", json.toString());
        assertThat(self.code()).isEqualTo(1);
        assertThat(self.err()).contains("is the model this command reads");
        assertThat(SavedModel.read(json).checksum()).isEqualTo(model().checksum());
    }

    @Test
    void aChangedOrForeignModelIsRefused(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("model.json");
        model().write(json);
        Files.writeString(json, Files.readString(json).replace("13.849875413623248", "13.9"));
        Run r = Run.of("export", "--model", json.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("model.json").contains("checksum mismatch");
        assertThat(dir.resolve("model.pmml")).doesNotExist();
        Files.writeString(json, "{\"format\": \"other\"}");
        assertThat(Run.of("export", "--model", json.toString()).err()).contains("not a nacrad model file");
        assertThat(Run.of("export", "--model", json.toString(), "--format", "onnx").code()).isEqualTo(2);
    }
}
