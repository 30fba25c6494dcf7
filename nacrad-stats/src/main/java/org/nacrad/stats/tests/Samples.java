package org.nacrad.stats.tests;

import java.util.Arrays;

/** Small helpers shared by the group tests: checks, mean, variance, average ranks. */
final class Samples {

    private Samples() {
    }

    static void check(double[] v, String what, int min) {
        if (v.length < min) {
            throw new IllegalArgumentException(what + ": needs at least " + min + " value" + (min > 1 ? "s" : "")
                    + (v.length == 0 ? ", the group is empty" : ", got " + v.length));
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + ": value " + (i + 1) + " is missing or not finite");
            }
        }
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample variance (divisor n − 1), two-pass. */
    static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    /** Average ranks (1-based, ties get the mean of their positions), as R's {@code rank(x)}. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a] + 0.0, v[b] + 0.0));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Σ (t³ − t) over groups of tied values. */
    static double tieSum(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double sum = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
