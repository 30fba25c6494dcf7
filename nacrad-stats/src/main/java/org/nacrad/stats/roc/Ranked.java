package org.nacrad.stats.roc;

import java.util.Arrays;

/**
 * Controls and cases merged into their distinct scores, ascending, with the number of controls and cases at each —
 * what the ROC curve, the AUC and DeLong's placements are all computed from. Built from the two sorted classes in
 * one merge pass (O(N log N) for the sorts, O(N) after).
 *
 * @param values   distinct scores, ascending (oriented: negated for direction "&gt;")
 * @param controls controls at each value
 * @param cases    cases at each value
 */
record Ranked(double[] values, int[] controls, int[] cases) {

    /** Merges ascending {@code sortedControls} and {@code sortedCases}. */
    static Ranked merge(double[] sortedControls, double[] sortedCases) {
        int n = sortedControls.length;
        int m = sortedCases.length;
        double[] u = new double[n + m];
        int[] c0 = new int[n + m];
        int[] c1 = new int[n + m];
        int k = 0;
        for (int i = 0, j = 0; i < n || j < m; k++) {
            double v = j >= m || i < n && sortedControls[i] <= sortedCases[j] ? sortedControls[i] : sortedCases[j];
            u[k] = v;
            while (i < n && sortedControls[i] == v) {
                c0[k]++;
                i++;
            }
            while (j < m && sortedCases[j] == v) {
                c1[k]++;
                j++;
            }
        }
        return new Ranked(Arrays.copyOf(u, k), Arrays.copyOf(c0, k), Arrays.copyOf(c1, k));
    }

    /** Index of {@code v} among the distinct values (it must be one of them). */
    int indexOf(double v) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
