package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.Table;
import org.nacrad.extraction.ExtractionSettings;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.StandardExtraction;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;
import org.nacrad.stats.agreement.Icc;

/**
 * The ICC filter in the study, from a second reader's masks and from perturbed masks, on one small simulated cohort:
 * the ICCs equal stats' ICC on the same measurements, the funnel adds up, the perturbed masks and cache keys are as
 * documented, bad reader-2 masks are refused by row and column; and the TRIPOD+AI checklist of the run.
 */
class FeatureRobustnessStudyTest {

    @TempDir
    static Path dir;
    static StudyResult reader2;
    static StudyResult perturbed;
    static Path params;
    /** id → reader-2 mask (patients without one are not in the map). */
    static final Map<String, Path> READER2 = new LinkedHashMap<>();

    @BeforeAll
    static void runStudies() throws Exception {
        SimulationConfig d = SimulationConfig.defaults();
        Map<String, Double> effects = new HashMap<>(d.effects());
        effects.put("heterogeneity", 2.5);
        effects.put("necrosis", 1.5);
        // a small, coarse cohort (64×64×24 voxels of 1.6×1.6×4 mm) keeps the two studies quick
        SimulationConfig sim = new SimulationConfig(60, 11, new int[] {64, 64, 24}, new double[] {1.6, 1.6, 4.0},
                new int[] {32, 32, 12}, new double[] {3.2, 3.2, 8.0}, d.bValues(), d.imageNoise(), d.dwiNoise(),
                d.biasField(), d.prevalence(), effects, 0.8);
        new Simulator(sim).write(dir.resolve("cohort"), 2, null);
        params = dir.resolve("small.yaml");
        Files.writeString(params, "imageType: {Original: {}}\nfeatureClass:\n  shape:\n  firstorder:\n  glcm:\n"
                + "setting: {binWidth: 25, label: 1}\n");
        // the second reader: a contour-randomised version of each mask; every sixth patient is not double-read
        Table m = Table.read(dir.resolve("cohort/manifest.csv"));
        Files.createDirectories(dir.resolve("cohort/reader2"));
        StringBuilder csv = new StringBuilder(String.join(",", m.columns())).append(",mask_reader2\n");
        for (int r = 0; r < m.rows().size(); r++) {
            List<String> row = m.rows().get(r);
            String id = row.get(0);
            String cell = "";
            if (r % 6 != 5) {
                Volume mask = ImageIO.read(dir.resolve("cohort").resolve(row.get(m.column("mask"))));
                Path p = dir.resolve("cohort/reader2/" + id + ".nii.gz");
                ImageIO.write(MaskPerturbation.apply(MaskPerturbation.Kind.CONTOUR, mask, 1, 1000 + r), p);
                READER2.put(id, p);
                cell = "reader2/" + id + ".nii.gz";
            }
            csv.append(String.join(",", row)).append(',').append(cell).append('\n');
        }
        Files.writeString(dir.resolve("cohort/manifest2.csv"), csv);
        String common = "selection: {folds: 5}\nradiomics: {params: small.yaml}\nsplit: {train_fraction: 0.7}\n";
        // both studies write into one folder, so the second reuses the first's cached diffusion and radiomics (the
        // same files); the first's outputs are kept aside in out-p
        Path c2 = dir.resolve("perturbation.yaml");
        Files.writeString(c2, "manifest: cohort/manifest.csv\noutput: out\nevaluation: {bootstrap: 0}\n" + common
                + "robustness: {source: perturbation, seed: 7, icc: \"3,1\"}\n");
        perturbed = new Study(c2, StudyConfig.read(c2), null, null, 2).run();
        Files.createDirectories(dir.resolve("out-p/tables"));
        for (String f : List.of("summary.json", "report.html", "tables/feature_icc.csv", "tables/predictions.csv",
                "tables/radiomics_selection_steps.csv")) {
            Files.copy(dir.resolve("out/" + f), dir.resolve("out-p/" + f));
        }
        Path c1 = dir.resolve("reader2.yaml");
        Files.writeString(c1, "manifest: cohort/manifest2.csv\noutput: out\nevaluation: {bootstrap: 10}\n" + common
                + "robustness: {source: reader2, icc: \"2,1\"}\n");
        reader2 = new Study(c1, StudyConfig.read(c1), null, null, 2).run();
    }

