package org.nacrad.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The presets: the paper preset's exact counts and how they are drawn; the literature preset unchanged. */
class PresetTest {

    /** Resistant patients among the first {@code nTrain} by (admission date, id), as the study's split takes them. */
    static int resistantAmongFirst(List<Patient> ps, int nTrain) {
        return (int) ps.stream().sorted(Comparator.comparing(Patient::admission).thenComparing(Patient::id)).limit(nTrain)
                .filter(p -> p.truth().resistant()).count();
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void thePaperPresetHasThePublishedCountsInEverySeed(long seed) {
        List<Patient> ps = new Simulator(SimulationConfig.defaults().withSeed(seed)).patients();
        assertThat(ps).hasSize(240);
        assertThat(ps.stream().filter(p -> p.truth().resistant()).count()).isEqualTo(58);
        List<Patient> sorted = ps.stream().sorted(Comparator.comparing(Patient::admission).thenComparing(Patient::id))
                .toList();
        // 40 of the first 160 admitted, and the 160th admitted strictly before the 161st: no tie for the id to break
        assertThat(resistantAmongFirst(ps, 160)).isEqualTo(40);
        assertThat(sorted.get(159).admission()).isBefore(sorted.get(160).admission());
        assertThat(sorted.get(0).admission()).isAfterOrEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(sorted.get(239).admission()).isBeforeOrEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void countsScaleWithTheCohortAndTinyCohortsAreDrawnFreely() {
        SimulationConfig.Counts k = SimulationConfig.defaults().counts();
        assertThat(new int[] {k.resistant(240), k.training(240), k.trainingResistant(240)}).containsExactly(58, 160, 40);
        assertThat(new int[] {k.resistant(90), k.training(90), k.trainingResistant(90)}).containsExactly(22, 60, 15);
        List<Patient> ps = new Simulator(SimulationConfig.defaults().withPatients(90).withSeed(7)).patients();
        assertThat(ps.stream().filter(p -> p.truth().resistant()).count()).isEqualTo(22);
        assertThat(resistantAmongFirst(ps, 60)).isEqualTo(15);
        // two patients cannot hold 58/240 of a resistant patient: no counts, outcomes drawn freely
        assertThat(k.applicable(2)).isFalse();
        assertThat(CohortDraw.applied(SimulationConfig.defaults().withPatients(2))).isNull();
    }

    @Test
    void conditioningOnTheTotalGivesTheExactConditionalDistribution() {
        // six patients, exactly two resistant: P(y_i = 1 | Σ y = 2) by enumerating the 15 outcome vectors
        double[] p = {0.05, 0.2, 0.35, 0.5, 0.7, 0.9};
        double[] exact = new double[6];
        double total = 0;
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) != 2) {
                continue;
            }
            double w = 1;
            for (int i = 0; i < 6; i++) {
                w *= (mask >> i & 1) == 1 ? p[i] : 1 - p[i];
            }
            total += w;
            for (int i = 0; i < 6; i++) {
                exact[i] += (mask >> i & 1) * w;
            }
        }
        int draws = 40_000;
        int[] hits = new int[6];
        Rng r = new Rng(11, 0);
        for (int d = 0; d < draws; d++) {
            boolean[] y = CohortDraw.withTotal(p, 2, r);
            assertThat(IntStream.range(0, 6).filter(i -> y[i]).count()).isEqualTo(2);
            for (int i = 0; i < 6; i++) {
                hits[i] += y[i] ? 1 : 0;
            }
        }
        for (int i = 0; i < 6; i++) {
            double q = exact[i] / total;
            // within 5 binomial SDs
            assertThat(Math.abs(hits[i] / (double) draws - q)).as("patient %d", i)
                    .isLessThan(5 * Math.sqrt(q * (1 - q) / draws));
        }
        // and the check has power: the conditional probabilities are far (20 SDs) from the unconditional ones
        double shift = 0;
        for (int i = 0; i < 6; i++) {
            shift = Math.max(shift, Math.abs(exact[i] / total - p[i]));
        }
        assertThat(shift).isGreaterThan(20 * Math.sqrt(0.25 / draws));
    }

    @Test
    void admissionDatesPutExactlyTheRequestedResistantPatientsFirstAndEachEquallyOften() {
        boolean[] y = new boolean[30];
        for (int i = 0; i < 8; i++) {
            y[i * 3] = true;
        }
        int draws = 20_000;
        int[] first = new int[30];
        Rng r = new Rng(5, 1);
        for (int d = 0; d < draws; d++) {
            LocalDate[] dates = CohortDraw.admissions(y, 20, 5, r);
            Integer[] order = IntStream.range(0, 30).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparing((Integer i) -> dates[i]).thenComparing(i -> i));
            int k = 0;
            for (int t = 0; t < 20; t++) {
                k += y[order[t]] ? 1 : 0;
                first[order[t]]++;
            }
            assertThat(k).isEqualTo(5);
            assertThat(dates[order[19]]).isBefore(dates[order[20]]);
        }
        // by symmetry each resistant patient is among the first 20 with probability 5/8, each sensitive one 15/22
        for (int i = 0; i < 30; i++) {
            double q = y[i] ? 5 / 8.0 : 15 / 22.0;
            assertThat(Math.abs(first[i] / (double) draws - q)).as("patient %d", i)
                    .isLessThan(5 * Math.sqrt(q * (1 - q) / draws));
        }
    }

    @Test
    void erPositivityFollowsHeterogeneityWithThePopulationRateKept() {
        SimulationConfig.Markers m = new SimulationConfig.Markers(0.62, 0.8, 0.05, 25, 0.45, 0.05, 0.12, 0.05, 0.4, 0.8);
        // the mean of logistic(a + 0.8 z) over z ~ N(0, 1), by a 20 001-point rule independent of the solver's grid
        double num = 0;
        double den = 0;
        for (int k = -10_000; k <= 10_000; k++) {
            double z = k / 1000.0;
            double w = Math.exp(-z * z / 2);
            num += w * PaperPopulation.erProbability(m, z);
            den += w;
        }
        assertThat(num / den).isCloseTo(0.62, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(PaperPopulation.erProbability(m, 1)).isGreaterThan(PaperPopulation.erProbability(m, -1));
        // log-odds per SD as configured
        double lo = PaperPopulation.erProbability(m, 0);
        double hi = PaperPopulation.erProbability(m, 1);
        assertThat(Math.log(hi / (1 - hi)) - Math.log(lo / (1 - lo))).isCloseTo(0.8,
                org.assertj.core.api.Assertions.within(1e-12));
        // without a link, the rate itself
        SimulationConfig.Markers flat = new SimulationConfig.Markers(0.62, 0.8, 0.05, 25, 0.45, 0.05, 0.12, 0.05, 0.4, 0);
        assertThat(PaperPopulation.erProbability(flat, 3)).isEqualTo(0.62);
    }

    @Test
    void anImpossibleTotalIsNamed() {
        double[] p = new double[50];
        Arrays.fill(p, 0.01);
        assertThatThrownBy(() -> CohortDraw.withTotal(p, 45, new Rng(1, 1)))
                .hasMessage("cannot draw exactly 45 resistant patients of 50: the latent model expects 0.5; set "
                        + "prevalence near counts.resistant_rate");
    }

    @Test
    void thePaperPresetDrawsNoImageFromTheClinicalRecordOrTheOutcome() {
        // the images are drawn from the tissue and tumour size alone: other markers, effects and counts leave them
        SimulationConfig a = SimulationConfig.defaults().withPatients(40);
        SimulationConfig b = a.withCounts(null);
        List<Patient> pa = new Simulator(a).patients();
        List<Patient> pb = new Simulator(b).patients();
        for (int i = 0; i < 40; i++) {
            assertThat(pb.get(i).tissue()).isEqualTo(pa.get(i).tissue());
            assertThat(pb.get(i).baselineMm()).isEqualTo(pa.get(i).baselineMm());
        }
    }

    @Test
    void theLiteraturePresetIsUnchangedToTheByte(@TempDir Path dir) throws Exception {
        // the tables of seed 42 (240 patients) as the simulator wrote them before the paper preset existed
        SimulationConfig c = SimulationConfig.preset(SimulationConfig.Preset.LITERATURE);
        Patient[] ps = CohortDraw.draw(c, LatentModel.calibrate(c));
        assertThat(sha256(CohortTables.manifest(ps)))
                .isEqualTo("64237ce2a6d9278b48a74aa160c902e3552704a21ee0d894932a76f549263b6c");
        assertThat(sha256(CohortTables.truth(ps)))
                .isEqualTo("b07bca440e8d76fb8145757e10925e78287fd1b08beea44dd264902ae31c1cd9");
        assertThat(sha256(CohortTables.cycles(ps)))
                .isEqualTo("1393fb528257dbf821e59d472c4846321f1a1b96825bdf3210d52588ba467905");
        assertThat(Files.exists(dir)).isTrue();
    }

    @Test
    void presetsAreChosenByName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sim.yaml");
        Files.writeString(f, "preset: literature\npatients: 12\n");
        SimulationConfig c = SimulationConfig.defaults().withYaml(f);
        assertThat(c.preset()).isEqualTo(SimulationConfig.Preset.LITERATURE);
        assertThat(c.counts()).isNull();
        assertThat(c.patients()).isEqualTo(12);
        Files.writeString(f, "counts: {resistant_rate: 0.3, training_resistant_rate: null}\n"
                + "markers: {ki67_heterogeneity: 0.2, her2_er_positive_ki67_high: 0.5}\n");
        SimulationConfig d = SimulationConfig.defaults().withYaml(f);
        assertThat(d.counts().resistantRate()).isEqualTo(0.3);
        assertThat(d.counts().trainingResistantRate()).isNull();
        assertThat(d.markers().ki67Heterogeneity()).isEqualTo(0.2);
        assertThat(d.markers().her2ErPositiveKi67High()).isEqualTo(0.5);
        Files.writeString(f, "preset: published\n");
        assertThatThrownBy(() -> SimulationConfig.defaults().withYaml(f))
                .hasMessage(f + ": unknown preset 'published' (known: paper, literature)");
        Files.writeString(f, "markers: {her2: 0.5}\n");
        assertThatThrownBy(() -> SimulationConfig.defaults().withYaml(f))
                .hasMessage(f + ": unknown setting 'markers.her2'");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
