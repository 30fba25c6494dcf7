package org.nacrad.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Assignment of patients to the training and validation sets.
 *
 * <ul>
 *   <li><b>chronological</b> (the study's design): patients sorted by admission date (ties by id); the first
 *       round(n·f) form the training set, the later ones the validation set — a temporal validation;</li>
 *   <li><b>stratified</b>: within each outcome class, a seeded random permutation; round(n_c·f) of each class go to
 *       training, so both sets keep the resistance rate;</li>
 *   <li><b>column</b>: a manifest column says {@code train} or {@code validation} per patient.</li>
 * </ul>
 * Example: 240 patients, f = 2/3 → 160 training and 80 validation patients.
 */
public final class Split {

    private Split() {
    }

    /** Chronological split: {@code true} = training, in input order. */
    public static boolean[] chronological(List<String> ids, List<LocalDate> dates, double trainFraction) {
        int n = ids.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, LocalDate>comparing(dates::get).thenComparing(ids::get));
        int nTrain = (int) Math.round(n * trainFraction);
        boolean[] train = new boolean[n];
        for (int r = 0; r < nTrain; r++) {
            train[order.get(r)] = true;
        }
        return train;
    }

    /** Stratified random split by outcome with a seed. */
    public static boolean[] stratified(boolean[] outcome, double trainFraction, long seed) {
        int n = outcome.length;
        boolean[] train = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (boolean cls : new boolean[] {false, true}) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (outcome[i] == cls) {
                    idx.add(i);
                }
            }
            // Fisher–Yates
            for (int i = idx.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = idx.get(i);
                idx.set(i, idx.get(j));
                idx.set(j, t);
            }
            int nTrain = (int) Math.round(idx.size() * trainFraction);
            for (int r = 0; r < nTrain; r++) {
                train[idx.get(r)] = true;
            }
        }
        return train;
    }

    /** Split from a column of {@code train}/{@code validation} (also {@code training}, {@code test}). */
    public static boolean[] fromColumn(List<String> values, String column) {
        boolean[] train = new boolean[values.size()];
        for (int i = 0; i < train.length; i++) {
            String v = values.get(i).trim().toLowerCase(java.util.Locale.ROOT);
            switch (v) {
                case "train", "training" -> train[i] = true;
                case "validation", "test", "valid" -> train[i] = false;
                default -> throw new IllegalArgumentException("row " + (i + 1) + ", column " + column
                        + ": expected train or validation, got '" + values.get(i) + "'");
            }
        }
        return train;
    }
}