    private static List<String> trainingIds(String out) throws Exception {
        Table p = Table.read(dir.resolve(out + "/tables/predictions.csv"));
        List<String> ids = new ArrayList<>();
        for (List<String> row : p.rows()) {
            if (row.get(p.column("set")).equals("train")) {
                ids.add(row.get(0));
            }
        }
        return ids;
    }

    private static Map<String, List<String>> manifestRows() throws Exception {
        Table m = Table.read(dir.resolve("cohort/manifest.csv"));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        m.rows().forEach(r -> rows.put(r.get(0), r));
        return rows;
    }

    /**
     * Every feature's ICC(2,1) in tables/feature_icc.csv equals stats' ICC of the matrix built here from separate
     * extractions of the double-read training patients (original mask and reader-2 mask).
     */
    @Test
    void theStudysIccPerFeatureEqualsStatsIccOnTheSameMatrix() throws Exception {
        List<String> ids = new ArrayList<>(trainingIds("out"));
        ids.retainAll(READER2.keySet());
        assertThat(ids.size()).isLessThan(trainingIds("out").size()); // some training patients not double-read
        JsonNode s = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        assertThat(s.get("robustness").get("n_patients").asInt()).isEqualTo(ids.size());
        StandardExtraction x = ExtractionSettings.radiomics(params).extraction();
        Map<String, List<String>> rows = manifestRows();
        Table m = Table.read(dir.resolve("cohort/manifest.csv"));
        List<Map<String, Double>> first = new ArrayList<>();
        List<Map<String, Double>> second = new ArrayList<>();
        for (String id : ids) {
            Path image = dir.resolve("cohort").resolve(rows.get(id).get(m.column("image")));
            first.add(x.extract(image, dir.resolve("cohort").resolve(rows.get(id).get(m.column("mask"))), null).features());
            second.add(x.extract(image, READER2.get(id), null).features());
        }
        Table icc = Table.read(dir.resolve("out/tables/feature_icc.csv"));
        assertThat(icc.rows()).hasSize(first.get(0).size());
        int compared = 0;
        for (List<String> row : icc.rows()) {
            String f = row.get(0);
            double[][] ratings = new double[ids.size()][2];
            for (int i = 0; i < ids.size(); i++) {
                ratings[i][0] = first.get(i).get(f);
                ratings[i][1] = second.get(i).get(f);
            }
            Icc.MeanSquares ms = Icc.meanSquares(ratings);
            if (!(ms.error() > 0)) {
                continue; // constant or residual-free features: FeatureRobustness' documented special cases
            }
            Icc.Estimate e = Icc.compute(ratings).icc21();
            assertThat(Double.parseDouble(row.get(1))).as(f).isEqualTo(e.value());
            assertThat(Double.parseDouble(row.get(2))).as(f).isEqualTo(e.lower());
            assertThat(Double.parseDouble(row.get(3))).as(f).isEqualTo(e.upper());
            assertThat(Boolean.parseBoolean(row.get(4))).as(f).isEqualTo(e.value() >= 0.75);
            compared++;
        }
        assertThat(compared).isGreaterThan(icc.rows().size() / 2);
    }

