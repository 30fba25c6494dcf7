package org.nacrad.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.radiomics.settings.InvalidSettingException;
import org.nacrad.radiomics.settings.Lbp2DMethod;
import org.nacrad.radiomics.settings.ResegmentMode;
import org.nacrad.radiomics.settings.Setting;
import org.nacrad.radiomics.settings.WeightingNorm;

/**
 * PyRadiomics extraction settings, named exactly as in PyRadiomics parameter files ({@code setting:} section and
 * the per-image-type overrides under {@code imageType:}); their names, types, ranges, defaults and meaning are the
 * schema {@link Setting}.
 *
 * <p>Immutable. Holds the settings that were given, each checked and converted to its setting's type when given
 * ({@link #of}, {@link #with}; a parameter file checks against PyRadiomics' stricter schema first). {@link #get}
 * returns a given value or the setting's default; the named getters below are shorthands for the settings the
 * engine reads.
 */
public final class RadiomicsSettings {

    private final Map<Setting<?>, Object> values;

    private RadiomicsSettings(Map<Setting<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** PyRadiomics' defaults (as used by {@code RadiomicsFeatureExtractor} with no parameter file). */
    public static RadiomicsSettings defaults() {
        return new RadiomicsSettings(Map.of());
    }

    /**
     * Settings with the given values by PyRadiomics name (null: the default).
     *
     * @throws InvalidSettingException for an unknown name or a value its setting refuses
     */
    public static RadiomicsSettings of(Map<String, ?> values) {
        return defaults().with(values);
    }

    /** Settings read from a parameter file's section, already checked against PyRadiomics' schema. */
    static RadiomicsSettings ofChecked(Map<Setting<?>, Object> values) {
        return new RadiomicsSettings(values);
    }

    /**
     * A copy with the given settings (by PyRadiomics name) replaced or added; a null value resets a setting to its
     * default.
     *
     * @throws InvalidSettingException for an unknown name or a value its setting refuses
     */
    public RadiomicsSettings with(Map<String, ?> overrides) {
        Map<Setting<?>, Object> m = new LinkedHashMap<>(values);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            Setting<?> s = Setting.named(Setting.Section.SETTING, e.getKey()).orElseThrow(
                    () -> new InvalidSettingException(e.getKey() + ": unknown setting"));
            if (e.getValue() == null) {
                m.remove(s);
            } else {
                m.put(s, s.read(e.getValue()));
            }
        }
        return new RadiomicsSettings(m);
    }

