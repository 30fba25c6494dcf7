package org.nacrad.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.nacrad.clinical.DoseIntensity;
import org.nacrad.clinical.Rcb;
import org.nacrad.clinical.Rcb.RcbClass;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.diffusion.AdcFit;
import org.nacrad.diffusion.SignalModels;

/**
 * Draws patients: clinical record, latent tissue properties, the outcome from the latent model, and the
 * post-treatment response and pathology consistent with that outcome under the default label rule. Every number
 * and its literature basis is listed in {@code docs/simulator.md}.
 */
final class PatientGenerator {

    static final LocalDate FIRST_ADMISSION = LocalDate.of(2021, 1, 1);
    static final LocalDate LAST_ADMISSION = LocalDate.of(2024, 12, 31);
    /** Epirubicin 90 mg/m² then docetaxel 100 mg/m², four 21-day cycles each (EC→T style sequence). */
    static final String[] DRUGS = {"epirubicin", "docetaxel"};
    static final double[] DOSE = {90, 100};
    static final int CYCLES = 4;
    static final int CYCLE_DAYS = 21;

    private final SimulationConfig config;
    private final LatentModel model;

    PatientGenerator(SimulationConfig config, LatentModel model) {
        this.config = config;
        this.model = model;
    }

    /** The predictors of the latent model, drawn before the outcome. */
    record Predictors(int age, double erPct, double prPct, int her2Ihc, String her2Ish, double ki67Pct,
                      List<Patient.Cycle> cycles, double rdi, Patient.Tissue tissue, double baselineMm) {
        boolean erPositive() {
            return erPct >= 1;
        }

        boolean ki67High() {
            return ki67Pct >= 20;
        }
    }

    /** Draws the pre-treatment predictors from a stream. */
    static Predictors drawPredictors(Rng r, double[] bValues) {
        int age = (int) StrictMath.round(r.truncatedNormal(50, 10, 25, 80));
        // ER positive in about 60 % of NAC cohorts; Allred-style percentages
        boolean er = r.bernoulli(0.62);
        double erPct = er ? (r.bernoulli(0.1) ? StrictMath.rint(r.uniform(1, 10)) : StrictMath.rint(r.uniform(10, 95))) : 0;
        boolean pr = er ? r.bernoulli(0.75) : r.bernoulli(0.08);
        double prPct = pr ? StrictMath.rint(r.uniform(1, 90)) : 0;
        double u = r.uniform();
        int ihc = u < 0.30 ? 0 : u < 0.58 ? 1 : u < 0.80 ? 2 : 3;
        String ish = ihc == 2 ? (r.bernoulli(0.35) ? "amplified" : "not amplified") : "";
        double ki67 = StrictMath.rint(Math.min(95, Math.max(1, 25 * StrictMath.exp(0.6 * r.normal()))));
        List<Patient.Cycle> cycles = drawCycles(r);
        double rdi = regimenRdi(cycles);
        double tD = r.truncatedNormal(1.05e-3, 0.18e-3, 0.6e-3, 1.6e-3);
        double tK = r.truncatedNormal(0.95, 0.15, 0.5, 1.5);
        double nD = r.truncatedNormal(1.85e-3, 0.20e-3, 1.4e-3, 2.4e-3);
        double nK = r.truncatedNormal(0.55, 0.08, 0.35, 0.8);
        double adc = noiseFreeAdc(tD, tK, bValues);
        double het = r.normal();
        double nec = r.normal();
        double margin = r.normal();
        double baseline = StrictMath.rint(r.truncatedNormal(30, 7, 16, 46) * 10) / 10;
        return new Predictors(age, erPct, prPct, ihc, ish, ki67, cycles, rdi,
                new Patient.Tissue(tD, tK, nD, nK, adc, het, nec, margin), baseline);
    }

    /** The necrotic volume fraction of a standardised necrosis score: none below 0, up to 30 %. */
    static double necrosisFraction(double z) {
        return z <= 0 ? 0 : 0.3 * (1 - StrictMath.exp(-z));
    }

