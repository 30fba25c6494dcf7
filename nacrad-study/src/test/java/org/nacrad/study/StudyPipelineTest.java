package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.Table;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;

/** The whole study on a small simulated cohort, the saved model, and bad cohorts. */
class StudyPipelineTest {

    @TempDir
    static Path dir;
    static StudyResult result;
    static Path config;

    @BeforeAll
    static void runStudy() throws Exception {
        // a cohort whose tumour texture carries a strong signal, so that 120 training patients reliably give a
        // radiomics signature and every step of the pipeline runs
        SimulationConfig d = SimulationConfig.defaults();
        java.util.Map<String, Double> effects = new java.util.HashMap<>(d.effects());
        effects.put("heterogeneity", 2.5);
        effects.put("necrosis", 1.5);
        SimulationConfig sim = new SimulationConfig(150, 5, d.imageSize(), d.imageSpacing(), d.dwiSize(), d.dwiSpacing(),
                d.bValues(), d.imageNoise(), d.dwiNoise(), d.biasField(), d.prevalence(), effects, 1.0);
        new Simulator(sim).write(dir.resolve("cohort"), 2, null);
        // the original image only (107 features) keeps the test quick; the 851-feature default runs in the demo
        Files.writeString(dir.resolve("original.yaml"), "imageType: {Original: {}}\nfeatureClass:\n  shape:\n  firstorder:\n"
                + "  glcm:\n  glrlm:\n  glszm:\n  gldm:\n  ngtdm:\nsetting: {binWidth: 25, label: 1}\n");
        config = dir.resolve("study.yaml");
        Files.writeString(config, "manifest: cohort/manifest.csv\noutput: out\nevaluation: {bootstrap: 20}\n"
                + "selection: {folds: 5}\nradiomics: {params: original.yaml}\nsplit: {train_fraction: 0.8}\n");
        StringWriter log = new StringWriter();
        result = new Study(config, StudyConfig.read(config), new PrintWriter(log), null).run();
    }

    @Test
    void writesEveryOutput() throws Exception {
        Path out = dir.resolve("out");
        for (String f : List.of("report.html", "summary.json", "model.json", "study.log", "tables/performance.csv",
                "tables/table1.csv", "tables/univariate.csv", "tables/lasso_cv.csv", "tables/predictions.csv",
                "tables/decision_curve_validation.csv", "tables/bootstrap.csv", "figures/roc_validation.svg",
                "figures/roc_validation.png", "figures/calibration_train.svg", "figures/lasso_path.svg")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("n_patients").asInt()).isEqualTo(150);
        assertThat(s.get("n_per_set").get("train").asInt()).isEqualTo(120);
        for (String m : List.of("clinical", "radiomics", "combined")) {
            for (String set : List.of("train", "validation")) {
                JsonNode e = s.get("models").get(m).get(set);
                assertThat(e.get("auc").asDouble()).isBetween(0.0, 1.0);
                assertThat(e.get("auc_ci").get(0).asDouble()).isLessThanOrEqualTo(e.get("auc").asDouble());
                assertThat(e.get("threshold").asDouble()).isEqualTo(s.get("models").get(m).get("train").get("threshold").asDouble());
            }
        }
        assertThat(s.get("delong").get("combined_vs_clinical").get("validation").get("p").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.get("bootstrap").get("optimism_corrected_auc").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.get("selected_features").size()).isPositive();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").contains("Table 1").contains("DeLong").doesNotContain("<script");
    }

