package org.nacrad.stats.harmonisation;

import java.util.ArrayList;
import java.util.List;

/**
 * Feature values of patients, one row per patient and one column per feature (the radiomics orientation; R's
 * {@code sva::ComBat} takes the transpose), with the row and column names every error message uses.
 *
 * <p>Immutable: the values are copied in and {@link #values()} returns a copy.
 *
 * @param rows     row names (patient ids), one per row
 * @param features column names (feature names), one per column
 * @param values   {@code values[row][feature]}
 */
public record FeatureTable(List<String> rows, List<String> features, double[][] values) {

    public FeatureTable {
        rows = List.copyOf(rows);
        features = List.copyOf(features);
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("feature table: " + rows.size() + " row names but " + values.length
                    + " rows");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != features.size()) {
                throw new IllegalArgumentException("feature table: row " + (i + 1) + " (" + rows.get(i) + ") has "
                        + values[i].length + " values, not " + features.size() + " (one per feature)");
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    /** A table with generic names: rows "row 1", "row 2", …, features "feature 1", "feature 2", …. */
    public static FeatureTable of(double[][] values) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            r.add("row " + (i + 1));
        }
        List<String> f = new ArrayList<>();
        for (int j = 0; j < (values.length == 0 ? 0 : values[0].length); j++) {
            f.add("feature " + (j + 1));
        }
        return new FeatureTable(r, f, values);
    }

    /** A copy of the values. */
    @Override
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = values[i].clone();
        }
        return c;
    }

    /** One value (no copy). */
    public double get(int row, int feature) {
        return values[row][feature];
    }

    /** Number of rows (patients). */
    public int rowCount() {
        return values.length;
    }

    /** Number of features. */
    public int featureCount() {
        return features.size();
    }

    /** "row 3 (P017), column 'glcm_Contrast'": where a value sits, for error messages. */
    String where(int row, int feature) {
        return "row " + (row + 1) + " (" + rows.get(row) + "), column '" + features.get(feature) + "'";
    }
}
