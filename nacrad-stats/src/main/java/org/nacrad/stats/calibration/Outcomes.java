package org.nacrad.stats.calibration;

/** Checks shared by the calibration measures: a 0/1 outcome and predicted risks of the same length. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * Validates {@code y} (0 or 1) against {@code p}; with {@code open} the risks must lie strictly inside (0, 1)
     * (their logit is used), else in [0, 1]. Errors name the (1-based) case and the value.
     */
    static void check(double[] y, double[] p, boolean open) {
        if (y.length != p.length) {
            throw new IllegalArgumentException(y.length + " outcomes but " + p.length + " predicted risks");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("no cases");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException("case " + (i + 1) + ": outcome must be 0 or 1, found " + y[i]);
            }
            boolean ok = open ? p[i] > 0.0 && p[i] < 1.0 : p[i] >= 0.0 && p[i] <= 1.0;
            if (!ok) {
                throw new IllegalArgumentException("case " + (i + 1) + ": predicted risk must be in "
                        + (open ? "(0, 1) (its logit is taken)" : "[0, 1]") + ", found " + p[i]);
            }
        }
    }

    /** Fails unless both outcome classes occur (a calibration fit needs events and non-events). */
    static void bothClasses(double[] y, String what) {
        double events = 0;
        for (double v : y) {
            events += v;
        }
        if (events == 0 || events == y.length) {
            throw new IllegalArgumentException(what + " needs both outcomes, but all " + y.length + " cases are "
                    + (events == 0 ? "0" : "1"));
        }
    }
}
