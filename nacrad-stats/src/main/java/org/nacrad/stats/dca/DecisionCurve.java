package org.nacrad.stats.dca;

/**
 * Decision curve analysis (Vickers &amp; Elkin, Med Decis Making 26:565–574, 2006), net benefit as the R packages
 * {@code dcurves} and {@code rmda} define it: at threshold probability p_t a case is treated when its predicted risk
 * is ≥ p_t, and NB(p_t) = TP/n − FP/n · p_t/(1 − p_t). Treat-all: TP = events, FP = non-events, i.e.
 * prevalence − (1 − prevalence)·p_t/(1 − p_t); treat-none: 0.
 *
 * <p>Worked example (also a unit test): y = {1, 1, 0, 0}, risk = {0.9, 0.4, 0.6, 0.1}, p_t = 0.5: treated are the
 * first and third cases, TP = 1, FP = 1, NB = 1/4 − 1/4 · 1 = 0; treat-all = 1/2 − 1/2 · 1 = 0.
 */
public final class DecisionCurve {

    private DecisionCurve() {
    }

    /**
     * Net benefit over a threshold grid.
     *
     * @param thresholds the threshold probabilities
     * @param model      net benefit of treating by the model's risk
     * @param treatAll   net benefit of treating everyone
     * @param treatNone  net benefit of treating no one (0)
     */
    public record Curve(double[] thresholds, double[] model, double[] treatAll, double[] treatNone) {
        public Curve {
            thresholds = thresholds.clone();
            model = model.clone();
            treatAll = treatAll.clone();
            treatNone = treatNone.clone();
        }

        @Override
        public double[] thresholds() {
            return thresholds.clone();
        }

        @Override
        public double[] model() {
            return model.clone();
        }

        @Override
        public double[] treatAll() {
            return treatAll.clone();
        }

        @Override
        public double[] treatNone() {
            return treatNone.clone();
        }
    }

    /** The most points a threshold grid may have (a step of 1e-5 over [0, 1]). */
    public static final int MAX_GRID_POINTS = 100_001;

    /**
     * The grid from, from + step, … up to {@code to} (inclusive within 1e-10·step), as R's {@code seq(from, to, by)};
     * at most {@link #MAX_GRID_POINTS} points.
     */
    public static double[] grid(double from, double to, double step) {
        if (!(step > 0) || !(to >= from) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("threshold grid: need step > 0 and to >= from, got " + from + ":" + to
                    + ":" + step);
        }
        double points = Math.floor((to - from) / step + 1e-10) + 1;
        if (points > MAX_GRID_POINTS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "threshold grid: %s:%s:%s gives "
                    + "%.4g thresholds, more than the %d allowed: use a larger STEP", from, to, step, points,
                    MAX_GRID_POINTS));
        }
        int n = (int) points - 1;
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }

    /** Net benefit of the risks {@code p} (in [0, 1]) for the 0/1 outcomes {@code y}, thresholds in [0, 1). */
    public static Curve compute(double[] y, double[] p, double[] thresholds) {
        int events = Risks.check(y, p, "decision curve");
        int n = y.length;
        double prevalence = (double) events / n;
        double[] model = new double[thresholds.length];
        double[] all = new double[thresholds.length];
        for (int t = 0; t < thresholds.length; t++) {
            double pt = thresholds[t];
            if (!(pt >= 0 && pt < 1)) {
                throw new IllegalArgumentException("decision curve: threshold probabilities must be in [0, 1), got "
                        + pt);
            }
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < n; i++) {
                if (p[i] >= pt) {
                    if (y[i] == 1.0) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double odds = pt / (1 - pt);
            model[t] = (double) tp / n - (double) fp / n * odds;
            all[t] = prevalence - (1 - prevalence) * odds;
        }
        return new Curve(thresholds, model, all, new double[thresholds.length]);
    }
}
