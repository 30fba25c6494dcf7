package org.nacrad.radiomics.ibsi;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nacrad.testkit.ReferenceData;

/**
 * The IBSI-1 reference tables in {@code ../shared/reference/ibsi} (digital phantom, CT phantom configurations A–E),
 * read row by row, and the rule a value is checked by.
 *
 * <p>A row with a tolerance passes when |value − reference| ≤ tolerance. A row with tolerance 0 passes when the
 * value equals the reference to its reported digits: within half a unit of the last non-zero reported digit, and of
 * the third significant digit when fewer are reported (IBSI reports three significant digits, so 1490 stands for
 * 1.49·10³ and 2.6 for 2.60; a count such as 125256 is checked to ±0.5).
 */
final class IbsiReference {

    /** One row. {@code reference} is null for a feature the consensus left without a value. */
    record Row(String dataset, String family, String feature, String consensus, BigDecimal reference,
               double tolerance, String tag) {

        /** The allowed distance from the reference. */
        double allowed() {
            if (tolerance > 0) {
                return tolerance;
            }
            // half a unit of the last non-zero reported digit (1490 is 1.49e3: ±5; 125256: ±0.5; 0.977: ±0.0005),
            // and of the third significant digit when fewer are reported (2.6 is 2.60: ±0.005)
            BigDecimal r = reference.stripTrailingZeros();
            double unit = Math.pow(10, -r.scale());
            double v = Math.abs(reference.doubleValue());
            if (v > 0) {
                unit = Math.min(unit, Math.pow(10, Math.floor(Math.log10(v)) - 2));
            }
            return unit / 2 * (1 + 1e-9);
        }

        boolean passes(double value) {
            return reference != null && Math.abs(value - reference.doubleValue()) <= allowed();
        }
    }

    private IbsiReference() {
    }

    static List<Row> digitalPhantom() throws IOException {
        return read(ReferenceData.file("ibsi", "ibsi_1_reference_values_digital_phantom.csv"));
    }

    static List<Row> config(char c) throws IOException {
        return read(ReferenceData.file("ibsi", "ct_phantom", "reference_values",
                "ibsi_1_reference_values_config_" + c + ".csv"));
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = split(lines.get(i));
            if (f.size() < 10) {
                continue;
            }
            BigDecimal ref = f.get(4).isBlank() ? null : new BigDecimal(f.get(4).trim());
            double tol = f.get(5).isBlank() ? 0 : Double.parseDouble(f.get(5).trim());
            rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3), ref, tol, f.get(9).trim()));
        }
        return rows;
    }

    /** Splits a CSV line with double-quoted fields. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else if (ch != '\uFEFF') {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
