package org.nacrad.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;

/**
 * A multi-b diffusion-weighted series on one grid: the distinct b-values (ascending, s/mm²) and, for each, the
 * signal of every voxel. Volumes acquired with the same b-value along several gradient directions are averaged
 * (arithmetic mean, the "powder average"); trace-weighted volumes come one per b-value.
 *
 * @param geometry the common grid
 * @param bValues  distinct b-values, ascending, s/mm²
 * @param signals  signals[i][voxel] at bValues[i]
 */
public record DwiSeries(Geometry geometry, double[] bValues, double[][] signals) {

    /** The largest b-value accepted, s/mm²: clinical and research diffusion MRI stay below it. */
    public static final double MAX_B = 10000;

    /** b-values closer than this (s/mm²) are one shell. */
    public static final double SHELL_TOLERANCE = 1;

    /**
     * Builds a series from one volume per acquisition and its b-value.
     *
     * @param source names the input in error messages
     */
    public static DwiSeries of(List<Volume> volumes, double[] bValues, String source) {
        if (volumes.size() != bValues.length) {
            throw new IllegalArgumentException(source + ": " + bValues.length + " b-values for " + volumes.size()
                    + " diffusion volumes: the counts must match");
        }
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException(source + ": no diffusion volumes");
        }
        Geometry g = volumes.get(0).geometry();
        for (int i = 1; i < volumes.size(); i++) {
            String m = g.mismatch(volumes.get(i).geometry(), 1e-6);
            if (m != null) {
                throw new IllegalArgumentException(source + ": volume " + i + " is on another grid than volume 0 (" + m + ")");
            }
        }
        TreeMap<Double, List<Integer>> shells = new TreeMap<>();
        for (int i = 0; i < bValues.length; i++) {
            double b = bValues[i];
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException(source + ": b-value " + (i + 1) + " is " + b + " (must be a number ≥ 0)");
            }
            Double key = null;
            for (Double k : shells.keySet()) {
                if (Math.abs(k - b) < SHELL_TOLERANCE) {
                    key = k;
                }
            }
            shells.computeIfAbsent(key == null ? b : key, k -> new ArrayList<>()).add(i);
        }
        if (shells.firstKey() >= SHELL_TOLERANCE) {
            throw new IllegalArgumentException(source + ": no b=0 volume (b-values " + shells.keySet() + ")");
        }
        if (shells.size() == 1) {
            throw new IllegalArgumentException(source + ": all " + bValues.length + " b-values are " + bValues[0]
                    + ": a diffusion fit needs at least two different b-values");
        }
        if (shells.lastKey() > MAX_B) {
            throw new IllegalArgumentException(source + ": b-value " + shells.lastKey() + " is beyond " + (int) MAX_B
                    + " s/mm² (b-values must be in s/mm²; s/m² would be 10⁶ times larger)");
        }
        int n = (int) g.voxelCount();
        double[] bs = new double[shells.size()];
        double[][] sig = new double[shells.size()][];
        int s = 0;
        for (var e : shells.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] mean = new double[n];
            double bsum = 0;
            for (int i : idx) {
                double[] v = volumes.get(i).data();
                for (int x = 0; x < n; x++) {
                    mean[x] += v[x];
                }
                bsum += bValues[i];
            }
            for (int x = 0; x < n; x++) {
                mean[x] /= idx.size();
            }
            bs[s] = bsum / idx.size();
            sig[s++] = mean;
        }
        return new DwiSeries(g, bs, sig);
    }

    /** The signal of one voxel over the b-values whose index is in {@code shells}. */
    double[] voxel(int x, int[] shells) {
        double[] out = new double[shells.length];
        for (int i = 0; i < shells.length; i++) {
            out[i] = signals[shells[i]][x];
        }
        return out;
    }

    /** Indices of the b-values ≤ max. */
    int[] shellsUpTo(double max) {
        int c = 0;
        for (double b : bValues) {
            if (b <= max) {
                c++;
            }
        }
        int[] out = new int[c];
        for (int i = 0, j = 0; i < bValues.length; i++) {
            if (bValues[i] <= max) {
                out[j++] = i;
            }
        }
        return out;
    }
}
