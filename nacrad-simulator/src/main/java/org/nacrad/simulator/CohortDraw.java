package org.nacrad.simulator;

import java.time.LocalDate;
import java.util.Arrays;

import org.nacrad.clinical.Rcb.RcbClass;

/**
 * Draws a whole cohort: every patient's predictors, then the outcomes — freely, patient by patient, or conditioned
 * on exact counts — then admission dates and the response and pathology consistent with each outcome.
 *
 * <p><b>Exact counts</b> ({@link SimulationConfig.Counts}). The published cohort has 58 resistant patients of 240
 * and 40 of the first 160 by admission date. Drawing outcomes freely gives 58 in only about one cohort in
 * fifteen, so the draw is <em>conditioned</em> on the counts instead of forcing them:
 * <ol>
 *   <li>the outcomes are drawn from the latent probabilities until exactly K are resistant (rejection sampling of
 *       the whole vector: the accepted outcomes follow the latent model conditioned on their sum, each patient's
 *       probability is unchanged);</li>
 *   <li>admission dates are drawn after the outcomes: n dates uniform over the admission window are sorted, the
 *       first nT go to a training set chosen uniformly among those with exactly K_T resistant patients, in random
 *       order, the later ones to the others (redrawn in the rare case that the nT-th and (nT+1)-th dates fall on
 *       the same day, where the study's tie-break by id would decide). Because dates are independent of
 *       everything else, this is exactly their distribution conditioned on K_T resistant patients in the
 *       chronological training set, and it leaves the outcomes' distribution as in step 1.</li>
 * </ol>
 * Images never depend on outcomes or dates, so conditioning changes no image.
 */
final class CohortDraw {

    /** Attempts of the rejection step before giving up (the expected number is about √(2π Σ p(1−p)) ≈ 15). */
    static final int MAX_ATTEMPTS = 100_000;

    private CohortDraw() {
    }

    /** The patients of a configuration, in index order. */
    static Patient[] draw(SimulationConfig c, LatentModel model) {
        int n = c.patients();
        SimulationConfig.Counts counts = applied(c);
        Patient[] out = new Patient[n];
        if (c.preset() == SimulationConfig.Preset.LITERATURE && counts == null) {
            PatientGenerator g = new PatientGenerator(c, model);
            for (int i = 0; i < n; i++) {
                out[i] = g.generate(i);
            }
            return out;
        }
        PatientGenerator.Predictors[] pred = new PatientGenerator.Predictors[n];
        double[] clin = new double[n];
        double[] img = new double[n];
        double[] prob = new double[n];
        Rng[] response = new Rng[n];
        for (int i = 0; i < n; i++) {
            pred[i] = predictors(c, i);
            clin[i] = model.clinicalPart(pred[i]);
            img[i] = model.imagingPart(pred[i]);
            prob[i] = 1 / (1 + StrictMath.exp(-(model.intercept() + clin[i] + img[i])));
            response[i] = new Rng(c.seed(), PaperPopulation.RESPONSE_STREAM + i);
        }
        Rng cohort = new Rng(c.seed(), PaperPopulation.COHORT_STREAM);
        boolean[] y = new boolean[n];
        if (counts == null) {
            for (int i = 0; i < n; i++) {
                y[i] = response[i].uniform() < prob[i];
            }
        } else {
            y = withTotal(prob, counts.resistant(n), cohort);
        }
        LocalDate[] admission = admissions(y, counts == null ? -1 : counts.training(n),
                counts == null ? -1 : counts.trainingResistant(n), cohort);
        for (int i = 0; i < n; i++) {
            PatientGenerator.Predictors p = pred[i];
            double[] r = PatientGenerator.drawResponse(response[i], y[i], p.baselineMm());
            RcbClass cls = RcbClass.values()[(int) r[1]];
            Patient.RcbInputs rcb = PatientGenerator.drawPathology(response[i], cls, r[0]);
            double eta = model.intercept() + clin[i] + img[i];
            out[i] = new Patient(i, String.format("NAC%04d", i + 1), admission[i], p.age(), p.erPct(), p.prPct(),
                    p.her2Ihc(), p.her2Ish(), p.ki67Pct(), p.cycles(), p.baselineMm(), r[0], rcb, p.tissue(),
                    new Patient.Truth(p.rdi(), eta, clin[i], img[i], prob[i], y[i]));
        }
        return out;
    }

