package org.nacrad.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/** {@code nacrad simulate --centres N}: the same patients, imaged round robin on scanners with their own gain and offset. */
class CentresTest {

    @Test
    void threeCentresImageTheSamePatientsWithEachScannersGainAndOffset(@TempDir Path tmp) throws Exception {
        // the default field of view in coarse voxels: a quick test
        SimulationConfig d = SimulationConfig.defaults();
        SimulationConfig c = new SimulationConfig(3, 7, new int[] {48, 48, 24}, new double[] {2.13, 2.13, 4.0},
                new int[] {32, 32, 12}, new double[] {3.2, 3.2, 8.0}, d.bValues(), d.imageNoise(), d.dwiNoise(),
                d.biasField(), d.prevalence(), d.effects(), 1.0);
        new Simulator(c).write(tmp.resolve("one"), 2, null);
        new Simulator(c, Centres.of(3)).write(tmp.resolve("three"), 2, null);
        List<String> one = Files.readAllLines(tmp.resolve("one/manifest.csv"));
        List<String> three = Files.readAllLines(tmp.resolve("three/manifest.csv"));
        assertThat(one.get(0)).doesNotContain("centre");
        assertThat(three).containsExactly(one.get(0) + ",centre", one.get(1) + ",A", one.get(2) + ",B",
                one.get(3) + ",C");
        for (String f : List.of("cycles.csv", "truth.csv", "truth-summary.json", "images/NAC0002/dwi.nii.gz",
                "images/NAC0003/tumour.nii.gz", "images/NAC0001/t1.nii.gz")) {
            assertThat(Files.readAllBytes(tmp.resolve("three").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
        }
        assertThat(Files.exists(tmp.resolve("one/truth-centres.csv"))).isFalse();
        assertThat(Files.readString(tmp.resolve("three/truth-centres.csv")))
                .isEqualTo("centre,t1_gain,t1_offset,patients\nA,1,0,1\nB,1.2,-40,1\nC,0.6,200,1\n");
        // centre B records 1.2 s − 40 and centre C 0.6 s + 200 of the reference scanner's signal s
        double[][] scanner = {{1.2, -40}, {0.6, 200}};
        for (int p = 2; p <= 3; p++) {
            String id = "images/NAC000" + p + "/t1.nii.gz";
            Volume ref = ImageIO.read(tmp.resolve("one").resolve(id));
            Volume got = ImageIO.read(tmp.resolve("three").resolve(id));
            assertThat(got.geometry().mismatch(ref.geometry(), 0)).isNull();
            double[] a = ref.data();
            double[] b = got.data();
            for (int i = 0; i < a.length; i += 97) {
                assertThat(b[i]).isEqualTo(Math.rint(scanner[p - 2][0] * a[i] + scanner[p - 2][1]));
            }
        }
    }

    @Test
    void centresAreOneToSixAndAssignedRoundRobin() {
        Centres c = Centres.of(3);
        assertThat(List.of(c.scannerOf(0).name(), c.scannerOf(1).name(), c.scannerOf(2).name(), c.scannerOf(3).name()))
                .containsExactly("A", "B", "C", "A");
        assertThat(Centres.of(1).several()).isFalse();
        assertThat(Centres.of(6).scanners()).hasSize(6);
        assertThatThrownBy(() -> Centres.of(0)).hasMessageContaining("centres must be from 1 to 6, got 0");
        assertThatThrownBy(() -> Centres.of(7)).hasMessageContaining("centres must be from 1 to 6, got 7");
    }
}
