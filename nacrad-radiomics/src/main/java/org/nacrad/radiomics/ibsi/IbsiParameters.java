package org.nacrad.radiomics.ibsi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.ParameterFile.InvalidParametersException;
import org.nacrad.radiomics.ibsi.IbsiSettings.Discretisation;
import org.nacrad.radiomics.ibsi.IbsiSettings.Interpolation;

/**
 * An IBSI-mode parameter file: a YAML (or JSON) file whose {@code setting} section says {@code standard: ibsi}.
 * Errors are one line naming the file and the key, e.g. {@code ibsi.yaml: setting.binWidth: fixed bin size …}.
 *
 * <pre>
 * setting:
 *   standard: ibsi
 *   label: 1
 *   dimension: 3D                      # 2D: slice-wise interpolation and 2D/2.5D texture aggregation
 *   resampledPixelSpacing: [2, 2, 2]   # x, y, z mm; in 2D [x, y]; leave out for no interpolation
 *   interpolator: linear               # nearest | linear | cubic (tricubic spline)
 *   maskInterpolator: linear           # nearest | linear
 *   partialVolumeThreshold: 0.5
 *   roundIntensities: true             # round to whole numbers (CT)
 *   resegmentRange: [-1000, 400]       # [a] for [a, ∞)
 *   outlierSigma: 3                    # remove intensities outside μ ± 3σ
 *   binWidth: 25                       # FBS from the re-segmentation minimum; or binCount: 32 (FBN)
 *   ivhBinWidth: 2.5                   # IVH: ivhBinWidth (continuous), ivhBinCount (arbitrary units, default 1000)
 *                                      #      or ivhDiscretisation: none (discrete intensities, CT)
 *   distance: 1                        # GLCM, NGTDM, NGLDM distance; GLSZM/GLDZM linkage
 *   ngldmCoarseness: 0
 *   featureNames: tags                 # tags | codes
 *   additionalInfo: true               # the diagnostic rows
 * featureClass:                        # leave out for every family
 *   morphology:
 *   glcm: [3D_avg, 3D_comb]            # a texture family may list its aggregations
 * </pre>
 */
public final class IbsiParameters {

    private static final Set<String> KEYS = Set.of("standard", "label", "dimension", "resampledPixelSpacing",
            "interpolator", "maskInterpolator", "partialVolumeThreshold", "roundIntensities", "resegmentRange",
            "outlierSigma", "binWidth", "binCount", "ivhBinWidth", "ivhBinCount", "ivhDiscretisation", "distance",
            "ngldmCoarseness", "featureNames", "additionalInfo");

    private IbsiParameters() {
    }

    /** The settings of {@code nacrad extract --standard ibsi} without a parameter file. */
    public static IbsiSettings defaults() {
        return parse(Map.of(), null, "IBSI defaults");
    }

    /** Reads an IBSI parameter file. */
    public static IbsiSettings read(Path file) throws IOException {
        return parse(ParameterFile.readText(file), file.toString());
    }

