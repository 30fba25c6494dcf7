package org.nacrad.radiomics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.preprocess.Discretiser;
import org.nacrad.testkit.ReferenceData;

/**
 * Test-side access to PyRadiomics' test cases (breast1, brain1) and their reference values.
 *
 * <ul>
 *   <li>{@link #image}/{@link #mask}: the NRRD volumes (cached);</li>
 *   <li>{@link #input}: a {@link FeatureInput} built the simple way (label mask, crop to the ROI bounding box, no
 *       padding, discretise) — valid for columns without normalisation, resampling or resegmentation;</li>
 *   <li>{@link #baseline}: a baseline CSV ({@code baseline_<family>.csv}) as feature → column → text;</li>
 *   <li>{@link #settings}: a baseline column's {@code diagnostics_Configuration_Settings} parsed from its Python
 *       dict literal;</li>
 *   <li>{@link #current851}: current PyRadiomics' 851 default features of a case.</li>
 * </ul>
 */
public final class BaselineCases {

    private static final Map<String, Volume> VOLUMES = new ConcurrentHashMap<>();

    private BaselineCases() {
    }

    /** {@code breast1} or {@code brain1} image. */
    public static Volume image(String testCase) {
        return load(testCase + "_image.nrrd");
    }

    /** {@code breast1} or {@code brain1} label map. */
    public static Volume mask(String testCase) {
        return load(testCase + "_label.nrrd");
    }