    /** The exact counts the draw is conditioned on: the configuration's, or null when none or too few patients. */
    static SimulationConfig.Counts applied(SimulationConfig c) {
        return c.counts() != null && c.counts().applicable(c.patients()) ? c.counts() : null;
    }

    /** Patient {@code i}'s predictors under the configuration's preset. */
    static PatientGenerator.Predictors predictors(SimulationConfig c, int i) {
        if (c.preset() == SimulationConfig.Preset.PAPER) {
            return PaperPopulation.draw(c.seed(), i, c.markers(), c.bValues());
        }
        // the literature preset's stream, with its admission-date draw skipped: the same tissue as a free draw
        Rng r = new Rng(c.seed(), 2L * i);
        r.nextInt((int) (PatientGenerator.LAST_ADMISSION.toEpochDay() - PatientGenerator.FIRST_ADMISSION.toEpochDay() + 1));
        return PatientGenerator.drawPredictors(r, c.bValues());
    }

    /** Outcomes with the latent probabilities conditioned on exactly {@code k} resistant (rejection sampling). */
    static boolean[] withTotal(double[] prob, int k, Rng r) {
        int n = prob.length;
        boolean[] y = new boolean[n];
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                y[i] = r.uniform() < prob[i];
                count += y[i] ? 1 : 0;
            }
            if (count == k) {
                return y;
            }
        }
        double expected = Arrays.stream(prob).sum();
        throw new IllegalStateException(String.format(java.util.Locale.ROOT, "cannot draw exactly %d resistant "
                + "patients of %d: the latent model expects %.1f; set prevalence near counts.resistant_rate", k, n,
                expected));
    }

    /**
     * Admission dates: sorted uniform dates over the window, the first {@code nTrain} given to a training set with
     * exactly {@code kTrain} resistant patients ({@code kTrain} &lt; 0: every assignment alike).
     */
    static LocalDate[] admissions(boolean[] y, int nTrain, int kTrain, Rng r) {
        int n = y.length;
        int span = (int) (PatientGenerator.LAST_ADMISSION.toEpochDay() - PatientGenerator.FIRST_ADMISSION.toEpochDay() + 1);
        int[] day = new int[n];
        for (int attempt = 0;; attempt++) {
            for (int i = 0; i < n; i++) {
                day[i] = r.nextInt(span);
            }
            Arrays.sort(day);
            if (kTrain < 0 || nTrain <= 0 || nTrain >= n || day[nTrain - 1] < day[nTrain]) {
                break;
            }
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("cannot separate " + nTrain + " admissions from " + (n - nTrain)
                        + " by date within " + span + " days");
            }
        }
        int[] order = new int[n];
        if (kTrain < 0) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            shuffle(order, n, r);
        } else {
            int[] res = indices(y, true);
            int[] sen = indices(y, false);
            // partial Fisher–Yates: the first kTrain resistant and nTrain − kTrain sensitive patients train
            shuffle(res, kTrain, r);
            shuffle(sen, nTrain - kTrain, r);
            int[] train = new int[nTrain];
            System.arraycopy(res, 0, train, 0, kTrain);
            System.arraycopy(sen, 0, train, kTrain, nTrain - kTrain);
            int[] rest = new int[n - nTrain];
            System.arraycopy(res, kTrain, rest, 0, res.length - kTrain);
            System.arraycopy(sen, nTrain - kTrain, rest, res.length - kTrain, sen.length - (nTrain - kTrain));
            shuffle(train, train.length, r);
            shuffle(rest, rest.length, r);
            System.arraycopy(train, 0, order, 0, nTrain);
            System.arraycopy(rest, 0, order, nTrain, rest.length);
        }
        LocalDate[] out = new LocalDate[n];
        for (int rank = 0; rank < n; rank++) {
            out[order[rank]] = PatientGenerator.FIRST_ADMISSION.plusDays(day[rank]);
        }
        return out;
    }

    private static int[] indices(boolean[] y, boolean value) {
        int count = 0;
        for (boolean v : y) {
            count += v == value ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (y[i] == value) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Puts a uniformly chosen ordered sample of {@code k} elements first (partial Fisher–Yates). */
    private static void shuffle(int[] a, int k, Rng r) {
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