    @Test
    void regressionTablesStateOddsRatiosPerAUnitAReaderCanUse() throws Exception {
        String html = Files.readString(dir.resolve("out/report.html"));
        String tables = html.substring(html.indexOf("Univariate logistic regression"),
                html.indexOf("<h2>Radiomics signature"));
        // ADC and MD per 10^-4 mm2/s, dose intensity per 10 %, receptors per category, ratios per SD
        assertThat(tables).contains("<td>adc_mean</td><td>per 10⁻⁴ mm²/s</td>")
                .contains("<td>md_mean</td><td>per 10⁻⁴ mm²/s</td>")
                .contains("<td>rdi</td><td>per 10 % of dose intensity</td>")
                .contains("<td>er_positive</td><td>positive vs negative</td>")
                .contains("<td>ki67_high</td><td>≥ 20 % vs &lt; 20 %</td>")
                .containsPattern("<td>rmk</td><td>per SD \\(0\\.[0-9]+\\)</td>");
        // no Infinity, no exponent and no bare 0.00 where an odds ratio stands
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td>([^<]*) \\(([^<–]*)–([^<)]*)\\)</td>")
                .matcher(tables);
        int cells = 0;
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                String v = m.group(g);
                assertThat(v).as("odds ratio cell %s", m.group()).doesNotContain("Infinity").doesNotContainPattern("[0-9][eE]")
                        .isNotEqualTo("0.00").matches("–|[<>] [0-9.]+|[0-9]+(\\.[0-9]+)?");
            }
            cells++;
        }
        assertThat(cells).isGreaterThan(12);
        // the CSV keeps the model's estimate per the predictor's own unit beside the odds ratio per the stated unit
        List<String> uni = Files.readAllLines(dir.resolve("out/tables/univariate.csv"));
        assertThat(uni.get(0)).isEqualTo("predictor,estimate,se,or_unit,or_unit_size,or,or_lower,or_upper,p,redundant_with");
        String adc = uni.stream().filter(l -> l.startsWith("adc_mean,")).findFirst().orElseThrow();
        String[] f = adc.split(",");
        assertThat(Double.parseDouble(f[5])).isCloseTo(Math.exp(Double.parseDouble(f[1]) * 1e-4),
                org.assertj.core.api.Assertions.within(1e-12));
        // MD duplicates ADC (r about 0.98): it stays out of the multivariable model, and the report says so
        String md = uni.stream().filter(l -> l.startsWith("md_mean,")).findFirst().orElseThrow();
        assertThat(md).endsWith(",adc_mean");
        assertThat(html).contains("Not entered into the multivariable model, as redundant with a candidate listed before it");
        assertThat(result.models().clinicalSelection().screened()).doesNotContain("md_mean", "radc");
    }

    @Test
    void predictReproducesTheValidationProbabilitiesExactly() throws Exception {
        SavedModel model = SavedModel.read(dir.resolve("out/model.json"));
        Predictor predictor = new Predictor(model);
        Table predictions = Table.read(dir.resolve("out/tables/predictions.csv"));
        int checked = 0;
        for (List<String> row : predictions.rows()) {
            if (!row.get(1).equals("validation")) {
                continue;
            }
            Predictor.Prediction p = predictor.predict(inputs(row.get(0), predictor.inputs().clinicalNames()));
            assertThat(p.probability()).as(row.get(0)).isEqualTo(Double.parseDouble(row.get(6)));
            assertThat(p.probabilityLower()).isLessThan(p.probability());
            assertThat(p.probabilityUpper()).isGreaterThan(p.probability());
            double sum = p.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).isCloseTo(p.points(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(p.tumourVolumeMl()).isPositive();
            checked++;
        }
        assertThat(checked).isEqualTo(30);
    }

    /** A patient's manifest files and the named clinical columns, as the saved model's inputs. */
    private static Predictor.Inputs inputs(String id, List<String> clinicalColumns) throws Exception {
        Table manifest = Table.read(dir.resolve("cohort/manifest.csv"));
        List<String> m = manifest.rows().stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        Map<String, String> clinical = new java.util.LinkedHashMap<>();
        for (String c : clinicalColumns) {
            clinical.put(c, m.get(manifest.column(c)));
        }
        ModelInputs needs = ModelInputs.of(SavedModel.read(dir.resolve("out/model.json")));
        Path base = dir.resolve("cohort");
        java.util.function.Function<String, Path> file = c -> needs.usesFile(c) ? base.resolve(m.get(manifest.column(c))) : null;
        return new Predictor.Inputs(id, file.apply("image"), file.apply("mask"), null, file.apply("dwi"),
                file.apply("bvals"), file.apply("dwi_tumour_mask"), null, file.apply("reference_mask"), null, clinical);
    }

    /**
     * The saved model asks for the raw inputs of its own predictors and nothing else: a receptor value of a
     * receptor it does not use, or an unknown column, is refused by name, and a missing one is named too.
     */
    @Test
    void predictAsksOnlyForTheModelsInputsAndRefusesOthersByName() throws Exception {
        SavedModel model = SavedModel.read(dir.resolve("out/model.json"));
        Predictor predictor = new Predictor(model);
        List<String> needs = predictor.inputs().clinicalNames();
        List<String> predictors = model.predictors();
        for (String[] status : new String[][] {{"er_positive", "er_pct"}, {"pr_positive", "pr_pct"},
                {"ki67_high", "ki67_pct"}, {"her2_positive", "her2_ihc"}}) {
            assertThat(needs.contains(status[1])).as(status[1]).isEqualTo(predictors.contains(status[0]));
        }
        assertThat(needs.contains("epirubicin_planned_dose_mg_m2")).isEqualTo(predictors.contains("rdi"));
        String id = result.data().ids().get(0);
        assertThatThrownBy(() -> predictor.predict(inputs(id, needs).withClinical("height_cm", "170")))
                .hasMessageContaining("patient " + id + ": clinical value height_cm is not used by this model");
        String unused = List.of("er_pct", "pr_pct", "ki67_pct", "age").stream().filter(c -> !needs.contains(c))
                .findFirst().orElseThrow();
        List<String> withUnused = new java.util.ArrayList<>(needs);
        withUnused.add(unused);
        assertThatThrownBy(() -> predictor.predict(inputs(id, withUnused)))
                .hasMessageContaining("clinical value " + unused + " is not used by this model");
        if (!needs.isEmpty()) {
            List<String> missing = new java.util.ArrayList<>(needs.subList(1, needs.size()));
            assertThatThrownBy(() -> predictor.predict(inputs(id, missing)))
                    .hasMessageContaining("the model needs the clinical value " + needs.get(0));
        }
    }

    /** model.json holds the covariance, the training ranges and the development card the web app shows. */
    @Test
    void theSavedModelRecordsCovarianceRangesAndDevelopment() throws Exception {
        SavedModel model = SavedModel.read(dir.resolve("out/model.json"));
        assertThat(model.missingForServing()).isEmpty();
        assertThat(model.covariance()).isDeepEqualTo(result.models().combined().covariance());
        int[] tr = result.data().rows(true);
        double[] scores = StudyModels.radScores(result.data(), result.models().radiomicsSelection(), tr);
        double[] r = model.trainingRanges().get("rad_score");
        assertThat(r[0]).isEqualTo(java.util.Arrays.stream(scores).min().orElseThrow());
        assertThat(r[1]).isEqualTo(java.util.Arrays.stream(scores).max().orElseThrow());
        Map<String, Object> d = model.development();
        assertThat(((Map<?, ?>) d.get("cohort")).get("patients")).isEqualTo(150);
        assertThat(((Map<?, ?>) ((Map<?, ?>) d.get("split")).get("train")).get("patients")).isEqualTo(120);
        Map<?, ?> validation = (Map<?, ?>) ((Map<?, ?>) d.get("performance")).get("validation");
        assertThat(validation.get("auc")).isEqualTo(result.evaluation(Model.COMBINED, Subset.VALIDATION).auc().auc());
        assertThat(model.drugs()).containsExactly("epirubicin", "docetaxel");
    }

    /**
     * The report opens in a real browser: Debian's Chromium, headless, dumps the rendered DOM with every figure and
     * logs no console error. Skipped outside CI when Chromium is absent; under CI {@code .ci/run} installs it.
     */
    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        Path chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("chromium is not installed: .ci/run must install Debian's chromium");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "chromium not installed: report render test skipped");
        }
        Path report = dir.resolve("out/report.html");
        Path profile = Files.createTempDirectory(dir, "chromium");
        ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                report.toUri().toString());
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        pb.redirectOutput(dom.toFile()).redirectError(log.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        String html = Files.readString(dom);
        assertThat(html).contains("Prediction of resistance to neoadjuvant chemotherapy").contains("Table 1");
        long figures;
        try (var s = Files.list(dir.resolve("out/figures"))) {
            figures = s.filter(f -> f.toString().endsWith(".svg")).count();
        }
        assertThat(html.split("<svg", -1).length - 1).isEqualTo((int) figures);
        assertThat(Files.readString(log)).doesNotContain("CONSOLE").doesNotContain("Uncaught");
    }

    @Test
    void aChangedModelFileIsRefused() throws Exception {
        Path copy = dir.resolve("tampered.json");
        Files.writeString(copy, Files.readString(dir.resolve("out/model.json")).replaceFirst("\"threshold\" : ", "\"threshold\" : 0.01 + "));
        assertThatThrownBy(() -> SavedModel.read(copy)).hasMessageContaining("tampered.json");
    }

    @Test
    void badCohortsAreReportedByRowAndColumn() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        List<String> lines = Files.readAllLines(dir.resolve("cohort/manifest.csv"));
        String header = lines.get(0);
        String[] r1 = lines.get(1).split(",", -1);
        String[] r2 = lines.get(2).split(",", -1);
        String[] r3 = lines.get(3).split(",", -1);
        String[] r4 = lines.get(4).split(",", -1);
        for (String[] r : List.of(r1, r2, r3, r4)) {
            for (int c = 2; c <= 7; c++) {
                r[c] = "../cohort/" + r[c];
            }
        }
        r1[2] = "../cohort/images/missing.nii.gz";                 // a missing image
        r2[3] = "../cohort/images/" + r3[0] + "/dwi_tumour.nii.gz"; // a mask of another geometry
        r3[1] = "2023-13-45";                                       // an unparseable date
        r4[0] = r3[0];                                              // a duplicate id
        r4[9] = "eighty";                                           // text in a numeric field (er_pct)
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (String[] r : List.of(r1, r2, r3, r4)) {
            csv.append(String.join(",", r)).append('\n');
        }
        Files.writeString(bad.resolve("manifest.csv"), csv);
        Path cfg = bad.resolve("study.yaml");
        Files.writeString(cfg, "manifest: manifest.csv\n");
        assertThatThrownBy(() -> Cohort.load(StudyConfig.read(cfg), cfg))
                .isInstanceOf(CohortException.class)
                .hasMessageContaining("row 1 (id " + r1[0] + "), column image: file not found")
                .hasMessageContaining("row 2 (id " + r2[0] + "), column mask: not on the grid of image")
                .hasMessageContaining("row 3 (id " + r3[0] + "), column admission_date: not a date (yyyy-mm-dd): '2023-13-45'")
                .hasMessageContaining("row 4 (id " + r3[0] + "), column id: duplicate id (also on row 3)")
                .hasMessageContaining("column er_pct: is not a number: 'eighty'");
    }

    @Test
    void aCohortOfOneClassIsRefused() throws Exception {
        Path one = dir.resolve("oneclass");
        Files.createDirectories(one);
        Table t = Table.read(dir.resolve("cohort/manifest.csv"));
        StringBuilder csv = new StringBuilder(String.join(",", t.columns())).append('\n');
        int post = t.column("post_diameter_mm");
        for (List<String> row : t.rows()) {
            List<String> r = new java.util.ArrayList<>(row);
            for (int c = 2; c <= 7; c++) {
                r.set(c, "../cohort/" + r.get(c));
            }
            r.set(post, "0"); // everyone shrank completely: nobody is resistant under the default rule
            csv.append(String.join(",", r)).append('\n');
        }
        Files.writeString(one.resolve("manifest.csv"), csv);
        Path cfg = one.resolve("study.yaml");
        Files.writeString(cfg, "manifest: manifest.csv\n");
        assertThatThrownBy(() -> Cohort.load(StudyConfig.read(cfg), cfg)).isInstanceOf(CohortException.class)
                .hasMessageContaining("every usable patient has chemoresistant = 0");
    }
}