    /** all → ICC → non-constant → univariate → non-redundant → LASSO: each a subset of the one before. */
    @Test
    void theFunnelCountsAddUp() throws Exception {
        for (String out : List.of("out", "out-p")) {
            JsonNode s = new ObjectMapper().readTree(dir.resolve(out + "/summary.json").toFile());
            JsonNode f = s.get("selection_funnel");
            List<String> steps = new ArrayList<>();
            f.fieldNames().forEachRemaining(steps::add);
            assertThat(steps).containsExactly("extracted", "robust (ICC)", "non-constant", "univariate",
                    "non-redundant", "lasso");
            Table icc = Table.read(dir.resolve(out + "/tables/feature_icc.csv"));
            long kept = icc.rows().stream().filter(r -> r.get(4).equals("true")).count();
            assertThat(f.get("extracted").asInt()).isEqualTo(icc.rows().size());
            assertThat(f.get("robust (ICC)").asLong()).isEqualTo(kept).isEqualTo(s.get("robustness").get("n_kept").asLong());
            assertThat(kept).isLessThan(icc.rows().size()).isPositive();
            int previous = Integer.MAX_VALUE;
            for (String step : steps) {
                assertThat(f.get(step).asInt()).as(out + " " + step).isLessThanOrEqualTo(previous);
                previous = f.get(step).asInt();
            }
            assertThat(f.get("lasso").asInt()).isEqualTo(s.get("selected_features").size());
            // the selection saw only the robust features
            StudyResult r = out.equals("out") ? reader2 : perturbed;
            assertThat(r.data().radiomicsNames()).hasSize((int) kept);
            for (JsonNode sel : s.get("selected_features")) {
                String name = sel.get("name").asText();
                assertThat(icc.rows().stream().filter(row -> row.get(0).equals(name)).findFirst().orElseThrow().get(4))
                        .isEqualTo("true");
            }
            String html = Files.readString(dir.resolve(out + "/report.html"));
            assertThat(html).contains("Feature robustness (ICC filter)").contains("robust (ICC)");
            assertThat(Files.readString(dir.resolve(out + "/tables/radiomics_selection_steps.csv")))
                    .startsWith("step,features\nextracted," + icc.rows().size() + "\nrobust (ICC)," + kept + "\n");
        }
    }

