package org.nacrad.stats.roc;

/** A 0/1 outcome and a score split into controls (y = 0) and cases (y = 1), checked. */
record Labelled(double[] controls, double[] cases) {

    /** Splits {@code score} by {@code y}; errors name the 1-based case. Both classes must occur. */
    static Labelled of(double[] y, double[] score, String what) {
        if (y.length != score.length) {
            throw new IllegalArgumentException(what + ": " + y.length + " outcomes but " + score.length + " scores");
        }
        int m = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException(what + ": case " + (i + 1) + ": outcome must be 0 or 1, found "
                        + (Double.isNaN(y[i]) ? "a missing value" : y[i]));
            }
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException(what + ": case " + (i + 1) + ": score is "
                        + (Double.isNaN(score[i]) ? "missing" : "infinite"));
            }
            m += (int) y[i];
        }
        int n = y.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException(what + ": needs both outcomes, but all " + y.length + " cases are "
                    + (m == 0 ? "controls (0)" : "cases (1)"));
        }
        double[] cases = new double[m];
        double[] controls = new double[n];
        int a = 0;
        int b = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1.0) {
                cases[a++] = score[i] + 0.0;   // -0.0 and 0.0 are the same score
            } else {
                controls[b++] = score[i] + 0.0;
            }
        }
        return new Labelled(controls, cases);
    }
}
