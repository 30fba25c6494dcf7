package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.Table;
import org.nacrad.simulator.Centres;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;

/**
 * The whole study with ComBat on a small simulated three-centre cohort (coarse images, so it runs in seconds): the
 * saved model carries the training ComBat, {@code predict} asks for the centre and reproduces every validation
 * probability exactly from the images, and refuses a centre the training set did not have.
 */
class HarmonisedStudyTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void runStudy() throws Exception {
        SimulationConfig d = SimulationConfig.defaults();
        Map<String, Double> effects = new java.util.HashMap<>(d.effects());
        effects.put("heterogeneity", 2.5);
        effects.put("necrosis", 1.5);
        // the default field of view with voxels about 2.5 times larger in plane
        SimulationConfig sim = new SimulationConfig(60, 5, new int[] {48, 48, 24}, new double[] {2.13, 2.13, 4.0},
                new int[] {32, 32, 12}, new double[] {3.2, 3.2, 8.0}, d.bValues(), d.imageNoise(), d.dwiNoise(),
                d.biasField(), d.prevalence(), effects, 1.0);
        new Simulator(sim, Centres.of(3)).write(dir.resolve("cohort"), 2, null);
        Files.writeString(dir.resolve("original.yaml"), "imageType: {Original: {}}\nfeatureClass:\n  shape:\n"
                + "  firstorder:\n  glcm:\n  glszm:\nsetting: {binWidth: 25, label: 1}\n");
        Path config = dir.resolve("study.yaml");
        Files.writeString(config, "manifest: cohort/manifest.csv\noutput: out\nevaluation: {bootstrap: 2}\n"
                + "selection: {folds: 3}\nradiomics: {params: original.yaml}\nsplit: {method: stratified}\n"
                + "clinical: {candidates: [age, pr_positive, rdi]}\n"
                + "harmonisation: {combat: true, covariates: [age]}\n");
        new Study(config, StudyConfig.read(config), new PrintWriter(new StringWriter()), null).run();
    }

    @Test
    void theSavedModelCarriesTheTrainingComBatAndPredictReproducesTheStudy() throws Exception {
        SavedModel model = SavedModel.read(dir.resolve("out/model.json"));
        SavedHarmonisation h = SavedHarmonisation.of(model);
        assertThat(h.column()).isEqualTo("centre");
        assertThat(h.combat().batches()).containsExactly("A", "B", "C");
        assertThat(h.combat().features()).containsExactlyElementsOf(model.radiomicsFeatures());
        Predictor predictor = new Predictor(model);
        assertThat(predictor.inputs().clinicalNames()).contains("centre", "age");
        Table predictions = Table.read(dir.resolve("out/tables/predictions.csv"));
        int checked = 0;
        for (List<String> row : predictions.rows()) {
            if (row.get(1).equals("validation") && checked < 8) { // 8 are enough: each extracts its features
                Predictor.Prediction p = predictor.predict(inputs(row.get(0), predictor));
                assertThat(p.probability()).as(row.get(0)).isEqualTo(Double.parseDouble(row.get(6)));
                assertThat(p.warnings()).noneMatch(w -> w.contains("centre"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(8);
        String log = Files.readString(dir.resolve("out/study.log"));
        assertThat(log).contains("harmonisation: ComBat (parametric, covariates age) fitted on the").contains(
                "bootstrap validation: ComBat refitted on each resample");
        assertThat(Files.readAllLines(dir.resolve("out/tables/centres.csv")).get(0))
                .isEqualTo("centre,set,patients,events,auc_radiomics,auc_combined,harmonised");
    }

    @Test
    void predictRefusesAnUnseenCentreByColumn() throws Exception {
        Predictor predictor = new Predictor(SavedModel.read(dir.resolve("out/model.json")));
        Predictor.Inputs in = inputs("NAC0001", predictor).withClinical("centre", "Z");
        assertThatThrownBy(() -> predictor.predict(in))
                .hasMessageContaining("patient NAC0001, column centre: centre 'Z' was not in the training set (A, B "
                        + "or C)");
        assertThatThrownBy(() -> predictor.predict(inputs("NAC0001", predictor).withClinical("centre", "")))
                .hasMessageContaining("the model needs the clinical value centre");
    }

    private static Predictor.Inputs inputs(String id, Predictor predictor) throws Exception {
        Table manifest = Table.read(dir.resolve("cohort/manifest.csv"));
        List<String> m = manifest.rows().stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        Map<String, String> clinical = new LinkedHashMap<>();
        for (String c : predictor.inputs().clinicalNames()) {
            clinical.put(c, m.get(manifest.column(c)));
        }
        ModelInputs needs = predictor.inputs();
        Path base = dir.resolve("cohort");
        java.util.function.Function<String, Path> file = c -> needs.usesFile(c) ? base.resolve(m.get(manifest.column(c)))
                : null;
        return new Predictor.Inputs(id, file.apply("image"), file.apply("mask"), null, file.apply("dwi"),
                file.apply("bvals"), file.apply("dwi_tumour_mask"), null, file.apply("reference_mask"), null, clinical);
    }
}
