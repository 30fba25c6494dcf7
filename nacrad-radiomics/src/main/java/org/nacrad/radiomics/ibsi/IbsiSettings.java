package org.nacrad.radiomics.ibsi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of an IBSI-1 extraction (Zwanenburg et al., IBSI reference manual, chapter 2 "Image processing"),
 * immutable and validated on construction: a bad setting is one {@link IllegalArgumentException} naming it.
 *
 * <p>The chain they drive ({@link IbsiProcessing}): optional rounding of the image to integers, interpolation to
 * {@code spacing} on the grid aligned as the manual prescribes (in-plane only when {@code slicewise}), rounding after
 * interpolation, ROI interpolation with the partial-volume threshold, range re-segmentation and outlier filtering of
 * the intensity mask, then discretisation for the intensity histogram and the texture families, and a separate one
 * for the intensity-volume histogram.
 *
 * @param label             the ROI's value in the label map
 * @param slicewise         2D processing (configurations A and B): interpolation within slices, texture matrices
 *                          per slice (2D and 2.5D aggregation); false for 3D
 * @param spacing           voxel spacing after interpolation (x, y, z in mm), or null for no interpolation; when
 *                          slicewise only x and y are used
 * @param imageInterpolation how the image is interpolated
 * @param roiInterpolation  how the ROI mask is interpolated ({@link Interpolation#NEAREST} or
 *                          {@link Interpolation#LINEAR})
 * @param roundIntensities  round intensities to the nearest integer (on reading and after interpolation), as for CT
 * @param partialVolume     the partial-volume threshold δ of an interpolated ROI: a voxel is in the ROI when its
 *                          interpolated mask value is ≥ δ
 * @param resegmentRange    the re-segmentation range [a, b] (b may be +∞), or null for none
 * @param outlierSigma      remove intensities outside μ ± outlierSigma·σ from the intensity mask, or 0 for none
 * @param discretisation    the discretisation of the intensity histogram and the texture families
 * @param ivhDiscretisation the discretisation of the intensity-volume histogram
 * @param families          the feature families to compute, in output order (see {@link #ALL_FAMILIES})
 * @param aggregations      texture family → its aggregations (tag suffixes such as {@code 3D_avg}, {@code 2_5D});
 *                          a family not listed, or with an empty list, gets every aggregation of the dimension
 * @param textureDistance   the Chebyshev distance δ of GLCM, NGTDM and NGLDM, and the linkage distance of GLSZM
 *                          and GLDZM
 * @param ngldmCoarseness   the NGLDM coarseness parameter α
 * @param codes             name features by their permanent 4-character IBSI codes instead of their tags
 * @param diagnostics       report the diagnostic rows of each processing step
 */
public record IbsiSettings(int label, boolean slicewise, double[] spacing, Interpolation imageInterpolation,
                           Interpolation roiInterpolation, boolean roundIntensities, double partialVolume,
                           double[] resegmentRange, double outlierSigma, Discretisation discretisation,
                           Discretisation ivhDiscretisation, List<String> families, Map<String, List<String>> aggregations,
                           int textureDistance, int ngldmCoarseness, boolean codes, boolean diagnostics) {

    /** Interpolation methods (manual §2 "Interpolation"). */
    public enum Interpolation {
        /** nearest neighbour */
        NEAREST,
        /** bilinear in 2D, trilinear in 3D */
        LINEAR,
        /** tricubic (bicubic in 2D) spline: cubic B-spline interpolation of the prefiltered image */
        CUBIC;

        /** Parses {@code nearest}, {@code linear} (also bilinear, trilinear), {@code cubic} (also tricubic, spline). */
        public static Interpolation parse(String s, String setting) {
            String v = s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
            return switch (v) {
                case "nearest", "nearestneighbour", "nearestneighbor" -> NEAREST;
                case "linear", "bilinear", "trilinear" -> LINEAR;
                case "cubic", "tricubic", "bicubic", "spline", "cubicspline", "tricubicspline", "bspline" -> CUBIC;
                default -> throw new IllegalArgumentException(setting + ": unknown interpolation '" + s
                        + "' (nearest, linear or cubic)");
            };
        }
    }

    /** Discretisation methods (manual §2 "Intensity discretisation"). */
    public enum Method {
        /** no discretisation: the intensities are used as they are (integers, as CT's Hounsfield units) */
        NONE,
        /** fixed bin size w_b from the lower bound of the re-segmentation range (Q3RU) */
        FBS,
        /** fixed bin number N_g over the ROI's intensity range (K15C) */
        FBN
    }

    /**
     * A discretisation.
     *
     * @param method the method
     * @param value  the bin width (FBS) or the bin count (FBN); unused for NONE
     */
    public record Discretisation(Method method, double value) {

        public static final Discretisation NONE = new Discretisation(Method.NONE, 0);

        public static Discretisation fbs(double width) {
            return new Discretisation(Method.FBS, width);
        }

        public static Discretisation fbn(int bins) {
            return new Discretisation(Method.FBN, bins);
        }

        @Override
        public String toString() {
            return switch (method) {
                case NONE -> "none";
                case FBS -> "FBS w=" + IbsiSettings.number(value);
                case FBN -> "FBN n=" + (long) value;
            };
        }
    }

    /** The families, in IBSI's order (the order of the reference tables). */
    public static final List<String> ALL_FAMILIES = List.of("morphology", "local_intensity", "statistics",
            "intensity_histogram", "intensity_volume_histogram", "glcm", "glrlm", "glszm", "gldzm", "ngtdm", "ngldm");

    /** The non-texture families (computed in 3D whatever the dimension, manual DHQ4). */
    public static final Set<String> NON_TEXTURE = Set.of("morphology", "local_intensity", "statistics",
            "intensity_histogram", "intensity_volume_histogram");

    /** Aggregations of GLCM and GLRLM. */
    public static final List<String> MATRIX_AGGREGATIONS = List.of("2D_avg", "2D_comb", "2_5D_avg", "2_5D_comb",
            "3D_avg", "3D_comb");

    /** Aggregations of GLSZM, GLDZM, NGTDM and NGLDM. */
    public static final List<String> ZONE_AGGREGATIONS = List.of("2D", "2_5D", "3D");

    public IbsiSettings {
        if (label < 1) {
            throw new IllegalArgumentException("label: must be > 0, got " + label);
        }
        if (spacing != null) {
            spacing = spacing.clone();
            if (spacing.length != 3 && !(slicewise && spacing.length == 2)) {
                throw new IllegalArgumentException("resampledPixelSpacing: needs 3 values (x, y, z), or 2 (x, y) in 2D,"
                        + " got " + spacing.length);
            }
            for (double s : spacing) {
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException("resampledPixelSpacing: every spacing must be > 0, got "
                            + Arrays.toString(spacing));
                }
            }
        }
        if (imageInterpolation == null || roiInterpolation == null) {
            throw new IllegalArgumentException("interpolator: must be given");
        }
        if (roiInterpolation == Interpolation.CUBIC) {
            throw new IllegalArgumentException("maskInterpolator: the ROI is interpolated by nearest neighbour or "
                    + "linear interpolation only (IBSI manual, E8H9), got cubic");
        }
        if (!(partialVolume > 0 && partialVolume <= 1)) {
            throw new IllegalArgumentException("partialVolumeThreshold: must be in (0, 1], got " + partialVolume);
        }
        if (resegmentRange != null) {
            resegmentRange = resegmentRange.clone();
            if (resegmentRange.length != 2 || Double.isNaN(resegmentRange[0]) || Double.isNaN(resegmentRange[1])
                    || Double.isInfinite(resegmentRange[0]) || !(resegmentRange[1] > resegmentRange[0])) {
                throw new IllegalArgumentException("resegmentRange: must be [a, b] with a < b (b may be .inf), got "
                        + Arrays.toString(resegmentRange));
            }
        }
        if (!(outlierSigma >= 0) || Double.isInfinite(outlierSigma)) {
            throw new IllegalArgumentException("outlierSigma: must be ≥ 0 (0 for no outlier filtering), got "
                    + outlierSigma);
        }
        checkDiscretisation("", discretisation, resegmentRange);
        checkDiscretisation("ivh", ivhDiscretisation, resegmentRange);
        List<String> fam = new ArrayList<>();
        for (String f : families) {
            if (!ALL_FAMILIES.contains(f)) {
                throw new IllegalArgumentException("featureClass: unknown IBSI family '" + f + "' (one of "
                        + String.join(", ", ALL_FAMILIES) + ")");
            }
            if (!fam.contains(f)) {
                fam.add(f);
            }
        }
        if (fam.isEmpty()) {
            throw new IllegalArgumentException("featureClass: no feature family enabled");
        }
        families = List.copyOf(fam);
        Map<String, List<String>> agg = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : aggregations.entrySet()) {
            String family = e.getKey();
            if (!ALL_FAMILIES.contains(family)) {
                throw new IllegalArgumentException("featureClass: unknown IBSI family '" + fam + "'");
            }
            if (NON_TEXTURE.contains(family)) {
                if (!e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("featureClass." + family + ": " + family + " is computed in 3D (IBSI "
                            + "DHQ4) and has no aggregation, got " + e.getValue());
                }
                continue;
            }
            List<String> allowed = directional(family) ? MATRIX_AGGREGATIONS : ZONE_AGGREGATIONS;
            for (String a : e.getValue()) {
                if (!allowed.contains(a)) {
                    throw new IllegalArgumentException("featureClass." + family + ": aggregation " + a + " is not defined "
                            + "for " + family.toUpperCase(Locale.ROOT) + " (it has " + String.join(", ", allowed) + ")");
                }
                if (slicewise && a.startsWith("3D")) {
                    throw new IllegalArgumentException("featureClass." + family + ": " + a + " is a 3D aggregation but "
                            + "dimension is 2D (slice-wise interpolation leaves anisotropic voxels): use 2D or 2_5D "
                            + "aggregations, or dimension: 3D");
                }
            }
            agg.put(family, List.copyOf(new LinkedHashSet<>(e.getValue())));
        }
        aggregations = Collections.unmodifiableMap(agg);
        if (textureDistance < 1) {
            throw new IllegalArgumentException("distance: must be ≥ 1, got " + textureDistance);
        }
        if (ngldmCoarseness < 0) {
            throw new IllegalArgumentException("ngldmCoarseness: must be ≥ 0, got " + ngldmCoarseness);
        }
    }

    private static void checkDiscretisation(String prefix, Discretisation d, double[] range) {
        if (d == null) {
            throw new IllegalArgumentException(prefix + "discretisation: must be given");
        }
        String name = prefix + (prefix.isEmpty() ? "b" : "B") + (d.method() == Method.FBS ? "inWidth" : "inCount");
        switch (d.method()) {
            case NONE -> {
                // the intensities are used as grey levels: checked on the data (whole numbers ≥ 1, or for the IVH
                // whole numbers)
            }
            case FBS -> {
                if (!(d.value() > 0) || Double.isInfinite(d.value())) {
                    throw new IllegalArgumentException(name + ": must be > 0, got " + d.value());
                }
                if (range == null && prefix.isEmpty()) {
                    // (the IVH's continuous case may start at the ROI minimum, manual §3.5)
                    throw new IllegalArgumentException(name + ": fixed bin size discretises from the lower bound of "
                            + "the re-segmentation range, but no resegmentRange is set (IBSI manual Q3RU: set "
                            + "resegmentRange, or use " + prefix + (prefix.isEmpty() ? "b" : "B") + "inCount)");
                }
            }
            case FBN -> {
                if (!(d.value() >= 1) || d.value() != Math.rint(d.value()) || d.value() > 1_000_000) {
                    throw new IllegalArgumentException(name + ": must be a whole number ≥ 1, got "
                            + number(d.value()));
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The settings of the IBSI digital phantom (manual, chapter 5): no processing, the phantom's integer
     * intensities 1…6 used as grey levels as they are (no discretisation), every family and every aggregation.
     */
    public static IbsiSettings digitalPhantom() {
        Map<String, List<String>> agg = new LinkedHashMap<>();
        for (String f : ALL_FAMILIES) {
            if (!NON_TEXTURE.contains(f)) {
                agg.put(f, directional(f) ? MATRIX_AGGREGATIONS : ZONE_AGGREGATIONS);
            }
        }
        return new IbsiSettings(1, false, null, Interpolation.LINEAR, Interpolation.LINEAR, false, 0.5,
                null, 0, Discretisation.NONE, Discretisation.NONE, ALL_FAMILIES, agg, 1, 0, false, true);
    }

    /** Whether a texture family aggregates per direction (GLCM, GLRLM). */
    public static boolean directional(String family) {
        return family.equals("glcm") || family.equals("glrlm");
    }

    /** A texture family's aggregations in effect: the given ones, or all of the dimension's. */
    public List<String> aggregationsOf(String family) {
        List<String> given = aggregations.getOrDefault(family, List.of());
        if (!given.isEmpty()) {
            return given;
        }
        List<String> out = new ArrayList<>();
        for (String a : directional(family) ? MATRIX_AGGREGATIONS : ZONE_AGGREGATIONS) {
            if (slicewise != a.startsWith("3D")) {
                out.add(a);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether any enabled texture family aggregates in 3D. */
    public boolean any3dTexture() {
        return families.stream().filter(f -> !NON_TEXTURE.contains(f))
                .anyMatch(f -> aggregationsOf(f).stream().anyMatch(a -> a.startsWith("3D")));
    }

    @Override
    public double[] spacing() {
        return spacing == null ? null : spacing.clone();
    }

    @Override
    public double[] resegmentRange() {
        return resegmentRange == null ? null : resegmentRange.clone();
    }

    /** A number without a trailing ".0". */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
