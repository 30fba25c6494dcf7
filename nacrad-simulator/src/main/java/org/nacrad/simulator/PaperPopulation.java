package org.nacrad.simulator;

import java.util.List;

/**
 * The patients of the {@link SimulationConfig.Preset#PAPER paper} preset before their outcome: tissue and tumour
 * size (what the images are drawn from) and the clinical record, each from its own random stream, so that tuning the
 * clinical part or the outcome model never changes an image.
 *
 * <p>Differences from the literature preset (docs/simulator.md, "The paper preset"): normal fibroglandular
 * diffusivity varies more between women (SD 0.30·10⁻³ instead of 0.20·10⁻³ mm²/s) and tumour diffusivity a little
 * less (0.15·10⁻³ instead of 0.18·10⁻³), so that rMD is not a second copy of the tumour's ADC; HER-2 positivity
 * depends on ER and Ki-67 ({@link SimulationConfig.Markers}).
 */
final class PaperPopulation {

    /** Stream numbers (beside the phantom's 2i + 1 and 10⁹ + i): clinical record, response, whole cohort. */
    static final long CLINICAL_STREAM = 4_000_000_000L;
    static final long RESPONSE_STREAM = 5_000_000_000L;
    static final long COHORT_STREAM = 6_000_000_000L;

    private PaperPopulation() {
    }

    /**
     * P(ER+) of a tumour with heterogeneity score {@code het}: {@code logistic(a + b·het)} with {@code b} =
     * {@link SimulationConfig.Markers#erHeterogeneity()} and {@code a} solved (bisection) so that the population
     * mean over het ~ N(0, 1) — a fixed 401-point grid over ±8 SD, normal weights — is
     * {@link SimulationConfig.Markers#erPositive()}. StrictMath only: the same on every machine.
     */
    static double erProbability(SimulationConfig.Markers m, double het) {
        double b = m.erHeterogeneity();
        if (b == 0) {
            return m.erPositive();
        }
        double a = ER_INTERCEPTS.computeIfAbsent(List.of(m.erPositive(), b), k -> erIntercept(m.erPositive(), b));
        return 1 / (1 + StrictMath.exp(-(a + b * het)));
    }

    private static final java.util.Map<List<Double>, Double> ER_INTERCEPTS = new java.util.concurrent.ConcurrentHashMap<>();

    static double erIntercept(double p, double b) {
        double lo = -30;
        double hi = 30;
        for (int it = 0; it < 200; it++) {
            double a = (lo + hi) / 2;
            double num = 0;
            double den = 0;
            for (int k = -200; k <= 200; k++) {
                double z = k / 25.0;
                double w = StrictMath.exp(-z * z / 2);
                num += w / (1 + StrictMath.exp(-(a + b * z)));
                den += w;
            }
            if (num / den < p) {
                lo = a;
            } else {
                hi = a;
            }
        }
        return (lo + hi) / 2;
    }

    /** Draws patient {@code index}'s predictors for cohort seed {@code seed}. */
    static PatientGenerator.Predictors draw(long seed, int index, SimulationConfig.Markers m, double[] bValues) {
        Rng t = new Rng(seed, 2L * index);
        double tD = t.truncatedNormal(1.05e-3, 0.15e-3, 0.6e-3, 1.6e-3);
        double tK = t.truncatedNormal(0.95, 0.15, 0.5, 1.5);
        double nD = t.truncatedNormal(1.85e-3, 0.30e-3, 1.1e-3, 2.6e-3);
        double nK = t.truncatedNormal(0.55, 0.08, 0.35, 0.8);
        double het = t.normal();
        double nec = t.normal();
        double margin = t.normal();
        double baseline = StrictMath.rint(t.truncatedNormal(30, 7, 16, 46) * 10) / 10;
        double adc = PatientGenerator.noiseFreeAdc(tD, tK, bValues);

        Rng c = new Rng(seed, CLINICAL_STREAM + index);
        int age = (int) StrictMath.round(c.truncatedNormal(50, 10, 25, 80));
        boolean er = c.uniform() < erProbability(m, het);
        boolean erLow = c.bernoulli(0.1);
        double erU = c.uniform();
        double erPct = !er ? 0 : erLow ? StrictMath.rint(1 + 9 * erU) : StrictMath.rint(10 + 85 * erU);
        boolean pr = c.bernoulli(er ? m.prIfErPositive() : m.prIfErNegative());
        double prU = c.uniform();
        double prPct = pr ? StrictMath.rint(1 + 89 * prU) : 0;
        double rho = m.ki67Heterogeneity();
        double kiScore = rho * het + StrictMath.sqrt(1 - rho * rho) * c.normal();
        double ki67 = StrictMath.rint(Math.min(95, Math.max(1, m.ki67Median() * StrictMath.exp(0.6 * kiScore))));
        boolean kiHigh = ki67 >= 20;
        boolean her2 = c.bernoulli(er ? (kiHigh ? m.her2ErPositiveKi67High() : m.her2ErPositiveKi67Low())
                : (kiHigh ? m.her2ErNegativeKi67High() : m.her2ErNegativeKi67Low()));
        double u = c.uniform();
        int ihc;
        String ish;
        if (her2) {
            // IHC 3+, or 2+ with ISH amplification (ASCO/CAP 2018)
            ihc = u < 0.75 ? 3 : 2;
            ish = ihc == 2 ? "amplified" : "";
        } else {
            ihc = u < 0.38 ? 0 : u < 0.74 ? 1 : 2;
            ish = ihc == 2 ? "not amplified" : "";
        }
        List<Patient.Cycle> cycles = PatientGenerator.drawCycles(c);
        double rdi = PatientGenerator.regimenRdi(cycles);
        return new PatientGenerator.Predictors(age, erPct, prPct, ihc, ish, ki67, cycles, rdi,
                new Patient.Tissue(tD, tK, nD, nK, adc, het, nec, margin), baseline);
    }
}
