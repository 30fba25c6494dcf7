package org.nacrad.stats.glm;

import java.util.Arrays;

/**
 * Harrell's C index for a binary outcome: the probability that a random event has a higher score than a random
 * non-event, ties in the score counting one half (the area under the ROC curve), and Somers' {@code Dxy = 2(C - ½)},
 * as rms {@code lrm} reports them in {@code stats["C"]} and {@code stats["Dxy"]}.
 *
 * <p>Computed from mid-ranks in O(n log n): {@code C = (R₁ - n₁(n₁+1)/2) / (n₁ n₀)}, with {@code R₁} the rank sum of
 * the events (the Mann–Whitney statistic). Written by hand: a few lines, no library dependency needed.
 *
 * <p>Worked example: scores {@code 0.1, 0.4, 0.4, 0.8} with outcomes {@code 0, 0, 1, 1}: mid-ranks 1, 2.5, 2.5, 4,
 * {@code R₁ = 6.5}, {@code C = (6.5 - 3) / 4 = 0.875}, {@code Dxy = 0.75}.
 */
public final class Concordance {

    private Concordance() {
    }

    /** The C index of {@code score} for the 0/1 outcome {@code y}. */
    public static double cIndex(double[] score, double[] y) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumEvents = 0;
        long events = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1.0) {
                    rankSumEvents += midRank;
                    events++;
                }
            }
            i = j + 1;
        }
        long nonEvents = n - events;
        if (events == 0 || nonEvents == 0) {
            throw new IllegalArgumentException("C index needs both outcome classes (" + events + " events, "
                    + nonEvents + " non-events)");
        }
        return (rankSumEvents - events * (events + 1) / 2.0) / ((double) events * nonEvents);
    }

    /** Somers' rank correlation {@code Dxy = 2 (C - ½)}. */
    public static double somersDxy(double[] score, double[] y) {
        return 2 * (cIndex(score, y) - 0.5);
    }
}
