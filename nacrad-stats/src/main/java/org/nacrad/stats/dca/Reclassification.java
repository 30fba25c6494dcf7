package org.nacrad.stats.dca;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Net reclassification improvement and integrated discrimination improvement of a new model's risks p₂ over an old
 * model's p₁ (Pencina et al., Stat Med 27:157–172, 2008; 30:11–21, 2011), as {@code Hmisc::improveProb} and
 * {@code PredictABEL::reclassification} compute them.
 *
 * <ul>
 *   <li>NRI = [P(up | event) − P(down | event)] + [P(down | non-event) − P(up | non-event)], "up" meaning p₂ &gt; p₁
 *       (continuous, category-free NRI) or a higher risk category (categorical NRI, categories [0, c₁), [c₁, c₂), …,
 *       [c_k, 1] as PredictABEL cuts them). Its SE is √(v_ev + v_ne) with v = (up + down)/n² − (up − down)²/n³ per
 *       class (McNemar-type, as improveProb).</li>
 *   <li>IDI = mean(p₂ − p₁ | event) − mean(p₂ − p₁ | non-event), SE = √(var_ev/n_ev + var_ne/n_ne) of the
 *       differences.</li>
 *   <li>z = estimate/SE, two-sided P = 2Φ(−|z|).</li>
 * </ul>
 * Worked example (also a unit test): events p₁ = {0.2, 0.5}, p₂ = {0.4, 0.3}; non-events p₁ = {0.3, 0.6},
 * p₂ = {0.1, 0.5}: events one up one down (0), non-events two down (+1): NRI = 1; IDI = 0 − (−0.15) = 0.15.
 */
public final class Reclassification {

    private Reclassification() {
    }

    /** An improvement measure with its SE, z and two-sided P; the NRI also reports its two components. */
    public record Improvement(double estimate, double se, double z, double p, double events, double nonEvents) {
    }

    /** Category-free NRI (components: events, non-events). */
    public static Improvement continuousNri(double[] y, double[] p1, double[] p2) {
        check(y, p1, p2);
        return nri(y, p1, p2);
    }

    /** Categorical NRI with the category cut-offs {@code cuts} (strictly inside (0, 1), ascending). */
    public static Improvement categoricalNri(double[] y, double[] p1, double[] p2, double[] cuts) {
        check(y, p1, p2);
        for (int i = 0; i < cuts.length; i++) {
            if (!(cuts[i] > 0 && cuts[i] < 1) || i > 0 && !(cuts[i] > cuts[i - 1])) {
                throw new IllegalArgumentException("NRI: risk cut-offs must be ascending and inside (0, 1), got "
                        + Arrays.toString(cuts));
            }
        }
        return nri(y, category(p1, cuts), category(p2, cuts));
    }

    /** IDI (components: improvement in mean risk among events, decrease among non-events). */
    public static Improvement idi(double[] y, double[] p1, double[] p2) {
        check(y, p1, p2);
        int ne = 0;
        int nn = 0;
        double se = 0;
        double sn = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1.0) {
                ne++;
                se += p2[i] - p1[i];
            } else {
                nn++;
                sn += p2[i] - p1[i];
            }
        }
        double me = se / ne;
        double mn = sn / nn;
        double ve = 0;
        double vn = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p2[i] - p1[i];
            if (y[i] == 1.0) {
                ve += (d - me) * (d - me);
            } else {
                vn += (d - mn) * (d - mn);
            }
        }
        if (ne < 2 || nn < 2) {
            throw new IllegalArgumentException("IDI: needs at least 2 events and 2 non-events, got " + ne + " and "
                    + nn);
        }
        double idi = me - mn;
        double sd = Math.sqrt(ve / (ne - 1) / ne + vn / (nn - 1) / nn);
        return result(idi, sd, me, -mn);
    }

    private static Improvement nri(double[] y, double[] a, double[] b) {
        double upE = 0, downE = 0, upN = 0, downN = 0, ne = 0, nn = 0;
        for (int i = 0; i < y.length; i++) {
            double d = b[i] - a[i];
            if (y[i] == 1.0) {
                ne++;
                upE += d > 0 ? 1 : 0;
                downE += d < 0 ? 1 : 0;
            } else {
                nn++;
                upN += d > 0 ? 1 : 0;
                downN += d < 0 ? 1 : 0;
            }
        }
        double nriE = upE / ne - downE / ne;
        double nriN = downN / nn - upN / nn;
        double vE = (upE + downE) / (ne * ne) - (upE - downE) * (upE - downE) / (ne * ne * ne);
        double vN = (downN + upN) / (nn * nn) - (downN - upN) * (downN - upN) / (nn * nn * nn);
        double nri = upE / ne - downE / ne - (upN / nn - downN / nn);
        return result(nri, Math.sqrt(vE + vN), nriE, nriN);
    }

    private static Improvement result(double est, double se, double a, double b) {
        if (!(se > 0)) {
            throw new IllegalArgumentException("reclassification: the standard error is 0 (no case changes risk "
                    + "between the models), so z and P are undefined; estimate " + est);
        }
        double z = est / se;
        return new Improvement(est, se, z, 2 * NormalDistribution.of(0, 1).cumulativeProbability(-Math.abs(z)), a, b);
    }

    private static double[] category(double[] p, double[] cuts) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            int k = 0;
            while (k < cuts.length && p[i] >= cuts[k]) {
                k++;
            }
            c[i] = k;
        }
        return c;
    }

    private static void check(double[] y, double[] p1, double[] p2) {
        int events = Risks.check(y, p1, "reclassification, old model");
        Risks.check(y, p2, "reclassification, new model");
        if (events == 0 || events == y.length) {
            throw new IllegalArgumentException("reclassification: needs both outcomes, but all " + y.length
                    + " cases are " + (events == 0 ? "0" : "1"));
        }
    }
}
