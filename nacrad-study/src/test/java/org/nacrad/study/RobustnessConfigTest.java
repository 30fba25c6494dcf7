package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's robustness section: defaults, every key, and bad values named by key. */
class RobustnessConfigTest {

    @TempDir
    Path dir;

    private StudyConfig read(String yaml) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml);
        return StudyConfig.read(f);
    }

    @Test
    void offByDefaultWithThePapersDefaultsWhenOn() throws Exception {
        assertThat(StudyConfig.defaults().robustness().on()).isFalse();
        Robustness r = read("robustness: {source: perturbation}\n").robustness();
        assertThat(r.on()).isTrue();
        assertThat(r.perturbations()).containsExactly(MaskPerturbation.Kind.EROSION, MaskPerturbation.Kind.DILATION,
                MaskPerturbation.Kind.CONTOUR);
        assertThat(r.icc()).isEqualTo(Robustness.IccForm.ICC2_1);
        assertThat(r.threshold()).isEqualTo(0.75);
        assertThat(r.criterion()).isEqualTo(Robustness.Criterion.ESTIMATE);
        assertThat(r.column()).isEqualTo("mask_reader2");
    }

    @Test
    void everyKey() throws Exception {
        Robustness r = read("robustness: {source: reader2, column: second, segment_column: second_seg, "
                + "perturbations: [contour], seed: 9, icc: \"3,1\", threshold: 0.9, criterion: lower_bound}\n").robustness();
        assertThat(r.source()).isEqualTo(Robustness.Source.READER2);
        assertThat(r.column()).isEqualTo("second");
        assertThat(r.segmentColumn()).isEqualTo("second_seg");
        assertThat(r.perturbations()).isEqualTo(List.of(MaskPerturbation.Kind.CONTOUR));
        assertThat(r.seed()).isEqualTo(9L);
        assertThat(r.icc()).isEqualTo(Robustness.IccForm.ICC3_1);
        assertThat(r.threshold()).isEqualTo(0.9);
        assertThat(r.criterion()).isEqualTo(Robustness.Criterion.LOWER_BOUND);
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> read("robustness: {source: reader3}\n"))
                .hasMessageContaining("robustness.source must be none, reader2 or perturbation, got 'reader3'");
        assertThatThrownBy(() -> read("robustness: {source: perturbation, icc: \"1,1\"}\n"))
                .hasMessageContaining("robustness.icc must be 2,1 or 3,1, got '1,1'");
        assertThatThrownBy(() -> read("robustness: {source: perturbation, threshold: 1.5}\n"))
                .hasMessageContaining("robustness.threshold must be an ICC in [-1, 1], got 1.5");
        assertThatThrownBy(() -> read("robustness: {source: perturbation, perturbations: []}\n"))
                .hasMessageContaining("robustness.perturbations: give at least one of erosion, dilation or contour");
        assertThatThrownBy(() -> read("robustness: {source: perturbation, perturbations: [blur]}\n"))
                .hasMessageContaining("erosion, dilation or contour");
        assertThatThrownBy(() -> read("robustness: {sources: reader2}\n"))
                .hasMessageContaining("unknown key").hasMessageContaining("source");
    }
}