    /**
     * The perturbed masks are the documented perturbations of each training patient's mask, written with the same
     * bytes again for the same seed, and their cache entries carry their own mask checksum and key.
     */
    @Test
    void perturbedMasksAndTheirCacheEntries() throws Exception {
        Path out = dir.resolve("out");
        Table m = Table.read(dir.resolve("cohort/manifest.csv"));
        Map<String, List<String>> rows = manifestRows();
        List<String> train = trainingIds("out");
        String id = train.get(3);
        Volume mask = ImageIO.read(dir.resolve("cohort").resolve(rows.get(id).get(m.column("mask"))));
        Geometry g = mask.geometry();
        boolean[] roi = mask.labelMask(1);
        int eroded = MaskPerturbation.count(ImageIO.read(out.resolve("cache/masks/erosion/" + id + ".nii.gz")).labelMask(1));
        int dilated = MaskPerturbation.count(ImageIO.read(out.resolve("cache/masks/dilation/" + id + ".nii.gz")).labelMask(1));
        assertThat(eroded).isEqualTo(MaskPerturbation.count(MaskPerturbation.erode(roi, g.nx(), g.ny(), g.nz())))
                .isLessThan(MaskPerturbation.count(roi));
        assertThat(dilated).isEqualTo(MaskPerturbation.count(MaskPerturbation.dilate(roi, g.nx(), g.ny(), g.nz())))
                .isGreaterThan(MaskPerturbation.count(roi));
        Volume contour = ImageIO.read(out.resolve("cache/masks/contour/" + id + ".nii.gz"));
        assertThat(contour.labelMask(1)).isEqualTo(MaskPerturbation.randomiseContour(roi, g.nx(), g.ny(), g.nz(),
                MaskPerturbation.patientSeed(7, id)));
        Cohort.Patient p = perturbed.cohort().patients().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
        Path again = RobustnessStep.perturbedMask(p, MaskPerturbation.Kind.CONTOUR, 1, 7, Files.createTempDirectory(dir, "again"));
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out.resolve("cache/masks/contour/" + id + ".nii.gz")));
        // only training patients are measured again
        try (var files = Files.list(out.resolve("cache/radiomics-erosion"))) {
            assertThat(files.count()).isEqualTo(train.size());
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode original = json.readTree(out.resolve("cache/radiomics/" + id + ".json").toFile());
        List<String> keys = new ArrayList<>(List.of(original.get("key").asText()));
        for (String kind : List.of("erosion", "dilation", "contour")) {
            JsonNode e = json.readTree(out.resolve("cache/radiomics-" + kind + "/" + id + ".json").toFile());
            assertThat(e.get("inputs").get("image").asText()).isEqualTo(original.get("inputs").get("image").asText());
            assertThat(e.get("inputs").get("mask").asText()).isNotEqualTo(original.get("inputs").get("mask").asText());
            keys.add(e.get("key").asText());
        }
        String r2 = READER2.keySet().stream().filter(trainingIds("out")::contains).findFirst().orElseThrow();
        keys.add(json.readTree(dir.resolve("out/cache/radiomics-reader2/" + r2 + ".json").toFile()).get("key").asText());
        keys.add(json.readTree(dir.resolve("out/cache/radiomics/" + r2 + ".json").toFile()).get("key").asText());
        assertThat(keys).doesNotHaveDuplicates();
    }

    /** A reader-2 mask on another grid, missing, or empty: one error naming each row and the column. */
    @Test
    void badReaderTwoMasksAreRefusedByRowAndColumn() throws Exception {
        Path bad = dir.resolve("cohort/bad");
        Files.createDirectories(bad);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("cohort/manifest2.csv")));
        Volume mask = ImageIO.read(READER2.values().iterator().next());
        Geometry g = mask.geometry();
        Geometry other = new Geometry(g.size(), new double[] {g.spacing(0) * 1.5, g.spacing(1), g.spacing(2)},
                g.origin(), g.direction());
        ImageIO.write(new Volume(other, PixelType.UINT8, mask.data()), bad.resolve("grid.nii.gz"));
        ImageIO.write(mask.withData(new double[mask.data().length], PixelType.UINT8), bad.resolve("empty.nii.gz"));
        String[] replacement = {"bad/grid.nii.gz", "bad/missing.nii.gz", "bad/empty.nii.gz"};
        List<String> ids = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            String line = lines.get(r);
            lines.set(r, line.substring(0, line.lastIndexOf(',') + 1) + replacement[r - 1]);
            ids.add(line.substring(0, line.indexOf(',')));
        }
        Files.write(dir.resolve("cohort/manifest-bad.csv"), lines);
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "manifest: cohort/manifest-bad.csv\noutput: out-bad\nradiomics: {params: small.yaml}\n"
                + "robustness: {source: reader2}\n");
        assertThatThrownBy(() -> new Study(cfg, StudyConfig.read(cfg), null, null, 2).run())
                .isInstanceOf(CohortException.class)
                .hasMessageContaining("3 problems")
                .hasMessageContaining("row 1 (id " + ids.get(0) + "), column mask_reader2: ")
                .hasMessageContaining("grid.nii.gz: not on the grid of the image")
                .hasMessageContaining("row 2 (id " + ids.get(1) + "), column mask_reader2: file not found: ")
                .hasMessageContaining("row 3 (id " + ids.get(2) + "), column mask_reader2: ")
                .hasMessageContaining("empty.nii.gz: no voxel has label 1 (the second reader's ROI is empty)");
        assertThat(dir.resolve("out-bad")).doesNotExist();
        // the column itself missing
        Path cfg2 = dir.resolve("bad2.yaml");
        Files.writeString(cfg2, "manifest: cohort/manifest.csv\noutput: out-bad2\nradiomics: {params: small.yaml}\n"
                + "robustness: {source: reader2}\n");
        assertThatThrownBy(() -> RobustnessStep.checkReader2(perturbed.cohort(), StudyConfig.read(cfg2).robustness(), 1))
                .isInstanceOf(CohortException.class)
                .hasMessageContaining("column mask_reader2: column is missing (robustness.source: reader2");
    }

    /** The item ids of TRIPOD+AI (Collins et al., BMJ 2024), written out here independently of the code. */
    static final List<String> TRIPOD_AI_IDS = List.of("1", "2", "3a", "3b", "3c", "4", "5a", "5b", "6a", "6b", "6c",
            "7", "8a", "8b", "8c", "9a", "9b", "9c", "10", "11", "12a", "12b", "12c", "12d", "12e", "12f", "12g", "13",
            "14", "15", "16", "17", "18a", "18b", "18c", "18d", "18e", "18f", "19", "20a", "20b", "20c", "21", "22",
            "23a", "23b", "24", "25", "26", "27a", "27b", "27c");

    @Test
    void theTripodAiChecklistHasEveryItemOnceAndTheRunsNumbers() throws Exception {
        JsonNode s = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        JsonNode t = s.get("tripod_ai");
        List<String> ids = new ArrayList<>();
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode i : t.get("items")) {
            ids.add(i.get("id").asText());
            byId.put(i.get("id").asText(), i);
            assertThat(i.get("status").asText()).isIn("filled", "author");
            assertThat(i.get("text").asText()).isNotBlank();
        }
        assertThat(ids).containsExactlyElementsOf(TRIPOD_AI_IDS);
        assertThat(t.get("filled").asInt() + t.get("author").asInt()).isEqualTo(TRIPOD_AI_IDS.size());
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("<h2>TRIPOD+AI checklist</h2>");
        for (String id : TRIPOD_AI_IDS) {
            assertThat(html.split("id=\"tripod-" + id + "\"", -1)).as(id).hasSize(2);
        }
        for (String id : List.of("5a", "5b", "8a", "9b", "10", "11", "12a", "12c", "21", "22", "23a")) {
            assertThat(byId.get(id).get("status").asText()).as(id).isEqualTo("filled");
        }
        for (String id : List.of("3a", "17", "18a", "25", "26")) {
            assertThat(byId.get(id).get("status").asText()).as(id).isEqualTo("author");
        }
        // EPV, computed here from the predictions table, the config's candidates and the feature table
        Table p = Table.read(dir.resolve("out/tables/predictions.csv"));
        int events = 0;
        for (List<String> row : p.rows()) {
            if (row.get(p.column("set")).equals("train") && row.get(p.column("chemoresistant")).equals("1")) {
                events++;
            }
        }
        int candidates = StudyConfig.Clinical.DEFAULT_CANDIDATES.size()
                + Table.read(dir.resolve("out/tables/feature_icc.csv")).rows().size();
        JsonNode v = byId.get("10").get("values");
        assertThat(v.get("events").asInt()).isEqualTo(events);
        assertThat(v.get("candidate_predictors").asInt()).isEqualTo(candidates);
        assertThat(v.get("epv").asDouble()).isEqualTo((double) events / candidates);
        assertThat(byId.get("10").get("text").asText()).contains(events + " / " + candidates + " = "
                + String.format(java.util.Locale.ROOT, "%.3f", (double) events / candidates));
        // key dates: the training set's first and last admission, from the manifest
        Table m = Table.read(dir.resolve("cohort/manifest.csv"));
        List<String> dates = new ArrayList<>();
        Map<String, List<String>> rows = manifestRows();
        for (String id : trainingIds("out")) {
            dates.add(rows.get(id).get(m.column("admission_date")));
        }
        dates.sort(null);
        assertThat(byId.get("5b").get("values").get("training_first").asText()).isEqualTo(dates.get(0));
        assertThat(byId.get("5b").get("values").get("training_last").asText()).isEqualTo(dates.get(dates.size() - 1));
        // the model specification names every term and feature of model.json with its coefficient
        SavedModel model = SavedModel.read(dir.resolve("out/model.json"));
        String spec = byId.get("22").get("text").asText();
        assertThat(spec).contains(Report.plain(model.intercept()));
        model.coefficients().forEach((term, b) -> assertThat(spec).contains(Report.plain(Math.abs(b)) + " × " + term));
        for (String f : model.radiomicsFeatures()) {
            assertThat(spec).contains(f);
        }
        assertThat(spec).contains("sha256:" + org.nacrad.io.Sha256.ofText(model.parameterFile()));
        assertThat(byId.get("23a").get("text").asText()).contains(Report.auc(reader2.evaluation(Model.COMBINED,
                Subset.VALIDATION))).contains("optimism-corrected AUC");
    }
}