    /** The standard a parameter text asks for: {@code setting.standard}, or null when it names none. */
    @SuppressWarnings("unchecked")
    public static String standardOf(String text, String source) {
        Object root = yaml(text, source);
        if (root instanceof Map<?, ?> top && top.get("setting") instanceof Map<?, ?> s) {
            Object st = ((Map<String, Object>) s).get("standard");
            return st == null ? null : st.toString().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** Parses IBSI parameter text. */
    @SuppressWarnings("unchecked")
    public static IbsiSettings parse(String text, String source) {
        Object root = yaml(text, source);
        if (root == null) {
            root = Map.of();
        }
        if (!(root instanceof Map)) {
            throw new InvalidParametersException(source + ": expected a mapping with setting and featureClass");
        }
        Map<String, Object> top = (Map<String, Object>) root;
        for (String key : top.keySet()) {
            if (key.equals("imageType")) {
                throw new InvalidParametersException(source + ": imageType: IBSI mode (IBSI 1) computes features of "
                        + "the original image only; leave imageType out");
            }
            if (!key.equals("setting") && !key.equals("featureClass")) {
                throw new InvalidParametersException(source + ": unknown key '" + key
                        + "' (allowed in IBSI mode: setting, featureClass)");
            }
        }
        Object s = top.get("setting");
        if (s != null && !(s instanceof Map)) {
            throw new InvalidParametersException(source + ": setting: expected a mapping");
        }
        Object fc = top.get("featureClass");
        if (top.containsKey("featureClass") && fc == null) {
            throw new InvalidParametersException(source + ": featureClass: cannot be empty (leave it out for every "
                    + "family)");
        }
        if (fc != null && !(fc instanceof Map)) {
            throw new InvalidParametersException(source + ": featureClass: expected a mapping of families");
        }
        return parse(s == null ? Map.of() : (Map<String, Object>) s, (Map<String, Object>) fc, source);
    }

    private static Object yaml(String text, String source) {
        return ParameterFile.readYaml(text, source);
    }

    /**
     * Builds settings from a {@code setting} mapping and a {@code featureClass} mapping (null: every family).
     *
     * @throws InvalidParametersException naming the source and the key
     */
    @SuppressWarnings("unchecked")
    public static IbsiSettings parse(Map<String, Object> setting, Map<String, Object> featureClass, String source) {
        Reader r = new Reader(source, setting);
        for (String key : setting.keySet()) {
            if (!KEYS.contains(key)) {
                throw r.error(key, "unknown IBSI setting (allowed: " + String.join(", ", KEYS.stream().sorted()
                        .toList()) + ")");
            }
        }
        Object standard = setting.get("standard");
        if (standard != null && !"ibsi".equalsIgnoreCase(standard.toString())) {
            throw r.error("standard", "expected ibsi here, got " + standard);
        }
        int label = (int) r.integer("label", 1, 1);
        String dim = r.text("dimension", "3D").toUpperCase(Locale.ROOT);
        if (!dim.equals("2D") && !dim.equals("3D")) {
            throw r.error("dimension", "expected 2D or 3D, got " + setting.get("dimension"));
        }
        boolean slicewise = dim.equals("2D");
        double[] spacing = r.numbers("resampledPixelSpacing");
        if (spacing != null) {
            if (slicewise && spacing.length == 3) {
                if (spacing[2] != 0) {
                    throw r.error("resampledPixelSpacing", "dimension 2D interpolates within slices only: give [x, y] "
                            + "(or z = 0), got z = " + IbsiSettings.number(spacing[2]));
                }
                spacing = new double[] {spacing[0], spacing[1]};
            }
        }
        Interpolation img = Interpolation.parse(r.text("interpolator", "linear").replace("sitk", ""),
                source + ": setting.interpolator");
        Interpolation roi = Interpolation.parse(r.text("maskInterpolator", "linear").replace("sitk", ""),
                source + ": setting.maskInterpolator");
        double pv = r.number("partialVolumeThreshold", 0.5);
        boolean round = r.bool("roundIntensities", false);
        double[] range = r.numbers("resegmentRange");
        if (range != null) {
            if (range.length == 1) {
                range = new double[] {range[0], Double.POSITIVE_INFINITY};
            } else if (range.length != 2) {
                throw r.error("resegmentRange", "expected [a, b] or [a], got " + range.length + " values");
            }
        }
        double sigma = r.number("outlierSigma", 0);
        Discretisation d;
        if (setting.containsKey("binWidth") && setting.containsKey("binCount")) {
            throw r.error("binCount", "give binWidth (fixed bin size) or binCount (fixed bin number), not both");
        } else if (setting.containsKey("binWidth")) {
            d = Discretisation.fbs(r.number("binWidth", 0));
        } else if (setting.containsKey("binCount")) {
            d = Discretisation.fbn((int) r.integer("binCount", 32, 1));
        } else {
            d = Discretisation.fbn(32);
        }
        Discretisation ivh;
        int ivhGiven = (setting.containsKey("ivhBinWidth") ? 1 : 0) + (setting.containsKey("ivhBinCount") ? 1 : 0)
                + (setting.containsKey("ivhDiscretisation") ? 1 : 0);
        if (ivhGiven > 1) {
            throw r.error("ivhBinWidth", "give one of ivhBinWidth, ivhBinCount or ivhDiscretisation: none");
        }
        if (setting.containsKey("ivhBinWidth")) {
            ivh = Discretisation.fbs(r.number("ivhBinWidth", 0));
        } else if (setting.containsKey("ivhBinCount")) {
            ivh = Discretisation.fbn((int) r.integer("ivhBinCount", 1000, 1));
        } else if (setting.containsKey("ivhDiscretisation")) {
            if (!"none".equalsIgnoreCase(r.text("ivhDiscretisation", "none"))) {
                throw r.error("ivhDiscretisation", "only none is accepted here (set ivhBinWidth or ivhBinCount for "
                        + "the others)");
            }
            ivh = Discretisation.NONE;
        } else {
            ivh = Discretisation.fbn(1000);
        }
        int distance = (int) r.integer("distance", 1, 1);
        int alpha = (int) r.integer("ngldmCoarseness", 0, 0);
        String names = r.text("featureNames", "tags").toLowerCase(Locale.ROOT);
        if (!names.equals("tags") && !names.equals("codes")) {
            throw r.error("featureNames", "expected tags or codes, got " + setting.get("featureNames"));
        }
        boolean diag = r.bool("additionalInfo", true);

        List<String> families = new ArrayList<>();
        Map<String, List<String>> aggregations = new LinkedHashMap<>();
        if (featureClass == null) {
            families.addAll(IbsiSettings.ALL_FAMILIES);
        } else {
            for (Map.Entry<String, Object> e : featureClass.entrySet()) {
                String fam = e.getKey();
                if (!IbsiSettings.ALL_FAMILIES.contains(fam)) {
                    throw new InvalidParametersException(source + ": featureClass." + fam + ": unknown IBSI family ("
                            + String.join(", ", IbsiSettings.ALL_FAMILIES) + ")");
                }
                families.add(fam);
                List<String> agg = new ArrayList<>();
                if (e.getValue() instanceof List<?> list) {
                    for (Object o : list) {
                        agg.add(String.valueOf(o).replace(".", "_"));
                    }
                } else if (e.getValue() != null) {
                    agg.add(String.valueOf(e.getValue()).replace(".", "_"));
                }
                aggregations.put(fam, agg);
            }
        }
        try {
            return new IbsiSettings(label, slicewise, spacing, img, roi, round, pv, range, sigma, d, ivh, families,
                    aggregations, distance, alpha, names.equals("codes"), diag);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new InvalidParametersException(source + ": " + (m.startsWith("featureClass") ? m : "setting." + m));
        }
    }

    /** Typed access to the setting mapping with errors naming the key. */
    private record Reader(String source, Map<String, Object> s) {

        InvalidParametersException error(String key, String message) {
            return new InvalidParametersException(source + ": setting." + key + ": " + message);
        }

        String text(String key, String def) {
            Object v = s.get(key);
            if (v == null) {
                return def;
            }
            if (v instanceof Map || v instanceof List) {
                throw error(key, "expected a word, got " + v);
            }
            return v.toString();
        }

        boolean bool(String key, boolean def) {
            Object v = s.get(key);
            if (v == null) {
                return def;
            }
            if (!(v instanceof Boolean b)) {
                throw error(key, "expected true or false, got " + v);
            }
            return b;
        }

        double number(String key, double def) {
            Object v = s.get(key);
            if (v == null) {
                return def;
            }
            if (!(v instanceof Number n) || v instanceof Boolean) {
                throw error(key, "expected a number, got " + v);
            }
            return n.doubleValue();
        }

        long integer(String key, long def, long min) {
            Object v = s.get(key);
            if (v == null) {
                return def;
            }
            if (!(v instanceof Integer || v instanceof Long)) {
                throw error(key, "expected a whole number, got " + v);
            }
            long x = ((Number) v).longValue();
            if (x < min || x > Integer.MAX_VALUE) {
                throw error(key, "must be ≥ " + min + ", got " + x);
            }
            return x;
        }

        double[] numbers(String key) {
            Object v = s.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> list) || list.isEmpty()) {
                throw error(key, "expected a list of numbers, got " + v);
            }
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                Object o = list.get(i);
                if (o instanceof String t && (t.equalsIgnoreCase(".inf") || t.equalsIgnoreCase("inf"))) {
                    out[i] = Double.POSITIVE_INFINITY;
                } else if (o instanceof Number n && !(o instanceof Boolean)) {
                    out[i] = n.doubleValue();
                } else {
                    throw error(key, "expected numbers, got " + o);
                }
            }
            return out;
        }
    }
}
