package org.nacrad.radiomics.ibsi.texture;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.radiomics.testing.BaselineCases;
import org.nacrad.testkit.ReferenceData;

/**
 * The IBSI-1 consensus reference values of the shared reference data, read from the submission-sheet CSVs
 * ({@code dataset, family, feature, consensus, reference value, tolerance, …, tag}).
 *
 * <p>When does a value match? With a tolerance above 0 (the CT phantom), when it lies within the tolerance of the
 * reference value. With tolerance 0 (the digital phantom), IBSI reports the exact value rounded to three significant
 * digits, trailing zeros dropped ({@code 7} is 7.00, {@code 1490} is 1.49 × 10³): a value matches when it rounds to
 * the reference at three significant digits, i.e. lies within half a unit of the third significant digit.
 */
final class IbsiReferenceValues {

    /** One reference row. */
    record Row(String tag, double value, double tolerance, String consensus, String text) {

        /** The largest allowed |ours − reference|. */
        double allowed() {
            if (tolerance > 0) {
                return tolerance * (1 + 1e-9);
            }
            if (value == 0) {
                return 1e-12;
            }
            int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
            return 0.5 * Math.pow(10, exponent - 2) * (1 + 1e-9);
        }

        boolean matches(double ours) {
            return Math.abs(ours - value) <= allowed();
        }

        /** How ours compares, for failure messages. */
        String describe(double ours) {
            return String.format(Locale.ROOT, "%s: %s vs IBSI %s ± %.3g (consensus %s)", tag,
                    new BigDecimal(ours).round(new MathContext(6)).toPlainString(), text, allowed(), consensus);
        }
    }

    private IbsiReferenceValues() {
    }

    /** The digital phantom's rows. */
    static Map<String, Row> digitalPhantom() throws IOException {
        return read(ReferenceData.file("ibsi", "ibsi_1_reference_values_digital_phantom.csv"));
    }

    /** The rows of CT phantom configuration A..E. */
    static Map<String, Row> ctPhantom(char configuration) throws IOException {
        return read(ReferenceData.file("ibsi", "ct_phantom", "reference_values",
                "ibsi_1_reference_values_config_" + configuration + ".csv"));
    }

    /** The texture rows (cm_, rlm_, szm_, dzm_, ngt_, ngl_) of a table, in table order. */
    static List<Row> texture(Map<String, Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows.values()) {
            if (r.tag().matches("(cm|rlm|szm|dzm|ngt|ngl)_.*")) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rows our values miss (a missing value counts as missed), described. */
    static List<String> failures(Map<String, Double> ours, List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            Double x = ours.get(r.tag());
            if (x == null) {
                out.add(r.tag() + ": missing");
            } else if (!r.matches(x)) {
                out.add(r.describe(x));
            }
        }
        return out;
    }

    private static Map<String, Row> read(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = BaselineCases.Csv.parse(text);
        List<String> header = rows.get(0);
        int value = header.indexOf("reference value");
        int tolerance = header.indexOf("tolerance");
        int consensus = header.indexOf("consensus");
        int tag = header.indexOf("tag");
        Map<String, Row> out = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= tag || row.get(tag).isBlank() || row.get(value).isBlank()) {
                continue;
            }
            String v = row.get(value).trim();
            out.put(row.get(tag).trim(), new Row(row.get(tag).trim(), Double.parseDouble(v),
                    Double.parseDouble(row.get(tolerance).trim()), row.get(consensus).trim(), v));
        }
        return out;
    }
}