    /** ADC of a noise-free kurtosis signal fitted over b ≤ 1000. */
    static double noiseFreeAdc(double d, double k, double[] bValues) {
        int n = 0;
        for (double b : bValues) {
            if (b <= 1000) {
                n++;
            }
        }
        double[] b = new double[n];
        double[] s = new double[n];
        for (int i = 0, j = 0; i < bValues.length; i++) {
            if (bValues[i] <= 1000) {
                b[j] = bValues[i];
                s[j++] = SignalModels.kurtosis(1000, d, k, bValues[i]);
            }
        }
        return AdcFit.logLinear(b, s).adc();
    }

    /**
     * Cycles with delays, dose reductions and omissions. A patient-level tolerance score scales the chance of
     * each, so relative dose intensity spreads as in practice (median ≈ 0.93, a tail below 0.85).
     */
    static List<Patient.Cycle> drawCycles(Rng r) {
        double frailty = StrictMath.exp(0.9 * r.normal());
        List<Patient.Cycle> out = new ArrayList<>();
        int shift = 0;
        for (int d = 0; d < DRUGS.length; d++) {
            double factor = 1;
            for (int c = 0; c < CYCLES; c++) {
                int planned = (d * CYCLES + c) * CYCLE_DAYS;
                if (c > 0 && r.bernoulli(Math.min(0.9, 0.12 * frailty))) {
                    shift += 3 + r.nextInt(12);
                }
                if (c > 0 && r.bernoulli(Math.min(0.5, 0.05 * frailty))) {
                    factor *= 0.8;
                }
                boolean omitted = c == CYCLES - 1 && r.bernoulli(Math.min(0.3, 0.015 * frailty));
                double delivered = omitted ? 0 : StrictMath.rint(DOSE[d] * factor * 10) / 10;
                out.add(new Patient.Cycle(DRUGS[d], c + 1, DOSE[d], delivered, planned, planned + shift));
            }
        }
        return out;
    }

    /** Per-drug totals: planned dose, delivered dose, planned days, actual days. */
    static double[][] totals(List<Patient.Cycle> cycles) {
        double[][] t = new double[DRUGS.length][4];
        for (int d = 0; d < DRUGS.length; d++) {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            int firstPlanned = Integer.MAX_VALUE;
            int lastPlanned = Integer.MIN_VALUE;
            for (Patient.Cycle c : cycles) {
                if (!c.drug().equals(DRUGS[d])) {
                    continue;
                }
                t[d][0] += c.plannedDose();
                t[d][1] += c.deliveredDose();
                firstPlanned = Math.min(firstPlanned, c.plannedDay());
                lastPlanned = Math.max(lastPlanned, c.plannedDay());
                if (c.deliveredDose() > 0) {
                    first = Math.min(first, c.actualDay());
                    last = Math.max(last, c.actualDay());
                }
            }
            t[d][2] = lastPlanned - firstPlanned + CYCLE_DAYS;
            t[d][3] = last - first + CYCLE_DAYS;
        }
        return t;
    }

    static double regimenRdi(List<Patient.Cycle> cycles) {
        double[][] t = totals(cycles);
        List<DoseIntensity.Course> courses = new ArrayList<>();
        for (int d = 0; d < DRUGS.length; d++) {
            courses.add(new DoseIntensity.Course(DRUGS[d], t[d][0], t[d][1], t[d][2], t[d][3]));
        }
        return DoseIntensity.regimen(courses);
    }

    /** Draws patient {@code index} of the cohort. */
    Patient generate(int index) {
        Rng r = new Rng(config.seed(), 2L * index);
        long span = LAST_ADMISSION.toEpochDay() - FIRST_ADMISSION.toEpochDay() + 1;
        LocalDate admission = FIRST_ADMISSION.plusDays(r.nextInt((int) span));
        Predictors p = drawPredictors(r, config.bValues());
        double clin = model.clinicalPart(p);
        double img = model.imagingPart(p);
        double eta = model.intercept() + clin + img;
        double prob = 1 / (1 + StrictMath.exp(-eta));
        boolean resistant = r.uniform() < prob;
        double[] response = drawResponse(r, resistant, p.baselineMm());
        double post = response[0];
        RcbClass cls = RcbClass.values()[(int) response[1]];
        Patient.RcbInputs rcb = drawPathology(r, cls, post);
        return new Patient(index, String.format("NAC%04d", index + 1), admission, p.age(), p.erPct(), p.prPct(),
                p.her2Ihc(), p.her2Ish(), p.ki67Pct(), p.cycles(), p.baselineMm(), post, rcb, p.tissue(),
                new Patient.Truth(p.rdi(), eta, clin, img, prob, resistant));
    }

