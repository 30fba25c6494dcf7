package org.nacrad.stats.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric table read from a CSV: named columns of doubles, as the stats commands need them.
 *
 * <p>The first line is the header. Fields may be quoted ({@code "a,b"}, {@code ""} for a quote). Empty fields,
 * {@code NA} and {@code NaN} read as {@link Double#NaN}; any other non-numeric field is an error naming the file,
 * line and column. Rows with a missing value in the columns a model uses are not dropped silently: use
 * {@link #matrix(List)} / {@link #binaryLabel(String)}, which report them.
 *
 * <p>Immutable: the accessors return copies.
 *
 * @param source where the data came from (a file name), used in every error message
 * @param names  the column names, in file order
 * @param data   {@code data[c][r]}: column {@code c}, row {@code r}
 */
public record Dataset(String source, List<String> names, double[][] data) {

    public Dataset {
        names = List.copyOf(names);
        if (data.length != names.size()) {
            throw new IllegalArgumentException(source + ": " + names.size() + " names but " + data.length + " columns");
        }
        data = data.clone();
        for (int c = 0; c < data.length; c++) {
            data[c] = data[c].clone();
            if (data[c].length != data[0].length) {
                throw new IllegalArgumentException(source + ": column '" + names.get(c) + "' has "
                        + data[c].length + " rows, column '" + names.get(0) + "' has " + data[0].length);
            }
        }
    }

    /** Builds a dataset from named columns (insertion order kept). */
    public static Dataset of(String source, Map<String, double[]> columns) {
        return new Dataset(source, new ArrayList<>(columns.keySet()), columns.values().toArray(new double[0][]));
    }

    /** Number of rows. */
    public int rows() {
        return data.length == 0 ? 0 : data[0].length;
    }

    /** Whether a column of that name exists. */
    public boolean has(String name) {
        return names.indexOf(name) >= 0;
    }

    /** A copy of the named column; an error naming the source and the available columns when absent. */
    public double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "' (columns: "
                    + String.join(", ", names) + ")");
        }
        return data[c].clone();
    }

    /**
     * The named columns as a row-major design matrix {@code x[row][j]} (no intercept column); an error naming the
     * row and column of the first missing value.
     */
    public double[][] matrix(List<String> columns) {
        double[][] cols = new double[columns.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = column(columns.get(j));
        }
        int n = rows();
        double[][] x = new double[n][cols.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols.length; j++) {
                double v = cols[j][i];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(source + ": line " + (i + 2) + ", column '" + columns.get(j)
                            + "': missing or non-finite value");
                }
                x[i][j] = v;
            }
        }
        return x;
    }

    /** The named column as a 0/1 outcome; an error naming the line when a value is neither 0 nor 1. */
    public double[] binaryLabel(String name) {
        double[] y = column(name);
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException(source + ": line " + (i + 2) + ", column '" + name
                        + "': outcome must be 0 or 1, found " + (Double.isNaN(y[i]) ? "a missing value" : y[i]));
            }
        }
        return y;
    }

    /** All column names except those given (e.g. the label, an id, a fold id). */
    public List<String> namesExcept(List<String> excluded) {
        List<String> out = new ArrayList<>(names);
        out.removeAll(excluded);
        return out;
    }

    /** Reads a CSV (UTF-8, comma separated, header line first). */
    public static Dataset read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String src = file.toString();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(src + ": empty file (a header line is needed)");
        }
        List<String> header = split(lines.get(0), src, 1);
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            Integer prev = seen.put(header.get(c), c);
            if (prev != null) {
                throw new IllegalArgumentException(src + ": line 1: column name '" + header.get(c)
                        + "' appears twice (columns " + (prev + 1) + " and " + (c + 1) + ")");
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line, src, l + 1);
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(src + ": line " + (l + 1) + ": " + f.size()
                        + " fields, the header has " + header.size());
            }
            double[] r = new double[f.size()];
            for (int c = 0; c < r.length; c++) {
                r[c] = parse(f.get(c).trim(), src, l + 1, header.get(c));
            }
            rows.add(r);
        }
        double[][] cols = new double[header.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < cols.length; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        return new Dataset(src, header, cols);
    }

    private static double parse(String s, String src, int line, String column) {
        if (s.isEmpty() || s.equals("NA") || s.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(src + ": line " + line + ", column '" + column
                    + "': not a number: '" + s + "'");
        }
    }

    private static List<String> split(String line, String src, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(src + ": line " + lineNo + ": unterminated quoted field");
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ", " + rows() + " rows, columns " + names + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && d.names.equals(names) && Arrays.deepEquals(d.data, data);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.deepHashCode(data);
    }
}