    private static Volume load(String name) {
        Path p = ReferenceData.file("pyradiomics", name);
        return VOLUMES.computeIfAbsent(name, k -> {
            try {
                return NrrdReader.read(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The mask of a baseline column: the case's label map, except for the {@code *_shape2D} columns, whose masks
     * were single slices of it (k = 9 for breast1, k = 16 for brain1: their diagnostics give the same voxel counts,
     * bounding boxes and centres of mass), on a one-slice grid positioned at that slice.
     */
    public static Volume maskOfColumn(String column) {
        String testCase = column.startsWith("breast1") ? "breast1" : "brain1";
        Volume m = mask(testCase);
        if (!column.endsWith("_shape2D")) {
            return m;
        }
        int slice = testCase.equals("brain1") ? 16 : 9;
        return m.region(new int[] {0, 0, slice}, new int[] {m.geometry().nx(), m.geometry().ny(), 1}, 0);
    }

    /**
     * The ROI of a case cropped to its bounding box and discretised with the settings' binWidth/binCount
     * (label from the settings). No normalisation, resampling or resegmentation.
     */
    public static FeatureInput input(String testCase, RadiomicsSettings settings) {
        Volume image = image(testCase);
        Volume mask = mask(testCase);
        return input(image, mask, settings);
    }

    /** As {@link #input(String, RadiomicsSettings)} for any image and label map on the same grid. */
    public static FeatureInput input(Volume image, Volume mask, RadiomicsSettings settings) {
        boolean[] roi = mask.labelMask(settings.label());
        int nx = mask.geometry().nx(), ny = mask.geometry().ny(), nz = mask.geometry().nz();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (roi[n]) {
                        lo[0] = Math.min(lo[0], i);
                        lo[1] = Math.min(lo[1], j);
                        lo[2] = Math.min(lo[2], k);
                        hi[0] = Math.max(hi[0], i);
                        hi[1] = Math.max(hi[1], j);
                        hi[2] = Math.max(hi[2], k);
                    }
                }
            }
        }
        if (hi[0] < 0) {
            throw new IllegalArgumentException("label " + settings.label() + " absent from mask");
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        double[] values = image.region(lo, size, 0).data();
        double[] m = mask.region(lo, size, 0).data();
        boolean[] box = new boolean[m.length];
        for (int n = 0; n < m.length; n++) {
            box[n] = m[n] == settings.label();
        }
        int[] levels = Discretiser.discretise(values, box, settings.binWidth(), settings.binCount()).levels();
        return new FeatureInput(size, image.geometry().spacing(), box, values, levels, settings);
    }

    /** A baseline CSV: feature name → column name → cell text (columns: brain1, brain1_2d, …, breast1_resegmentation). */
    public static Map<String, Map<String, String>> baseline(String family) {
        Path p = ReferenceData.file("pyradiomics", "baseline", "baseline_" + family + ".csv");
        try {
            List<List<String>> rows = Csv.parse(Files.readString(p));
            List<String> header = rows.get(0);
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                Map<String, String> cols = new LinkedHashMap<>();
                for (int c = 1; c < header.size() && c < row.size(); c++) {
                    cols.put(header.get(c), row.get(c));
                }
                out.put(row.get(0), cols);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature rows (not diagnostics) of one baseline column, parsed as doubles. */
    public static Map<String, Double> baselineFeatures(String family, String column) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : baseline(family).entrySet()) {
            if (e.getKey().startsWith("diagnostics_")) {
                continue;
            }
            String v = e.getValue().get(column);
            if (v != null && !v.isEmpty()) {
                out.put(e.getKey(), Double.parseDouble(v));
            }
        }
        return out;
    }

    /** A baseline column's settings (its {@code diagnostics_Configuration_Settings} Python dict). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> settings(String family, String column) {
        String text = baseline(family).get("diagnostics_Configuration_Settings").get(column);
        return (Map<String, Object>) PyLiteral.parse(text);
    }

    /** A baseline column's settings as {@link RadiomicsSettings} (None values dropped, i.e. defaults). */
    public static RadiomicsSettings radiomicsSettings(String family, String column) {
        Map<String, Object> m = new LinkedHashMap<>();
        settings(family, column).forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return RadiomicsSettings.of(m);
    }

    /** Current PyRadiomics' 851 default features of a case: name → value, in file order. */
    public static Map<String, Double> current851(String testCase) {
        Path p = ReferenceData.file("pyradiomics", "current", testCase + "_851.csv");
        try {
            Map<String, Double> out = new LinkedHashMap<>();
            List<List<String>> rows = Csv.parse(Files.readString(p));
            for (List<String> row : rows.subList(1, rows.size())) {
                out.put(row.get(0), Double.parseDouble(row.get(1)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Minimal RFC 4180 CSV parsing (quoted fields with commas and doubled quotes). */
    public static final class Csv {
        private Csv() {
        }

        public static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * Parses the Python literals PyRadiomics writes in its diagnostics: dicts, lists, tuples, strings, ints,
     * floats, True/False/None. Ints become Integer, floats Double, tuples lists.
     */
    public static final class PyLiteral {
        private final String s;
        private int pos;

        private PyLiteral(String s) {
            this.s = s;
        }

        public static Object parse(String text) {
            PyLiteral p = new PyLiteral(text);
            Object v = p.value();
            p.skip();
            if (p.pos != p.s.length()) {
                throw new IllegalArgumentException("trailing text in Python literal at " + p.pos + ": " + text);
            }
            return v;
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private Object value() {
            skip();
            char c = s.charAt(pos);
            if (c == '{') {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                skip();
                while (s.charAt(pos) != '}') {
                    Object k = value();
                    skip();
                    expect(':');
                    m.put(String.valueOf(k), value());
                    skip();
                    if (s.charAt(pos) == ',') {
                        pos++;
                        skip();
                    }
                }
                pos++;
                return m;
            }
            if (c == '[' || c == '(') {
                char close = c == '[' ? ']' : ')';
                pos++;
                List<Object> l = new ArrayList<>();
                skip();
                while (s.charAt(pos) != close) {
                    l.add(value());
                    skip();
                    if (s.charAt(pos) == ',') {
                        pos++;
                        skip();
                    }
                }
                pos++;
                return l;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                String str = s.substring(pos + 1, end);
                pos = end + 1;
                return str;
            }
            int start = pos;
            while (pos < s.length() && ",:}])".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            String tok = s.substring(start, pos);
            switch (tok) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    if (tok.matches("[-+]?\\d+")) {
                        return Integer.valueOf(tok);
                    }
                    return Double.valueOf(tok);
            }
        }

        private void expect(char c) {
            if (s.charAt(pos) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + s);
            }
            pos++;
        }
    }
}
