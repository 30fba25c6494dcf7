package org.nacrad.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationConfigTest {

    @Test
    void yamlOverridesSingleSettings(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sim.yaml");
        Files.writeString(f, "patients: 120\nseed: 7\nimage_noise: 20\ndwi_noise: 9.5\nprevalence: 0.3\n"
                + "image_size: [140, 140, 50]\nb_values: [0, 1000, 2000]\neffects: {er_positive: 1.0, rmk: 1.2}\n"
                + "effect_scale: 1.1\n");
        SimulationConfig c = SimulationConfig.defaults().withYaml(f);
        assertThat(c.patients()).isEqualTo(120);
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.imageNoise()).isEqualTo(20);
        assertThat(c.dwiNoise()).isEqualTo(9.5);
        assertThat(c.prevalence()).isEqualTo(0.3);
        assertThat(c.imageSize()).containsExactly(140, 140, 50);
        assertThat(c.bValues()).containsExactly(0, 1000, 2000);
        assertThat(c.effect("er_positive")).isEqualTo(1.0 * 1.1);
        assertThat(c.effect("rmk")).isEqualTo(1.2 * 1.1);
        assertThat(c.effect("rdi")).isEqualTo(SimulationConfig.defaults().effects().get("rdi") * 1.1);
        // untouched settings keep their defaults
        assertThat(c.dwiSize()).containsExactly(SimulationConfig.defaults().dwiSize());
    }

    @Test
    void badSettingsAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "patients: 10\nnoise: 3\n");
        assertThatThrownBy(() -> SimulationConfig.defaults().withYaml(f)).hasMessage(f + ": unknown setting 'noise'");
        Files.writeString(f, "effects: {ki67: 1}\n");
        assertThatThrownBy(() -> SimulationConfig.defaults().withYaml(f)).hasMessageContaining("unknown effect 'ki67'");
        Files.writeString(f, "prevalence: 1.5\n");
        assertThatThrownBy(() -> SimulationConfig.defaults().withYaml(f)).hasMessageContaining("prevalence must be in (0, 1)");
    }
}
