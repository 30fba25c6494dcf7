package org.nacrad.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyRadiomics extraction settings, named exactly as in PyRadiomics parameter files ({@code setting:} section and
 * the per-image-type overrides under {@code imageType:}).
 *
 * <p>Immutable. Values are kept in a map of the settings that were given; each getter returns the given value or
 * PyRadiomics' default. {@link #with(Map)} applies overrides (for example an image type's own settings) and
 * returns a new object. Validation of names and types against PyRadiomics' schema is done where parameter files
 * are read ({@code ParameterFile}); this class assumes validated, normalised values (numbers as {@link Number},
 * lists as {@link List}).
 */
public final class RadiomicsSettings {

    private final Map<String, Object> values;

    private RadiomicsSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** PyRadiomics' defaults (as used by {@code RadiomicsFeatureExtractor} with no parameter file). */
    public static RadiomicsSettings defaults() {
        return new RadiomicsSettings(Map.of());
    }

    /** Settings with the given values (unknown keys are kept but should have been validated before). */
    public static RadiomicsSettings of(Map<String, ?> values) {
        return new RadiomicsSettings(new LinkedHashMap<>(values));
    }

    /** A copy with the given settings replaced or added; a null value resets a setting to its default. */
    public RadiomicsSettings with(Map<String, ?> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            if (e.getValue() == null) {
                m.remove(e.getKey());
            } else {
                m.put(e.getKey(), e.getValue());
            }
        }
        return new RadiomicsSettings(m);
    }

    /** A copy with one setting replaced. */
    public RadiomicsSettings with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return with(m);
    }

    /** The settings that were given explicitly (not the defaults), in the order given. */
    public Map<String, Object> given() {
        return values;
    }

    /** Whether a setting was given explicitly. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value of a setting, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    private double dbl(String key, double dflt) {
        Object v = values.get(key);
        return v == null ? dflt : ((Number) v).doubleValue();
    }

    private Double dblOrNull(String key) {
        Object v = values.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private int integer(String key, int dflt) {
        Object v = values.get(key);
        return v == null ? dflt : ((Number) v).intValue();
    }

    private boolean bool(String key, boolean dflt) {
        Object v = values.get(key);
        return v == null ? dflt : (Boolean) v;
    }

    private String str(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : v.toString();
    }

    private double[] dblList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        List<?> l = (List<?>) v;
        double[] out = new double[l.size()];
        for (int n = 0; n < out.length; n++) {
            out[n] = ((Number) l.get(n)).doubleValue();
        }
        return out;
    }

    // ---- Discretisation -------------------------------------------------------------------------------------

    /** {@code binWidth}: fixed bin width (default 25); ignored when {@link #binCount()} is set. */
    public double binWidth() {
        return dbl("binWidth", 25);
    }

    /** {@code binCount}: fixed bin number, or null (then binWidth is used). */
    public Integer binCount() {
        Object v = values.get("binCount");
        return v == null ? null : ((Number) v).intValue();
    }

    // ---- Mask ---------------------------------------------------------------------------------------------

    /** {@code label}: the mask value that marks the ROI (default 1). */
    public int label() {
        return integer("label", 1);
    }

    /** {@code minimumROIDimensions}: 1, 2 or 3 (the extractor's default is 2). */
    public int minimumROIDimensions() {
        return integer("minimumROIDimensions", 2);
    }

    /** {@code minimumROISize}: minimum number of ROI voxels, or null for no check. */
    public Integer minimumROISize() {
        Object v = values.get("minimumROISize");
        return v == null ? null : ((Number) v).intValue();
    }

    /** {@code geometryTolerance}: ITK coordinate/direction tolerance, or null for ITK's default (1e-6). */
    public Double geometryTolerance() {
        return dblOrNull("geometryTolerance");
    }

    /** {@code correctMask}: resample a mask whose geometry differs onto the image grid (default false). */
    public boolean correctMask() {
        return bool("correctMask", false);
    }

    /** {@code additionalInfo}: emit the {@code diagnostics_*} entries (default true). */
    public boolean additionalInfo() {
        return bool("additionalInfo", true);
    }

    // ---- Intensity -----------------------------------------------------------------------------------------

    /** {@code voxelArrayShift}: added to intensities for Energy, TotalEnergy and RootMeanSquared (default 0). */
    public double voxelArrayShift() {
        return dbl("voxelArrayShift", 0);
    }

    /** {@code normalize}: z-score the whole image before extraction (default false). */
    public boolean normalize() {
        return bool("normalize", false);
    }

    /** {@code normalizeScale}: factor applied after normalisation (default 1). */
    public double normalizeScale() {
        return dbl("normalizeScale", 1);
    }

    /** {@code removeOutliers}: clip normalised values beyond this many standard deviations, or null. */
    public Double removeOutliers() {
        return dblOrNull("removeOutliers");
    }

    /** {@code resegmentRange}: [min] or [min, max], or null. */
    public double[] resegmentRange() {
        return dblList("resegmentRange");
    }

    /** {@code resegmentMode}: absolute (default), relative or sigma. */
    public String resegmentMode() {
        return str("resegmentMode", "absolute");
    }

    /** {@code resegmentShape}: use the resegmented mask for shape as well (default false). */
    public boolean resegmentShape() {
        return bool("resegmentShape", false);
    }

    // ---- Resampling and cropping ---------------------------------------------------------------------------

    /** {@code resampledPixelSpacing}: target spacing (mm; 0 keeps an axis), or null for no resampling. */
    public double[] resampledPixelSpacing() {
        return dblList("resampledPixelSpacing");
    }

    /** {@code interpolator}: SimpleITK interpolator name (default sitkBSpline). */
    public String interpolator() {
        return str("interpolator", "sitkBSpline");
    }

    /** {@code padDistance}: voxels of padding around the mask when resampling or pre-cropping (default 5). */
    public int padDistance() {
        return integer("padDistance", 5);
    }

    /** {@code preCrop}: crop image and mask to the ROI (plus padDistance) before filtering (default false). */
    public boolean preCrop() {
        return bool("preCrop", false);
    }

    // ---- 2D ------------------------------------------------------------------------------------------------

    /** {@code force2D}: compute texture in-plane only (default false). */
    public boolean force2D() {
        return bool("force2D", false);
    }

    /** {@code force2Ddimension}: the out-of-plane axis for force2D, 0 = z (k), 1 = y (j), 2 = x (i). */
    public int force2Ddimension() {
        return integer("force2Ddimension", 0);
    }

    // ---- Texture -------------------------------------------------------------------------------------------

    /** {@code distances}: neighbour distances for GLCM (and NGTDM/GLDM neighbourhoods); default [1]. */
    public int[] distances() {
        double[] d = dblList("distances");
        if (d == null) {
            return new int[] {1};
        }
        int[] out = new int[d.length];
        for (int n = 0; n < d.length; n++) {
            out[n] = (int) d[n];
        }
        return out;
    }

    /** {@code symmetricalGLCM}: count each pair in both directions (default true). */
    public boolean symmetricalGLCM() {
        return bool("symmetricalGLCM", true);
    }

    /** {@code weightingNorm}: null, manhattan, euclidean, infinity or no_weighting. */
    public String weightingNorm() {
        Object v = values.get("weightingNorm");
        return v == null ? null : v.toString();
    }

    /** {@code gldm_a}: dependence threshold α for GLDM (default 0). */
    public double gldmA() {
        return dbl("gldm_a", 0);
    }

    // ---- Filters -------------------------------------------------------------------------------------------

    /** {@code sigma}: LoG sigmas in mm (no default: LoG needs it). */
    public double[] sigma() {
        return dblList("sigma");
    }

    /** {@code wavelet}: PyWavelets name (default coif1). */
    public String wavelet() {
        return str("wavelet", "coif1");
    }

    /** {@code start_level}: first wavelet level returned (default 0). */
    public int startLevel() {
        return integer("start_level", 0);
    }

    /** {@code level}: number of wavelet levels (default 1). */
    public int level() {
        return integer("level", 1);
    }

    /** {@code gradientUseSpacing}: gradient in physical units (default true). */
    public boolean gradientUseSpacing() {
        return bool("gradientUseSpacing", true);
    }

    public double lbp2DRadius() {
        return dbl("lbp2DRadius", 1);
    }

    public int lbp2DSamples() {
        return integer("lbp2DSamples", 9);
    }

    public String lbp2DMethod() {
        return str("lbp2DMethod", "uniform");
    }

    public int lbp3DLevels() {
        return integer("lbp3DLevels", 2);
    }

    public double lbp3DIcosphereRadius() {
        return dbl("lbp3DIcosphereRadius", 1);
    }

    public int lbp3DIcosphereSubdivision() {
        return integer("lbp3DIcosphereSubdivision", 1);
    }

    @Override
    public String toString() {
        return "RadiomicsSettings" + values;
    }
}
