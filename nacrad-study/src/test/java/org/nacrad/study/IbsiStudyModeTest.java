package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.extraction.ExtractionSettings;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;

/**
 * The study's {@code radiomics: {standard: ibsi}}: the configuration is read and checked, and the study's radiomics
 * step extracts IBSI features (by IBSI tag) under its own cache key, beside PyRadiomics mode's.
 */
class IbsiStudyModeTest {

    @Test
    void configNamesTheStandard(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, "manifest: cohort/manifest.csv\nradiomics: {standard: IBSI}\n");
        assertThat(StudyConfig.read(f).radiomics().standard()).isEqualTo("ibsi");
        Files.writeString(f, "manifest: cohort/manifest.csv\nradiomics: {standard: mirp}\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("radiomics.standard: expected pyradiomics "
                + "or ibsi, got mirp");
        assertThat(StudyConfig.defaults().radiomics().standard()).isNull();
    }

    @Test
    void radiomicsStepInIbsiMode(@TempDir Path dir) throws Exception {
        SimulationConfig d = SimulationConfig.defaults();
        // a cohort needs 10 usable patients of both classes; three are extracted
        SimulationConfig sim = new SimulationConfig(12, 11, d.imageSize(), d.imageSpacing(), d.dwiSize(),
                d.dwiSpacing(), d.bValues(), d.imageNoise(), d.dwiNoise(), d.biasField(), 0.5, d.effects(), 1.0);
        new Simulator(sim).write(dir.resolve("cohort"), 1, null);
        Path cfg = dir.resolve("study.yaml");
        Files.writeString(cfg, "manifest: cohort/manifest.csv\nradiomics: {standard: ibsi}\n");
        java.util.List<Cohort.Patient> patients = Cohort.load(StudyConfig.read(cfg), cfg).patients().subList(0, 3);
        FeatureSteps.Output out = FeatureSteps.radiomics(patients, ExtractionSettings.radiomics(null, "ibsi"), 1,
                dir.resolve("cache"), 1, null);
        assertThat(out.failures()).isEmpty();
        Map<String, Double> f = out.features().values().iterator().next();
        assertThat(f).containsKeys("morph_volume", "stat_kurt", "cm_joint_max_3D_avg", "ngl_lde_3D")
                .doesNotContainKey("original_firstorder_Mean");
        // the same mean as PyRadiomics mode (no processing, same voxels), kurtosis 3 lower
        Path py = dir.resolve("p.yaml");
        Files.writeString(py, "imageType: {Original: {}}\nfeatureClass: {firstorder: }\n");
        FeatureSteps.Output pyOut = FeatureSteps.radiomics(patients, ExtractionSettings.radiomics(py, null), 1,
                dir.resolve("cache"), 1, null);
        String id = out.features().keySet().iterator().next();
        Map<String, Double> p = pyOut.features().get(id);
        assertThat(f.get("stat_mean")).isCloseTo(p.get("original_firstorder_Mean"),
                org.assertj.core.api.Assertions.within(1e-9 * Math.abs(p.get("original_firstorder_Mean"))));
        assertThat(f.get("stat_kurt") + 3).isCloseTo(p.get("original_firstorder_Kurtosis"),
                org.assertj.core.api.Assertions.within(1e-9));
    }
}
