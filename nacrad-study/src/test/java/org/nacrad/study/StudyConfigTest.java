package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigTest {

    @Test
    void defaultsReproduceThePaper() {
        StudyConfig c = StudyConfig.defaults();
        assertThat(c.split().method()).isEqualTo(StudyConfig.SplitMethod.CHRONOLOGICAL);
        assertThat(c.split().trainFraction() * 240).isCloseTo(160, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.selection().folds()).isEqualTo(10);
        assertThat(c.evaluation().bootstrap()).isEqualTo(1000);
        assertThat(c.label().rule()).isEqualTo("rcb>=II and shrinkage<0.30");
    }

    @Test
    void readsYamlAndNamesBadKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, "manifest: cohort/manifest.csv\nsplit:\n  method: stratified\n  seed: 7\nselection: {lambda: min}\n");
        StudyConfig c = StudyConfig.read(f);
        assertThat(c.split().method()).isEqualTo(StudyConfig.SplitMethod.STRATIFIED);
        assertThat(c.split().seed()).isEqualTo(7L);
        assertThat(c.selection().lambda()).isEqualTo(StudyConfig.Lambda.MIN);
        assertThat(c.selection().folds()).isEqualTo(10);
        assertThat(StudyConfig.resolve(f, c.manifest())).isEqualTo(dir.resolve("cohort/manifest.csv"));

        Files.writeString(f, "split:\n  methd: stratified\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("study.yaml").hasMessageContaining("methd");
        Files.writeString(f, "split:\n  method: random\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("split.method must be chronological");
        Files.writeString(f, "label:\n  rule: ki67>20\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("cannot read term 'ki67>20'");
    }
}