    /**
     * Post-treatment diameter and RCB class consistent with the outcome under the default rule (resistant ⇔ RCB-II/III
     * and shrinkage &lt; 30 %). Resistant: RCB-II (60 %) or III, shrinkage −15 % to 27 %. Sensitive: pCR (40 %;
     * shrinkage 60–100 %), RCB-I (35 %; 5–90 %) or RCB-II with shrinkage ≥ 31 %.
     *
     * @return {post diameter, RCB class ordinal}
     */
    static double[] drawResponse(Rng r, boolean resistant, double baseline) {
        ResistanceRule rule = ResistanceRule.defaultRule();
        for (int attempt = 0; attempt < 1000; attempt++) {
            RcbClass cls;
            double shrink;
            if (resistant) {
                cls = r.bernoulli(0.6) ? RcbClass.RCB_II : RcbClass.RCB_III;
                shrink = r.uniform(-0.15, 0.27);
            } else {
                double u = r.uniform();
                if (u < 0.40) {
                    cls = RcbClass.RCB_0;
                    shrink = r.uniform(0.6, 1.0);
                } else if (u < 0.75) {
                    cls = RcbClass.RCB_I;
                    shrink = r.uniform(0.05, 0.9);
                } else {
                    cls = RcbClass.RCB_II;
                    shrink = r.uniform(0.31, 0.7);
                }
            }
            double post = shrink > 0.95 ? 0 : StrictMath.rint(baseline * (1 - shrink) * 10) / 10;
            if (rule.resistant(cls, baseline, post) == resistant) {
                return new double[] {post, cls.ordinal()};
            }
        }
        throw new IllegalStateException("could not draw a response consistent with the outcome");
    }

    /** RCB inputs whose index falls in the given class (rejection sampling). */
    static Patient.RcbInputs drawPathology(Rng r, RcbClass cls, double post) {
        if (cls == RcbClass.RCB_0) {
            double d1 = StrictMath.rint(r.uniform(5, 25) * 10) / 10;
            double d2 = StrictMath.rint(d1 * r.uniform(0.5, 1) * 10) / 10;
            boolean dcis = r.bernoulli(0.3);
            return new Patient.RcbInputs(d1, d2, dcis ? StrictMath.rint(r.uniform(5, 30)) : 0, dcis ? 100 : 0, 0, 0);
        }
        for (int attempt = 0; attempt < 100_000; attempt++) {
            double d1 = StrictMath.rint(Math.max(post, 5) * r.uniform(0.8, 1.4) * 10) / 10;
            double d2 = StrictMath.rint(d1 * r.uniform(0.5, 1) * 10) / 10;
            double ca = StrictMath.rint(r.uniform(cls == RcbClass.RCB_I ? 1 : 5, 90));
            double cis = StrictMath.rint(r.uniform(0, 50));
            int nodes = r.bernoulli(cls == RcbClass.RCB_III ? 0.8 : 0.4) ? 1 + r.nextInt(cls == RcbClass.RCB_III ? 10 : 4) : 0;
            double met = nodes > 0 ? StrictMath.rint(r.uniform(1, cls == RcbClass.RCB_I ? 4 : 20) * 10) / 10 : 0;
            Rcb rcb = Rcb.of(new Rcb.Inputs(d1, d2, ca, cis, nodes, met));
            if (rcb.rcbClass() == cls) {
                return new Patient.RcbInputs(d1, d2, ca, cis, nodes, met);
            }
        }
        throw new IllegalStateException("could not draw pathology for " + cls);
    }
}
