package org.nacrad.radiomics.settings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One PyRadiomics extraction setting: its name, the type and range of its values, its default and what it does.
 * The constants below are the whole schema — PyRadiomics' {@code radiomics/schemas/paramSchema.yaml} and the checks
 * of its {@code schemaFuncs.py} — and everything that reads settings reads it: the parameter-file parser
 * ({@code ParameterFile}), {@code RadiomicsSettings} (its getters, defaults and {@code with} methods), and the
 * {@code diagnostics_Configuration_Settings} entry. <b>Adding a setting is adding one constant here</b> (and, when
 * the engine reads it often, a one-line named getter in {@code RadiomicsSettings}).
 *
 * <p>Values are checked on every path. A parameter file is checked against PyRadiomics' schema; settings given in
 * code ({@code RadiomicsSettings.of}/{@code with}) against what the code accepts, which is the schema but for the
 * few settings where PyRadiomics' own code accepts more than its schema does ({@link #SIGMA}: values ≤ 0 are
 * skipped; {@link #GLDM_A}: any number ≥ 0, whole numbers checked by GLDM; {@link #WAVELET}: any name, checked by
 * the wavelet filter; {@link #LBP2D_METHOD}: also {@code nri_uniform}).
 *
 * <p>A value's Java type ({@code T}) by kind: {@link Boolean}; {@link Integer}; {@link Number} for float settings
 * ({@link Integer} or {@link Long} when written as a whole number, else {@link Double}: PyRadiomics prints an integer
 * back as an integer in its diagnostics); {@code List<Integer>}; {@code List<Number>}; {@link String}; or one of the
 * {@link Choice} enums of this package.
 *
 * @param <T> the Java type of the setting's values
 */
public final class Setting<T> {

    /** The section of a parameter file a setting belongs to. */
    public enum Section {
        /** {@code setting:} and the per-image-type settings under {@code imageType:}. */
        SETTING("setting"),
        /** {@code voxelSetting:} (validated; voxel-based extraction is not implemented). */
        VOXEL_SETTING("voxelSetting");

        private final String key;

        Section(String key) {
            this.key = key;
        }

        /** The section's key in a parameter file. */
        public String key() {
            return key;
        }
    }

    private static final Map<Section, Map<String, Setting<?>>> REGISTRY = Map.of(
            Section.SETTING, new LinkedHashMap<>(), Section.VOXEL_SETTING, new LinkedHashMap<>());

    // ---- setting: (paramSchema.yaml order) ------------------------------------------------------------------

    /** nacrad's own: PyRadiomics mode (this schema) or IBSI mode (an IBSI parameter file, ibsi.IbsiParameters). */
    public static final Setting<Standard> STANDARD = choice("standard", Standard.values(), Standard.PYRADIOMICS,
            "pyradiomics (these settings) or ibsi (an IBSI-mode file, docs/ibsi.md); not a PyRadiomics setting");
    public static final Setting<Integer> MINIMUM_ROI_DIMENSIONS = integer("minimumROIDimensions", Range.between(1, 3),
            2, "axes along which the ROI must be more than one voxel thick (PyRadiomics' extractor default)");
    public static final Setting<Integer> MINIMUM_ROI_SIZE = integer("minimumROISize", Range.above(0), null,
            "the ROI must have more voxels than this; none: no check");
    public static final Setting<Number> GEOMETRY_TOLERANCE = real("geometryTolerance", Range.above(0), null,
            "how far image and mask grids may differ and still count as one (none: ITK's 1e-6)");
    public static final Setting<Boolean> CORRECT_MASK = flag("correctMask", false,
            "resample a mask whose grid differs from the image's onto the image grid (nearest neighbour)");
    public static final Setting<Boolean> ADDITIONAL_INFO = flag("additionalInfo", true,
            "write the diagnostics_* entries");
    public static final Setting<Integer> LABEL = integer("label", Range.above(0), 1,
            "the mask value that marks the ROI");
    /**
     * {@code label_channel}: in PyRadiomics the component of a vector (multi-layer segmentation) mask that holds
     * the ROI. nacrad's readers read scalar masks only, whose one component is channel 0, so channel 0 is accepted
     * (it is what PyRadiomics uses for a scalar mask) and any other channel is refused rather than ignored.
     */
    public static final Setting<Integer> LABEL_CHANNEL = integer("label_channel", Range.atLeast(0), 0,
            "the component of a vector (multi-layer) mask that holds the ROI").require(c -> c == 0,
            "nacrad reads scalar masks only (one component, channel 0); label_channel selects a layer of a vector "
                    + "(segmentation-object) mask: save that layer as a label map and use label instead");
    public static final Setting<Number> BIN_WIDTH = real("binWidth", Range.above(0), 25,
            "width of the grey-level bins (fixed bin size); ignored when binCount is given");
    public static final Setting<Integer> BIN_COUNT = integer("binCount", Range.above(0), null,
            "number of grey-level bins (fixed bin number), or none to use binWidth");
    public static final Setting<Boolean> NORMALIZE = flag("normalize", false,
            "z-score the whole image before extraction");
    public static final Setting<Number> NORMALIZE_SCALE = real("normalizeScale", Range.above(0), 1,
            "factor applied to the normalised image");
    public static final Setting<Number> REMOVE_OUTLIERS = real("removeOutliers", Range.above(0), null,
            "clip normalised values beyond this many standard deviations; none: no clipping");
    public static final Setting<List<Number>> RESAMPLED_PIXEL_SPACING = reals("resampledPixelSpacing",
            Range.atLeast(0), null, "new voxel spacing in mm along x, y, z (0 keeps an axis); none: no resampling");
    public static final Setting<SitkInterpolator> INTERPOLATOR = interpolator("interpolator", SitkInterpolator.BSPLINE,
            "SimpleITK interpolator of the image when resampling (name or number)");
    public static final Setting<Integer> PAD_DISTANCE = integer("padDistance", Range.atLeast(0), 5,
            "voxels kept around the ROI when resampling or pre-cropping");
    public static final Setting<List<Integer>> DISTANCES = integers("distances", Range.above(0), List.of(1),
            "neighbour distances (infinity norm) of GLCM, GLDM and NGTDM");
    public static final Setting<Boolean> FORCE_2D = flag("force2D", false,
            "texture and filters in-plane only (slices across force2Ddimension)");
    public static final Setting<Integer> FORCE_2D_DIMENSION = integer("force2Ddimension", Range.between(0, 2), 0,
            "the out-of-plane axis for force2D: 0 = z, 1 = y, 2 = x");
    public static final Setting<List<Number>> RESEGMENT_RANGE = reals("resegmentRange", Range.ANY, null,
            "keep only ROI voxels within [min] or [min, max] (see resegmentMode); none: no resegmentation");
    public static final Setting<ResegmentMode> RESEGMENT_MODE = choice("resegmentMode", ResegmentMode.values(),
            ResegmentMode.ABSOLUTE, "how resegmentRange is read: absolute, relative (to the ROI maximum) or sigma");
    public static final Setting<Boolean> RESEGMENT_SHAPE = flag("resegmentShape", false,
            "compute shape on the resegmented ROI as well");
    public static final Setting<Boolean> PRE_CROP = flag("preCrop", false,
            "crop image and mask to the ROI plus padDistance before filtering");
    public static final Setting<List<Number>> SIGMA = reals("sigma", Range.ANY, null,
            "LoG filter widths in mm (values ≤ 0 are skipped, as PyRadiomics' code does); none: no LoG image")
            .inParameterFiles(Rule.reals(Range.above(0)));
    public static final Setting<Integer> START_LEVEL = integer("start_level", Range.atLeast(0), 0,
            "first wavelet level returned");
    public static final Setting<Integer> LEVEL = integer("level", Range.above(0), 1,
            "number of wavelet levels returned");
    /** PyWavelets' discrete wavelet families ({@code pywt.wavelist(kind='discrete')}) as a name pattern. */
    private static final Pattern WAVELETS = Pattern.compile("haar|dmey|db([1-9]|[1-3][0-9])|sym([2-9]|1[0-9]|20)"
            + "|coif([1-9]|1[0-7])|bior(1\\.[135]|2\\.[2468]|3\\.[13579]|4\\.4|5\\.5|6\\.8)"
            + "|rbio(1\\.[135]|2\\.[2468]|3\\.[13579]|4\\.4|5\\.5|6\\.8)");
    public static final Setting<String> WAVELET = text("wavelet", "coif1", "PyWavelets name of the wavelet")
            .inParameterFiles(Rule.text(WAVELETS, "not a PyWavelets discrete wavelet name"));
    public static final Setting<Boolean> GRADIENT_USE_SPACING = flag("gradientUseSpacing", true,
            "gradient magnitude in physical units (per mm) rather than per voxel");
    public static final Setting<Number> LBP2D_RADIUS = real("lbp2DRadius", Range.above(0), 1,
            "radius of the LBP2D sampling circle in voxels");
    public static final Setting<Integer> LBP2D_SAMPLES = integer("lbp2DSamples", Range.atLeast(1), 8,
            "points on the LBP2D circle (8, the value PyRadiomics' code uses; its documentation says 9)");
    public static final Setting<Lbp2DMethod> LBP2D_METHOD = choice("lbp2DMethod", Lbp2DMethod.values(),
            Lbp2DMethod.UNIFORM, "the LBP2D code (scikit-image's local_binary_pattern method)")
            .inParameterFiles(Rule.choice(List.of(Lbp2DMethod.DEFAULT, Lbp2DMethod.ROR, Lbp2DMethod.UNIFORM,
                    Lbp2DMethod.VAR)));
    public static final Setting<Integer> LBP3D_LEVELS = integer("lbp3DLevels", Range.atLeast(1), 2,
            "spherical-harmonic levels of LBP3D (one image per level, plus the kurtosis image)");
    public static final Setting<Number> LBP3D_ICOSPHERE_RADIUS = real("lbp3DIcosphereRadius", Range.above(0), 1,
            "radius of the LBP3D sampling sphere in voxels");
    public static final Setting<Integer> LBP3D_ICOSPHERE_SUBDIVISION = integer("lbp3DIcosphereSubdivision",
            Range.atLeast(0), 1, "subdivisions of the LBP3D icosphere (12 points, then 42, 162, ...)");
    public static final Setting<Integer> VOXEL_ARRAY_SHIFT = integer("voxelArrayShift", Range.ANY, 0,
            "added to intensities in firstorder Energy, TotalEnergy and RootMeanSquared");
    public static final Setting<Boolean> SYMMETRICAL_GLCM = flag("symmetricalGLCM", true,
            "count each GLCM pair in both directions");
    public static final Setting<WeightingNorm> WEIGHTING_NORM = choice("weightingNorm", WeightingNorm.values(), null,
            "sum GLCM/GLRLM directions weighted in this norm; none: features per direction, averaged");
    public static final Setting<Number> GLDM_A = real("gldm_a", Range.atLeast(0), 0,
            "GLDM dependence threshold α (a whole number)").inParameterFiles(Rule.integer(Range.atLeast(0)));

    // ---- voxelSetting: --------------------------------------------------------------------------------------

    public static final Setting<Integer> KERNEL_RADIUS = voxel(integer("kernelRadius", Range.above(0), 1,
            "voxel-based extraction: kernel radius"));
    public static final Setting<Boolean> MASKED_KERNEL = voxel(flag("maskedKernel", true,
            "voxel-based extraction: kernel restricted to the ROI"));
    public static final Setting<Number> INIT_VALUE = voxel(real("initValue", Range.ANY, 0,
            "voxel-based extraction: value of voxels outside the ROI"));
    public static final Setting<Integer> VOXEL_BATCH = voxel(integer("voxelBatch", Range.above(0), null,
            "voxel-based extraction: voxels computed at once"));

    /**
     * The settings PyRadiomics' {@code RadiomicsFeatureExtractor} fills in with its defaults
     * ({@code _getDefaultSettings}), in its order: {@code diagnostics_Configuration_Settings} shows them whether
     * given or not, followed by the other settings given.
     */
    public static final List<Setting<?>> PYRADIOMICS_EXTRACTOR_DEFAULTS = List.of(MINIMUM_ROI_DIMENSIONS,
            MINIMUM_ROI_SIZE, NORMALIZE, NORMALIZE_SCALE, REMOVE_OUTLIERS, RESAMPLED_PIXEL_SPACING, INTERPOLATOR,
            PRE_CROP, PAD_DISTANCE, DISTANCES, FORCE_2D, FORCE_2D_DIMENSION, RESEGMENT_RANGE, LABEL, ADDITIONAL_INFO);

    // ---- the setting --------------------------------------------------------------------------------------------

    private final Section section;
    private final String name;
    private final Rule rule;
    private final Rule fileRule;
    private final T defaultValue;
    private final String doc;
    private final Predicate<T> condition;
    private final String conditionFails;

    private Setting(Section section, String name, Rule rule, Rule fileRule, T defaultValue, String doc,
                    Predicate<T> condition, String conditionFails) {
        this.section = section;
        this.name = name;
        this.rule = rule;
        this.fileRule = fileRule;
        this.defaultValue = defaultValue;
        this.doc = doc;
        this.condition = condition;
        this.conditionFails = conditionFails;
    }

    /** The setting's name, as written in parameter files. */
    public String name() {
        return name;
    }

    public Section section() {
        return section;
    }

    /** The value when the setting is not given (PyRadiomics' default), or null for none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** One line on what the setting does. */
    public String doc() {
        return doc;
    }

    /** The setting of a name in a section, if there is one. */
    public static Optional<Setting<?>> named(Section section, String name) {
        return Optional.ofNullable(REGISTRY.get(section).get(name));
    }

    /** Every setting of a section, in the schema's order. */
    public static Collection<Setting<?>> all(Section section) {
        return Collections.unmodifiableCollection(REGISTRY.get(section).values());
    }

    /**
     * Reads the settings of one section, as given in code or (with {@code parameterFile}) in a parameter file;
     * null values are left out (PyRadiomics' default applies).
     *
     * @return setting → value in the setting's Java type, in the order given
     * @throws InvalidSettingException for an unknown name or a value the setting refuses
     */
    public static Map<Setting<?>, Object> readAll(Section section, Map<String, ?> given, boolean parameterFile) {
        Map<Setting<?>, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            Setting<?> s = named(section, e.getKey()).orElseThrow(
                    () -> new InvalidSettingException(e.getKey() + ": unknown setting"));
            if (e.getValue() != null) {
                out.put(s, parameterFile ? s.readFromParameterFile(e.getValue()) : s.read(e.getValue()));
            }
        }
        return out;
    }

    /**
     * Reads a value given in code: converted to the setting's Java type and checked.
     *
     * @param raw a value as a YAML/JSON reader or a caller gives it (Boolean, a Number, a String, a List), not null
     * @throws InvalidSettingException naming the setting and what is wrong
     */
    public T read(Object raw) {
        return read(raw, rule);
    }

    /** As {@link #read}, against PyRadiomics' parameter-file schema (stricter for a few settings). */
    public T readFromParameterFile(Object raw) {
        return read(raw, fileRule);
    }

    @SuppressWarnings("unchecked")
    private T read(Object raw, Rule r) {
        T value = (T) r.read(name, raw);
        if (condition != null && !condition.test(value)) {
            throw new InvalidSettingException(name + ": " + conditionFails + " (got " + describe(raw) + ")");
        }
        return value;
    }

    /** A value as PyRadiomics shows it in its diagnostics: choices by their PyRadiomics name, the rest as is. */
    public static Object pythonValue(Object value) {
        return value instanceof Choice c ? c.pyName() : value;
    }

    /** Settings by PyRadiomics name with their values as PyRadiomics shows them, in the given order. */
    public static Map<String, Object> byName(Map<Setting<?>, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((s, v) -> m.put(s.name, pythonValue(v)));
        return m;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- building the schema --------------------------------------------------------------------------------

    private static <T> Setting<T> register(Setting<T> s) {
        REGISTRY.get(s.section).put(s.name, s); // replaces an earlier version of the same setting in place
        return s;
    }

    private static <T> Setting<T> define(String name, Rule rule, T defaultValue, String doc) {
        return register(new Setting<>(Section.SETTING, name, rule, rule, defaultValue, doc, null, null));
    }

    private static Setting<Boolean> flag(String name, boolean defaultValue, String doc) {
        return define(name, Rule.flag(), defaultValue, doc);
    }

    private static Setting<Integer> integer(String name, Range range, Integer defaultValue, String doc) {
        return define(name, Rule.integer(range), defaultValue, doc);
    }

    private static Setting<Number> real(String name, Range range, Number defaultValue, String doc) {
        return define(name, Rule.real(range), defaultValue, doc);
    }

    private static Setting<List<Integer>> integers(String name, Range range, List<Integer> defaultValue, String doc) {
        return define(name, Rule.integers(range), defaultValue, doc);
    }

    private static Setting<List<Number>> reals(String name, Range range, List<Number> defaultValue, String doc) {
        return define(name, Rule.reals(range), defaultValue, doc);
    }

    private static <E extends Enum<E> & Choice> Setting<E> choice(String name, E[] values, E defaultValue, String doc) {
        return define(name, Rule.choice(List.of(values)), defaultValue, doc);
    }

    private static Setting<SitkInterpolator> interpolator(String name, SitkInterpolator defaultValue, String doc) {
        return define(name, Rule.interpolator(), defaultValue, doc);
    }

    private static Setting<String> text(String name, String defaultValue, String doc) {
        return define(name, Rule.text(null, null), defaultValue, doc);
    }

    /** This setting under PyRadiomics' stricter parameter-file rule. */
    private Setting<T> inParameterFiles(Rule schema) {
        return register(new Setting<>(section, name, rule, schema, defaultValue, doc, condition, conditionFails));
    }

    /** This setting with a further condition on its values, on every path, and the reason when it fails. */
    private Setting<T> require(Predicate<T> test, String fails) {
        return register(new Setting<>(section, name, rule, fileRule, defaultValue, doc, test, fails));
    }

    private static <T> Setting<T> voxel(Setting<T> s) {
        REGISTRY.get(Section.SETTING).remove(s.name);
        return register(new Setting<>(Section.VOXEL_SETTING, s.name, s.rule, s.fileRule, s.defaultValue, s.doc,
                s.condition, s.conditionFails));
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /** Bounds on a number; min and max inclusive unless marked exclusive; null for none. */
    record Range(Double min, boolean minExclusive, Double max) {

        static final Range ANY = new Range(null, false, null);

        static Range above(double min) {
            return new Range(min, true, null);
        }

        static Range atLeast(double min) {
            return new Range(min, false, null);
        }

        static Range between(double min, double max) {
            return new Range(min, false, max);
        }

        Number check(String where, Number n) {
            double x = n.doubleValue();
            if (min != null && (minExclusive ? !(x > min) : !(x >= min))) {
                throw invalid(where, "must be " + (minExclusive ? "> " : ">= ") + fmt(min) + ", got " + n);
            }
            if (max != null && !(x <= max)) {
                throw invalid(where, "must be <= " + fmt(max) + ", got " + n);
            }
            return n;
        }
    }

    private enum Kind { FLAG, INTEGER, REAL, INTEGERS, REALS, CHOICE, INTERPOLATOR, TEXT }

    /** How values are read: their kind, range, the choices or the pattern a text must match. */
    private record Rule(Kind kind, Range range, List<? extends Choice> choices, Pattern pattern, String patternFails) {

        static Rule flag() {
            return new Rule(Kind.FLAG, Range.ANY, null, null, null);
        }

        static Rule integer(Range range) {
            return new Rule(Kind.INTEGER, range, null, null, null);
        }

        static Rule real(Range range) {
            return new Rule(Kind.REAL, range, null, null, null);
        }

        static Rule integers(Range range) {
            return new Rule(Kind.INTEGERS, range, null, null, null);
        }

        static Rule reals(Range range) {
            return new Rule(Kind.REALS, range, null, null, null);
        }

        static Rule choice(List<? extends Choice> choices) {
            return new Rule(Kind.CHOICE, Range.ANY, choices, null, null);
        }

        static Rule interpolator() {
            return new Rule(Kind.INTERPOLATOR, Range.ANY, List.of(SitkInterpolator.values()), null, null);
        }

        static Rule text(Pattern pattern, String fails) {
            return new Rule(Kind.TEXT, Range.ANY, null, pattern, fails);
        }

        Object read(String where, Object v) {
            switch (kind) {
                case FLAG:
                    if (!(v instanceof Boolean)) {
                        throw invalid(where, "expected true or false, got " + describe(v));
                    }
                    return v;
                case INTEGER:
                    return range.check(where, wholeNumber(where, v));
                case REAL:
                    return range.check(where, number(where, v));
                case INTEGERS:
                case REALS: {
                    if (!(v instanceof List<?> l)) {
                        throw invalid(where, "expected a list, got " + describe(v));
                    }
                    List<Number> out = new ArrayList<>(l.size());
                    for (int n = 0; n < l.size(); n++) {
                        String item = where + "[" + n + "]";
                        Object x = l.get(n);
                        out.add(range.check(item, kind == Kind.INTEGERS ? wholeNumber(item, x) : number(item, x)));
                    }
                    return List.copyOf(out);
                }
                case INTERPOLATOR:
                    if (v instanceof Integer i) { // SimpleITK's enum number
                        if (i < 1 || i > choices.size()) {
                            throw invalid(where, "interpolator number must be in 1.." + choices.size() + ", got " + i);
                        }
                        return choices.get(i - 1);
                    }
                    if (!(v instanceof String)) {
                        throw invalid(where, "expected an interpolator name or number, got " + describe(v));
                    }
                    return choose(where, v);
                case CHOICE:
                    return choose(where, v);
                case TEXT:
                    if (!(v instanceof String s)) {
                        throw invalid(where, "expected text, got " + describe(v));
                    }
                    if (pattern != null && !pattern.matcher(s).matches()) {
                        throw invalid(where, patternFails + ": " + describe(v));
                    }
                    return s;
                default:
                    throw new AssertionError(kind);
            }
        }

        private Choice choose(String where, Object v) {
            if (v instanceof Choice c && choices.contains(c)) {
                return c;
            }
            for (Choice c : choices) {
                if (c.pyName().equals(v)) {
                    return c;
                }
            }
            throw invalid(where, "must be one of " + choices.stream().map(Choice::pyName).toList() + ", got "
                    + describe(v));
        }
    }

    /** An integer setting's value: a whole number written as one (never a float, never a boolean). */
    private static Integer wholeNumber(String where, Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long || v instanceof BigInteger) {
            BigInteger b = v instanceof BigInteger bi ? bi : BigInteger.valueOf((Long) v);
            if (b.bitLength() < 32) {
                return b.intValue();
            }
            throw invalid(where, "is too large for an integer setting (at most " + Integer.MAX_VALUE + " in "
                    + "magnitude), got " + b);
        }
        throw invalid(where, "expected an integer, got " + describe(v));
    }

    /** A float setting's value: any number but NaN (never a boolean); whole numbers keep their integer type. */
    private static Number number(String where, Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Number) b.longValue() : (Number) b.doubleValue();
        }
        if ((v instanceof Double || v instanceof Float || v instanceof BigDecimal)
                && !Double.isNaN(((Number) v).doubleValue())) {
            return ((Number) v).doubleValue();
        }
        throw invalid(where, "expected a number, got " + describe(v));
    }

    private static InvalidSettingException invalid(String where, String what) {
        return new InvalidSettingException(where + ": " + what);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A value for a message: text quoted, containers named. */
    public static String describe(Object v) {
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
}
