package org.nacrad.radiomics.ibsi.texture;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One feature of a texture family: its tag (without family prefix and aggregation suffix, e.g. {@code joint_max}),
 * its permanent IBSI code (e.g. {@code GYBY}) and how it is computed from one matrix.
 *
 * @param <M> the family's matrix type
 */
record Feature<M>(String tag, String code, ToDoubleFunction<M> value) {

    /** The values of all features of one matrix, in list order. */
    static <M> double[] values(List<Feature<M>> features, M matrix) {
        double[] v = new double[features.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = features.get(k).value().applyAsDouble(matrix);
        }
        return v;
    }

    /** A vector of n undefined values (an aggregation without any matrix). */
    static double[] undefined(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Adds counts into an accumulator of the same length (merging matrices). */
    static void add(double[] into, double[] counts) {
        for (int k = 0; k < into.length; k++) {
            into[k] += counts[k];
        }
    }
}
