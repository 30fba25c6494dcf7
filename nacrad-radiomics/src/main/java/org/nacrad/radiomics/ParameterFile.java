package org.nacrad.radiomics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A PyRadiomics parameter file (YAML or JSON): enabled image types with their own settings, enabled feature
 * classes, general settings and voxel settings.
 *
 * <p>Validated as PyRadiomics validates it (pykwalify with {@code radiomics/schemas/paramSchema.yaml} and the
 * checks of {@code schemaFuncs.py}): top-level keys {@code imageType}, {@code featureClass}, {@code setting},
 * {@code voxelSetting} only; unknown settings rejected; each setting of the right type (an integer is accepted
 * where a float is expected, a boolean never where a number is) and in its range; image types and feature classes
 * known to PyRadiomics, listed features known to their class. Each error names the file and the key path, e.g.
 * {@code params.yaml: setting.binWidth: must be > 0, got -5}.
 *
 * <p>As in PyRadiomics: no {@code imageType} section means {@code Original} only; no {@code featureClass} section
 * means every class with its default features; a null (empty) entry means the default. An image type's own
 * settings override the general ones for that image type only ({@link #settingsFor}).
 *
 * @param source       where the parameters came from (file name), for messages
 * @param imageTypes   image type → its own settings, in file order
 * @param featureClasses class → listed features, or an empty list for the class's defaults, in file order
 * @param settings     the general settings (PyRadiomics' extractor defaults where not given)
 * @param voxelSettings the {@code voxelSetting} section (validated; voxel-based extraction is not implemented)
 */
public record ParameterFile(String source, Map<String, Map<String, Object>> imageTypes,
                            Map<String, List<String>> featureClasses, RadiomicsSettings settings,
                            Map<String, Object> voxelSettings) {

    public ParameterFile {
        imageTypes = Collections.unmodifiableMap(new LinkedHashMap<>(imageTypes));
        featureClasses = Collections.unmodifiableMap(new LinkedHashMap<>(featureClasses));
        voxelSettings = Collections.unmodifiableMap(new LinkedHashMap<>(voxelSettings));
    }

    /** The classpath location of nacrad's default parameter file (Original + Wavelet, the 851 features). */
    public static final String NAC_851_RESOURCE = "/org/nacrad/radiomics/params/nac-851.yaml";

    /** PyRadiomics' extractor defaults when no parameter file is given: Original only, every class, default features. */
    public static ParameterFile defaults() {
        return new ParameterFile("PyRadiomics defaults", Map.of("Original", Map.of()), Map.of(),
                RadiomicsSettings.defaults(), Map.of());
    }

    /** Reads and validates a YAML or JSON parameter file. */
    public static ParameterFile read(Path file) throws IOException {
        return parse(readText(file), file.toString());
    }

    /** A parameter file's text; a missing or non-UTF-8 file is an {@link InvalidParametersException} naming it. */
    public static String readText(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidParametersException(file + ": parameter file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidParametersException(file + ": not a text (UTF-8) file");
        }
    }

    /** Reads nacrad's {@code nac-851.yaml} from the classpath, or PyRadiomics' defaults when it is absent. */
    public static ParameterFile nac851OrDefaults() {
        try (InputStream in = ParameterFile.class.getResourceAsStream(NAC_851_RESOURCE)) {
            if (in == null) {
                return defaults();
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "nac-851.yaml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parses and validates parameter text (YAML; JSON is read as the YAML subset it is). */
    @SuppressWarnings("unchecked")
    public static ParameterFile parse(String text, String source) {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidParametersException(source + ": not valid YAML/JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null) {
            root = Map.of();
        }
        if (!(root instanceof Map)) {
            throw new InvalidParametersException(source + ": expected a mapping with imageType, featureClass, "
                    + "setting, voxelSetting");
        }
        Map<String, Object> top = (Map<String, Object>) root;
        for (String key : top.keySet()) {
            if (!Set.of("imageType", "featureClass", "setting", "voxelSetting").contains(key)) {
                throw new InvalidParametersException(source + ": unknown key '" + key
                        + "' (allowed: imageType, featureClass, setting, voxelSetting)");
            }
        }
        Map<String, Object> settings = validateSettings(source, "setting", map(source, "setting", top.get("setting")));
        Map<String, Object> voxel = validateVoxelSettings(source, map(source, "voxelSetting", top.get("voxelSetting")));

        Map<String, Map<String, Object>> imageTypes = new LinkedHashMap<>();
        if (top.containsKey("imageType") && top.get("imageType") == null) {
            throw new InvalidParametersException(source + ": imageType: cannot be empty (leave it out for Original only)");
        }
        for (Map.Entry<String, Object> e : map(source, "imageType", top.get("imageType")).entrySet()) {
            String type = e.getKey();
            if (!ImageTypes.PYRADIOMICS_NAMES.contains(type)) {
                throw new InvalidParametersException(source + ": imageType." + type + ": unknown image type; "
                        + "PyRadiomics has " + ImageTypes.PYRADIOMICS_NAMES);
            }
            if (ImageTypes.find(type).isEmpty()) {
                throw new InvalidParametersException(source + ": imageType." + type + ": not implemented in nacrad; "
                        + "available: " + ImageTypes.names());
            }
            imageTypes.put(type, validateSettings(source, "imageType." + type,
                    map(source, "imageType." + type, e.getValue())));
        }
        if (imageTypes.isEmpty()) {
            imageTypes.put("Original", Map.of());
        }

        Map<String, List<String>> classes = new LinkedHashMap<>();
        if (top.containsKey("featureClass") && top.get("featureClass") == null) {
            throw new InvalidParametersException(source + ": featureClass: cannot be empty (leave it out for all classes)");
        }
        for (Map.Entry<String, Object> e : map(source, "featureClass", top.get("featureClass")).entrySet()) {
            String cls = e.getKey();
            String path = "featureClass." + cls;
            if (!FeatureFamilies.PYRADIOMICS_NAMES.contains(cls)) {
                throw new InvalidParametersException(source + ": " + path + ": unknown feature class; PyRadiomics has "
                        + FeatureFamilies.PYRADIOMICS_NAMES);
            }
            List<String> features = new ArrayList<>();
            if (e.getValue() != null) {
                if (!(e.getValue() instanceof List)) {
                    throw new InvalidParametersException(source + ": " + path + ": expected a list of feature names");
                }
                for (Object f : (List<Object>) e.getValue()) {
                    if (!(f instanceof String)) {
                        throw new InvalidParametersException(source + ": " + path + ": feature names must be text, got " + f);
                    }
                    FeatureFamilies.find(cls).ifPresent(fam -> {
                        if (!fam.featureNames().contains(f)) {
                            throw new InvalidParametersException(source + ": " + path + ": unknown feature '" + f
                                    + "'; " + cls + " has " + fam.featureNames());
                        }
                    });
                    features.add((String) f);
                }
            }
            classes.put(cls, List.copyOf(features));
        }
        return new ParameterFile(source, imageTypes, classes, RadiomicsSettings.of(settings), voxel);
    }

    /** The settings for one image type: the general settings overridden by that image type's own. */
    public RadiomicsSettings settingsFor(String imageType) {
        Map<String, Object> own = imageTypes.getOrDefault(imageType, Map.of());
        return settings.with(own);
    }

    /**
     * The enabled classes in extraction order with the features to compute: listed ones, or the class's defaults.
     * Without a {@code featureClass} section: every implemented class with its defaults.
     */
    public Map<String, List<String>> enabledFeatures() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (featureClasses.isEmpty()) {
            for (String name : FeatureFamilies.names()) {
                out.put(name, pyRadiomicsOrder(FeatureFamilies.byName(name).defaultFeatureNames()));
            }
            return out;
        }
        for (Map.Entry<String, List<String>> e : featureClasses.entrySet()) {
            FeatureFamily f = FeatureFamilies.byName(e.getKey());
            out.put(e.getKey(), e.getValue().isEmpty() ? pyRadiomicsOrder(f.defaultFeatureNames()) : e.getValue());
        }
        return out;
    }

    /**
     * A class's default features in the order PyRadiomics computes them: sorted by the name of their method
     * {@code get<Name>FeatureValue} (so {@code MeanAbsoluteDeviation} comes before {@code Mean}).
     */
    static List<String> pyRadiomicsOrder(List<String> names) {
        return names.stream().sorted(java.util.Comparator.comparing(n -> n + "FeatureValue")).toList();
    }

    /** A copy with general settings replaced or added (e.g. the label given on a command line). */
    public ParameterFile withSetting(String key, Object value) {
        return new ParameterFile(source, imageTypes, featureClasses, settings.with(key, value), voxelSettings);
    }

    // ---- validation (paramSchema.yaml, schemaFuncs.py) ------------------------------------------------------

    private enum Kind { INT, FLOAT, BOOL, STR, INT_LIST, FLOAT_LIST, INTERPOLATOR, WEIGHTING, WAVELET }

    /** One schema rule: kind and range; min/max inclusive unless exclusive. */
    private record Rule(Kind kind, Double min, boolean minExclusive, Double max, List<String> choices) {
        static Rule of(Kind k) {
            return new Rule(k, null, false, null, null);
        }

        static Rule minEx(Kind k, double min) {
            return new Rule(k, min, true, null, null);
        }

        static Rule min(Kind k, double min) {
            return new Rule(k, min, false, null, null);
        }

        static Rule range(Kind k, double min, double max) {
            return new Rule(k, min, false, max, null);
        }

        static Rule choice(String... c) {
            return new Rule(Kind.STR, null, false, null, List.of(c));
        }
    }

    private static final Map<String, Rule> SETTINGS = settingRules();

    private static Map<String, Rule> settingRules() {
        Map<String, Rule> m = new LinkedHashMap<>();
        m.put("minimumROIDimensions", Rule.range(Kind.INT, 1, 3));
        m.put("minimumROISize", Rule.minEx(Kind.INT, 0));
        m.put("geometryTolerance", Rule.minEx(Kind.FLOAT, 0));
        m.put("correctMask", Rule.of(Kind.BOOL));
        m.put("additionalInfo", Rule.of(Kind.BOOL));
        m.put("label", Rule.minEx(Kind.INT, 0));
        m.put("label_channel", Rule.min(Kind.INT, 0));
        m.put("binWidth", Rule.minEx(Kind.FLOAT, 0));
        m.put("binCount", Rule.minEx(Kind.INT, 0));
        m.put("normalize", Rule.of(Kind.BOOL));
        m.put("normalizeScale", Rule.minEx(Kind.FLOAT, 0));
        m.put("removeOutliers", Rule.minEx(Kind.FLOAT, 0));
        m.put("resampledPixelSpacing", Rule.min(Kind.FLOAT_LIST, 0));
        m.put("interpolator", Rule.of(Kind.INTERPOLATOR));
        m.put("padDistance", Rule.min(Kind.INT, 0));
        m.put("distances", Rule.minEx(Kind.INT_LIST, 0));
        m.put("force2D", Rule.of(Kind.BOOL));
        m.put("force2Ddimension", Rule.range(Kind.INT, 0, 2));
        m.put("resegmentRange", Rule.of(Kind.FLOAT_LIST));
        m.put("resegmentMode", Rule.choice("absolute", "relative", "sigma"));
        m.put("resegmentShape", Rule.of(Kind.BOOL));
        m.put("preCrop", Rule.of(Kind.BOOL));
        m.put("sigma", Rule.minEx(Kind.FLOAT_LIST, 0));
        m.put("start_level", Rule.min(Kind.INT, 0));
        m.put("level", Rule.minEx(Kind.INT, 0));
        m.put("wavelet", Rule.of(Kind.WAVELET));
        m.put("gradientUseSpacing", Rule.of(Kind.BOOL));
        m.put("lbp2DRadius", Rule.minEx(Kind.FLOAT, 0));
        m.put("lbp2DSamples", Rule.min(Kind.INT, 1));
        m.put("lbp2DMethod", Rule.choice("default", "ror", "uniform", "var"));
        m.put("lbp3DLevels", Rule.min(Kind.INT, 1));
        m.put("lbp3DIcosphereRadius", Rule.minEx(Kind.FLOAT, 0));
        m.put("lbp3DIcosphereSubdivision", Rule.min(Kind.INT, 0));
        m.put("voxelArrayShift", Rule.of(Kind.INT));
        m.put("symmetricalGLCM", Rule.of(Kind.BOOL));
        m.put("weightingNorm", Rule.of(Kind.WEIGHTING));
        m.put("gldm_a", Rule.min(Kind.INT, 0));
        return m;
    }

    private static final Map<String, Rule> VOXEL_SETTINGS = Map.of(
            "kernelRadius", Rule.minEx(Kind.INT, 0),
            "maskedKernel", Rule.of(Kind.BOOL),
            "initValue", Rule.of(Kind.FLOAT),
            "voxelBatch", Rule.minEx(Kind.INT, 0));

    /** SimpleITK's interpolator names (schemaFuncs.checkInterpolator), or their enum numbers 1–10. */
    static final List<String> INTERPOLATORS = List.of("sitkNearestNeighbor", "sitkLinear", "sitkBSpline",
            "sitkGaussian", "sitkLabelGaussian", "sitkHammingWindowedSinc", "sitkCosineWindowedSinc",
            "sitkWelchWindowedSinc", "sitkLanczosWindowedSinc", "sitkBlackmanWindowedSinc");

    private static final List<String> WEIGHTINGS = List.of("euclidean", "manhattan", "infinity", "no_weighting");

    /** PyWavelets' discrete wavelet families (pywt.wavelist(kind='discrete')) as name patterns. */
    private static final String WAVELETS = "haar|dmey|db([1-9]|[1-3][0-9])|sym([2-9]|1[0-9]|20)|coif([1-9]|1[0-7])"
            + "|bior(1\\.[135]|2\\.[2468]|3\\.[13579]|4\\.4|5\\.5|6\\.8)"
            + "|rbio(1\\.[135]|2\\.[2468]|3\\.[13579]|4\\.4|5\\.5|6\\.8)";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String source, String path, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new InvalidParametersException(source + ": " + path + ": expected a mapping, got " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> validateSettings(String source, String path, Map<String, Object> given) {
        return validate(source, path, given, SETTINGS);
    }

    private static Map<String, Object> validateVoxelSettings(String source, Map<String, Object> given) {
        return validate(source, "voxelSetting", given, VOXEL_SETTINGS);
    }

    private static Map<String, Object> validate(String source, String path, Map<String, Object> given,
                                                Map<String, Rule> rules) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String key = e.getKey();
            String where = source + ": " + path + "." + key + ": ";
            Rule rule = rules.get(key);
            if (rule == null) {
                throw new InvalidParametersException(where + "unknown setting");
            }
            Object v = e.getValue();
            if (v == null) {
                continue; // None: PyRadiomics' default
            }
            out.put(key, check(where, rule, v));
        }
        return out;
    }

    private static Object check(String where, Rule rule, Object v) {
        switch (rule.kind()) {
            case INT:
                return range(where, rule, integer(where, v));
            case FLOAT:
                return range(where, rule, number(where, v));
            case BOOL:
                if (!(v instanceof Boolean)) {
                    throw new InvalidParametersException(where + "expected true or false, got " + describe(v));
                }
                return v;
            case STR:
                if (!(v instanceof String s)) {
                    throw new InvalidParametersException(where + "expected text, got " + describe(v));
                }
                if (rule.choices() != null && !rule.choices().contains(s)) {
                    throw new InvalidParametersException(where + "must be one of " + rule.choices() + ", got '" + s + "'");
                }
                return s;
            case INT_LIST:
            case FLOAT_LIST: {
                if (!(v instanceof List<?> l)) {
                    throw new InvalidParametersException(where + "expected a list, got " + describe(v));
                }
                List<Object> out = new ArrayList<>();
                for (int n = 0; n < l.size(); n++) {
                    String w = where.substring(0, where.length() - 2) + "[" + n + "]: ";
                    Object x = l.get(n);
                    out.add(range(w, rule, rule.kind() == Kind.INT_LIST ? integer(w, x) : number(w, x)));
                }
                return List.copyOf(out);
            }
            case INTERPOLATOR:
                if (v instanceof String s) {
                    if (!INTERPOLATORS.contains(s)) {
                        throw new InvalidParametersException(where + "must be one of " + INTERPOLATORS + ", got '" + s + "'");
                    }
                    return s;
                }
                if (v instanceof Integer i) {
                    if (i < 1 || i > 10) {
                        throw new InvalidParametersException(where + "interpolator number must be in 1..10, got " + i);
                    }
                    return INTERPOLATORS.get(i - 1);
                }
                throw new InvalidParametersException(where + "expected an interpolator name or number, got " + describe(v));
            case WEIGHTING:
                if (!(v instanceof String s) || !WEIGHTINGS.contains(s)) {
                    throw new InvalidParametersException(where + "must be one of " + WEIGHTINGS + ", got " + describe(v));
                }
                return s;
            case WAVELET:
                if (!(v instanceof String s) || !s.matches(WAVELETS)) {
                    throw new InvalidParametersException(where + "not a PyWavelets discrete wavelet name: " + describe(v));
                }
                return s;
            default:
                throw new AssertionError(rule);
        }
    }

    private static Number integer(String where, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return ((Number) v).intValue();
        }
        throw new InvalidParametersException(where + "expected an integer, got " + describe(v));
    }

    private static Number number(String where, Object v) {
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n instanceof Integer || n instanceof Long ? (Number) n.intValue() : (Number) n.doubleValue();
        }
        throw new InvalidParametersException(where + "expected a number, got " + describe(v));
    }

    private static Number range(String where, Rule rule, Number n) {
        double x = n.doubleValue();
        if (rule.min() != null && (rule.minExclusive() ? !(x > rule.min()) : !(x >= rule.min()))) {
            throw new InvalidParametersException(where + "must be " + (rule.minExclusive() ? "> " : ">= ")
                    + fmt(rule.min()) + ", got " + n);
        }
        if (rule.max() != null && !(x <= rule.max())) {
            throw new InvalidParametersException(where + "must be <= " + fmt(rule.max()) + ", got " + n);
        }
        return n;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return String.valueOf(v);
    }

    /** A parameter file that fails validation; the message is one line naming the file and the key. */
    public static final class InvalidParametersException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidParametersException(String message) {
            super(message);
        }
    }
}
