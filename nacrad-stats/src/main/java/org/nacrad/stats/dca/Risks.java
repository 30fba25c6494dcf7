package org.nacrad.stats.dca;

/** Checks shared by decision curves and reclassification: 0/1 outcomes and risks in [0, 1]. */
final class Risks {

    private Risks() {
    }

    static int check(double[] y, double[] p, String what) {
        if (y.length != p.length) {
            throw new IllegalArgumentException(what + ": " + y.length + " outcomes but " + p.length + " risks");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException(what + ": no cases");
        }
        int events = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException(what + ": case " + (i + 1) + ": outcome must be 0 or 1, found "
                        + (Double.isNaN(y[i]) ? "a missing value" : y[i]));
            }
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(what + ": case " + (i + 1) + ": risk must be in [0, 1], found "
                        + (Double.isNaN(p[i]) ? "a missing value" : p[i]));
            }
            events += (int) y[i];
        }
        return events;
    }
}
