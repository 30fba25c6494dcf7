package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nacrad.clinical.Receptors;
import org.nacrad.simulator.Patient;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;

/**
 * The default cohort (the simulator's paper preset, seed 42) has the published study's counts and Table 1: drawn
 * without images, its clinical table is compared as the study's Table 1 compares it (whole cohort, χ² with
 * continuity correction or Fisher's exact test) and split as the study splits it.
 */
class PaperPresetTest {

    static final List<Patient> COHORT = new Simulator(SimulationConfig.defaults()).patients();

    @Test
    void theDefaultCohortHasThePublishedCounts() {
        List<String> ids = new ArrayList<>();
        List<java.time.LocalDate> dates = new ArrayList<>();
        for (Patient p : COHORT) {
            ids.add(p.id());
            dates.add(p.admission());
        }
        boolean[] train = Split.chronological(ids, dates, StudyConfig.defaults().split().trainFraction());
        int[] n = new int[2];
        int[] k = new int[2];
        for (int i = 0; i < COHORT.size(); i++) {
            int s = train[i] ? 0 : 1;
            n[s]++;
            k[s] += COHORT.get(i).truth().resistant() ? 1 : 0;
        }
        assertThat(n).containsExactly(160, 80);
        assertThat(k).containsExactly(40, 18);
    }

    @Test
    void resistantTumoursAreMoreOftenErPrHer2PositiveAndKi67HighWithPBelow005() {
        for (String marker : List.of("er_positive", "pr_positive", "her2_positive", "ki67_high")) {
            List<Double> res = new ArrayList<>();
            List<Double> sen = new ArrayList<>();
            for (Patient p : COHORT) {
                (p.truth().resistant() ? res : sen).add(positive(p, marker) ? 1.0 : 0.0);
            }
            double[] a = res.stream().mapToDouble(Double::doubleValue).toArray();
            double[] b = sen.stream().mapToDouble(Double::doubleValue).toArray();
            Table1.Row row = Table1.row(marker, Table1.ALL, a, b);
            double rateResistant = res.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double rateSensitive = sen.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(rateResistant).as(marker).isGreaterThan(rateSensitive);
            assertThat(row.p()).as(marker + " " + row.test()).isLessThan(0.05);
        }
    }

    /** The markers as nacrad clinical derives them from the manifest's raw pathology. */
    static boolean positive(Patient p, String marker) {
        Receptors r = Receptors.of(p.erPct(), p.prPct(), p.her2Ihc(), Receptors.Ish.parse(p.her2Ish()), p.ki67Pct(),
                Receptors.DEFAULT_KI67_THRESHOLD);
        return switch (marker) {
            case "er_positive" -> r.erPositive();
            case "pr_positive" -> r.prPositive();
            case "her2_positive" -> r.her2Positive();
            case "ki67_high" -> r.ki67High();
            default -> throw new IllegalArgumentException(marker);
        };
    }

}