    /** A copy with one setting (by PyRadiomics name) replaced; checked as {@link #with(Map)}. */
    public RadiomicsSettings with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return with(m);
    }

    /** A copy with one setting replaced (null: its default); checked as {@link #with(Map)}. */
    public <T> RadiomicsSettings with(Setting<T> setting, T value) {
        return with(setting.name(), value);
    }

    /** A setting's value: the one given, or the setting's default (null where it has none). */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return values.containsKey(setting) ? (T) values.get(setting) : setting.defaultValue();
    }

    /** Whether a setting was given explicitly. */
    public boolean isGiven(Setting<?> setting) {
        return values.containsKey(setting);
    }

    /** The settings that were given explicitly (not the defaults), in the order given, as PyRadiomics shows them. */
    public Map<String, Object> given() {
        return Collections.unmodifiableMap(Setting.byName(values));
    }

    /**
     * The settings as PyRadiomics' extractor reports them in {@code diagnostics_Configuration_Settings}: its
     * defaults ({@link Setting#PYRADIOMICS_EXTRACTOR_DEFAULTS}) overridden by the settings given, then the other
     * settings given, in the order given.
     */
    public Map<String, Object> pyRadiomicsConfiguration() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Setting<?> s : Setting.PYRADIOMICS_EXTRACTOR_DEFAULTS) {
            m.put(s.name(), Setting.pythonValue(s.defaultValue()));
        }
        m.putAll(given());
        return m;
    }

    private double dbl(Setting<Number> s) {
        return get(s).doubleValue();
    }

    private Double dblOrNull(Setting<Number> s) {
        Number v = get(s);
        return v == null ? null : v.doubleValue();
    }

    private double[] dblList(Setting<List<Number>> s) {
        List<Number> l = get(s);
        return l == null ? null : l.stream().mapToDouble(Number::doubleValue).toArray();
    }

    // ---- Discretisation -------------------------------------------------------------------------------------

    /** {@code binWidth}: fixed bin width (default 25); ignored when {@link #binCount()} is set. */
    public double binWidth() {
        return dbl(Setting.BIN_WIDTH);
    }

    /** {@code binCount}: fixed bin number, or null (then binWidth is used). */
    public Integer binCount() {
        return get(Setting.BIN_COUNT);
    }

    // ---- Mask ---------------------------------------------------------------------------------------------

    /** {@code label}: the mask value that marks the ROI (default 1). */
    public int label() {
        return get(Setting.LABEL);
    }

    /** {@code minimumROIDimensions}: 1, 2 or 3 (the extractor's default is 2). */
    public int minimumROIDimensions() {
        return get(Setting.MINIMUM_ROI_DIMENSIONS);
    }

    /** {@code minimumROISize}: minimum number of ROI voxels, or null for no check. */
    public Integer minimumROISize() {
        return get(Setting.MINIMUM_ROI_SIZE);
    }

    /** {@code geometryTolerance}: ITK coordinate/direction tolerance, or null for ITK's default (1e-6). */
    public Double geometryTolerance() {
        return dblOrNull(Setting.GEOMETRY_TOLERANCE);
    }

    /** {@code correctMask}: resample a mask whose geometry differs onto the image grid (default false). */
    public boolean correctMask() {
        return get(Setting.CORRECT_MASK);
    }

    /** {@code additionalInfo}: emit the {@code diagnostics_*} entries (default true). */
    public boolean additionalInfo() {
        return get(Setting.ADDITIONAL_INFO);
    }

    // ---- Intensity -----------------------------------------------------------------------------------------

    /** {@code voxelArrayShift}: added to intensities for Energy, TotalEnergy and RootMeanSquared (default 0). */
    public double voxelArrayShift() {
        return get(Setting.VOXEL_ARRAY_SHIFT);
    }

    /** {@code normalize}: z-score the whole image before extraction (default false). */
    public boolean normalize() {
        return get(Setting.NORMALIZE);
    }

    /** {@code normalizeScale}: factor applied after normalisation (default 1). */
    public double normalizeScale() {
        return dbl(Setting.NORMALIZE_SCALE);
    }

    /** {@code removeOutliers}: clip normalised values beyond this many standard deviations, or null. */
    public Double removeOutliers() {
        return dblOrNull(Setting.REMOVE_OUTLIERS);
    }

    /** {@code resegmentRange}: [min] or [min, max], or null. */
    public double[] resegmentRange() {
        return dblList(Setting.RESEGMENT_RANGE);
    }

    /** {@code resegmentMode}: absolute (default), relative or sigma. */
    public ResegmentMode resegmentMode() {
        return get(Setting.RESEGMENT_MODE);
    }

    /** {@code resegmentShape}: use the resegmented mask for shape as well (default false). */
    public boolean resegmentShape() {
        return get(Setting.RESEGMENT_SHAPE);
    }

    // ---- Resampling and cropping ---------------------------------------------------------------------------

    /** {@code resampledPixelSpacing}: target spacing (mm; 0 keeps an axis), or null for no resampling. */
    public double[] resampledPixelSpacing() {
        return dblList(Setting.RESAMPLED_PIXEL_SPACING);
    }

    /**
     * {@code interpolator}: its SimpleITK name (default sitkBSpline), as written in parameter files; the
     * interpolator itself is {@code get(Setting.INTERPOLATOR)}.
     */
    public String interpolator() {
        return get(Setting.INTERPOLATOR).pyName();
    }

    /** {@code padDistance}: voxels of padding around the mask when resampling or pre-cropping (default 5). */
    public int padDistance() {
        return get(Setting.PAD_DISTANCE);
    }

    /** {@code preCrop}: crop image and mask to the ROI (plus padDistance) before filtering (default false). */
    public boolean preCrop() {
        return get(Setting.PRE_CROP);
    }

    // ---- 2D ------------------------------------------------------------------------------------------------

    /** {@code force2D}: compute texture in-plane only (default false). */
    public boolean force2D() {
        return get(Setting.FORCE_2D);
    }

    /** {@code force2Ddimension}: the out-of-plane axis for force2D, 0 = z (k), 1 = y (j), 2 = x (i). */
    public int force2Ddimension() {
        return get(Setting.FORCE_2D_DIMENSION);
    }

    // ---- Texture -------------------------------------------------------------------------------------------

    /** {@code distances}: neighbour distances for GLCM (and NGTDM/GLDM neighbourhoods); default [1]. */
    public int[] distances() {
        return get(Setting.DISTANCES).stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code symmetricalGLCM}: count each pair in both directions (default true). */
    public boolean symmetricalGLCM() {
        return get(Setting.SYMMETRICAL_GLCM);
    }

    /** {@code weightingNorm}: null (per-direction features), or the norm directions are weighted in. */
    public WeightingNorm weightingNorm() {
        return get(Setting.WEIGHTING_NORM);
    }

    /** {@code gldm_a}: dependence threshold α for GLDM (default 0). */
    public double gldmA() {
        return dbl(Setting.GLDM_A);
    }

    // ---- Filters -------------------------------------------------------------------------------------------

    /** {@code sigma}: LoG sigmas in mm, or null (no LoG image). */
    public double[] sigma() {
        return dblList(Setting.SIGMA);
    }

    /** {@code wavelet}: PyWavelets name (default coif1). */
    public String wavelet() {
        return get(Setting.WAVELET);
    }

    /** {@code start_level}: first wavelet level returned (default 0). */
    public int startLevel() {
        return get(Setting.START_LEVEL);
    }

    /** {@code level}: number of wavelet levels (default 1). */
    public int level() {
        return get(Setting.LEVEL);
    }

    /** {@code gradientUseSpacing}: gradient in physical units (default true). */
    public boolean gradientUseSpacing() {
        return get(Setting.GRADIENT_USE_SPACING);
    }

    /** {@code lbp2DRadius} (default 1). */
    public double lbp2DRadius() {
        return dbl(Setting.LBP2D_RADIUS);
    }

    /** {@code lbp2DSamples} (default 8). */
    public int lbp2DSamples() {
        return get(Setting.LBP2D_SAMPLES);
    }

    /** {@code lbp2DMethod} (default uniform). */
    public Lbp2DMethod lbp2DMethod() {
        return get(Setting.LBP2D_METHOD);
    }

    /** {@code lbp3DLevels} (default 2). */
    public int lbp3DLevels() {
        return get(Setting.LBP3D_LEVELS);
    }

    /** {@code lbp3DIcosphereRadius} (default 1). */
    public double lbp3DIcosphereRadius() {
        return dbl(Setting.LBP3D_ICOSPHERE_RADIUS);
    }

    /** {@code lbp3DIcosphereSubdivision} (default 1). */
    public int lbp3DIcosphereSubdivision() {
        return get(Setting.LBP3D_ICOSPHERE_SUBDIVISION);
    }

    @Override
    public String toString() {
        return "RadiomicsSettings" + given();
    }
}
