package org.nacrad.radiomics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.filters.ImageFilter;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.radiomics.preprocess.BoundingBox;
import org.nacrad.radiomics.preprocess.Cropping;
import org.nacrad.radiomics.preprocess.Discretiser;
import org.nacrad.radiomics.preprocess.LabelMap;
import org.nacrad.radiomics.preprocess.Masks;
import org.nacrad.radiomics.preprocess.Normalisation;
import org.nacrad.radiomics.preprocess.Resampling;
import org.nacrad.radiomics.preprocess.Resegmentation;

/**
 * Segment-based feature extraction as PyRadiomics' {@code RadiomicsFeatureExtractor.execute}: one image, one label
 * map, the enabled image types and feature classes of a {@link ParameterFile}.
 *
 * <ol>
 *   <li>The label must be present ({@code getMask}). Diagnostics of the original image and mask.</li>
 *   <li>{@code normalize}: z-score over the whole image ({@link Normalisation}).</li>
 *   <li>{@code resampledPixelSpacing}: image and mask resampled to the new spacing on a grid around the ROI
 *       ({@link Resampling}); else {@code preCrop}: both cropped to the ROI plus {@code padDistance}.</li>
 *   <li>Mask checks ({@link Masks}): same grid as the image (else {@code correctMask} resamples the mask onto
 *       the image grid, or an error), bounding box, {@code minimumROIDimensions}, {@code minimumROISize}.</li>
 *   <li>{@code resegmentRange}: the ROI re-segmented by intensity ({@link Resegmentation}), then checked again.</li>
 *   <li>Shape (and shape2D with {@code force2D}) once, on the original image cropped to the ROI box, with the
 *       resegmented mask only when {@code resegmentShape}.</li>
 *   <li>Each image type derives its images ({@link ImageTypes}); each is cropped to the ROI box (no padding),
 *       discretised ({@link Discretiser}) with that image type's settings, and every enabled class computes on
 *       it.</li>
 * </ol>
 *
 * <p>Names are {@code <image>_<class>_<feature>}, in PyRadiomics' order: diagnostics, shape, then per derived image
 * the classes in parameter-file order. Image types and classes may be computed in parallel on the given
 * {@link Executor}; the result does not depend on it. Memory beyond the input is proportional to the ROI box
 * (filters that need the whole image, like LoG, allocate it).
 *
 * <p>Instances are immutable and thread-safe; several cases may be extracted at once.
 */
public final class RadiomicsExtractor {

    private final ParameterFile params;
    private final Executor executor;

    /** Single-threaded extraction. */
    public RadiomicsExtractor(ParameterFile params) {
        this(params, Runnable::run);
    }

    /** Extraction whose image types and classes run on {@code executor}. */
    public RadiomicsExtractor(ParameterFile params, Executor executor) {
        this.params = params;
        this.executor = executor;
        params.enabledFeatures(); // fail now for a class this build does not have
    }

    public ParameterFile parameters() {
        return params;
    }

    /**
     * Reads image and mask files and extracts.
     *
     * @throws IOException           a file cannot be read (message: file and problem)
     * @throws ExtractionException   the input cannot be extracted (message names the file and problem)
     */
    public RadiomicsResult execute(Path imageFile, Path maskFile) throws IOException {
        return execute(imageFile, maskFile, null);
    }

    /**
     * Reads image and mask files and extracts. The mask may be a label map (NIfTI, NRRD, DICOM series) or a DICOM-SEG
     * or RTSTRUCT file drawn on the image; {@code segment} then selects its segment (number or label) or ROI (number
     * or name), and may be null when there is only one. A segment given with a label-map mask is an error.
     */
    public RadiomicsResult execute(Path imageFile, Path maskFile, String segment) throws IOException {
        boolean dicomObject = Files.isRegularFile(maskFile) && ImageIO.isDicom(maskFile);
        if (segment != null && !dicomObject) {
            throw new IOException(maskFile + ": a segment (" + segment + ") selects a DICOM-SEG segment or an RTSTRUCT "
                    + "ROI, but this mask is a label map: choose its value with the label setting instead");
        }
        // the mask first, made compact before the image is read: the two full double arrays never coexist
        LabelMap mask = LabelMap.of(ImageIO.requireLabels(dicomObject ? ImageIO.readMask(maskFile, imageFile, segment)
                : ImageFiles.read(maskFile), maskFile.toString()));
        Volume image = ImageFiles.read(imageFile);
        return execute(image, mask, imageFile.toString(), maskFile.toString());
    }

    /** Extracts from volumes (messages call them "image" and "mask"). */
    public RadiomicsResult execute(Volume image, Volume labelMap) {
        return execute(image, LabelMap.wrap(labelMap), "image", "mask"); // the caller holds it anyway
    }

    private RadiomicsResult execute(Volume image, LabelMap labelMap, String imageName, String maskName) {
        RadiomicsSettings s = params.settings();
        int label = s.label();
        Map<String, Object> diag = new LinkedHashMap<>();
        boolean info = s.additionalInfo();
        if (info) {
            addVersions(diag);
            diag.put(Diagnostics.PREFIX + "Configuration_Settings", PythonRepr.of(effectiveSettings(s)));
            diag.put(Diagnostics.PREFIX + "Configuration_EnabledImageTypes", PythonRepr.of(params.imageTypes()));
        }
        try {
            labelMap.checkLabel(label);
        } catch (Masks.RoiException e) {
            throw new ExtractionException(maskName + ": " + e.getMessage());
        }
        // the ROI of the current label map; recomputed only where the label map changes
        boolean[] roi = labelMap.roi(label);
        if (info) {
            Diagnostics.addImage(diag, image, "original");
            Diagnostics.addMask(diag, null, labelMap.geometry(), labelMap, roi, "original");
        }

        if (s.normalize()) {
            image = Normalisation.normalize(image, s.normalizeScale(), s.removeOutliers());
        }
        String mismatch = Masks.geometryMismatch(image.geometry(), labelMap.geometry(), s.geometryTolerance());
        if (s.resampledPixelSpacing() != null && s.interpolator() != null) {
            // PyRadiomics' _checkROI: only the label's bounding box (the full checks follow on the new grid)
            BoundingBox bb0 = Masks.boundingBox(labelMap.geometry(), roi);
            Resampling.Result r;
            try {
                r = Resampling.resample(image, labelMap.toVolume(), label, bb0, s.resampledPixelSpacing(),
                        s.padDistance(), s.interpolator());
            } catch (Masks.RoiException e) {
                throw new ExtractionException(maskName + ": " + e.getMessage());
            }
            image = r.image();
            labelMap = LabelMap.of(r.labelMap());
            roi = labelMap.roi(label);
            if (info) {
                Diagnostics.addImage(diag, image, "interpolated");
                Diagnostics.addMask(diag, image, labelMap.geometry(), labelMap, roi, "interpolated");
            }
            mismatch = null;
        } else if (s.preCrop() && mismatch == null) {
            BoundingBox bb0 = roiCheck(labelMap.geometry(), roi, s, maskName);
            image = Cropping.crop(image, bb0, s.padDistance());
            labelMap = LabelMap.of(Cropping.crop(labelMap.toVolume(), bb0, s.padDistance()));
            roi = labelMap.roi(label);
        }

        if (mismatch != null) {
            if (!s.correctMask()) {
                throw new ExtractionException(maskName + ": mask and image " + imageName + " are not on the same grid ("
                        + mismatch + "); set correctMask or geometryTolerance");
            }
            checkRoiInsideImage(image.geometry(), labelMap, label, maskName, imageName);
            labelMap = LabelMap.of(org.nacrad.image.resample.Resampler.resample(labelMap.toVolume(), image.geometry(),
                    org.nacrad.image.resample.Interpolator.NEAREST_NEIGHBOR, 0));
            roi = labelMap.roi(label);
            if (info) {
                Diagnostics.addMask(diag, image, labelMap.geometry(), labelMap, roi, "corrected");
            }
        }
        Geometry g = image.geometry();
        BoundingBox bb = roiCheck(g, roi, s, maskName);
        checkFinite(image, roi, bb, label, imageName);

        boolean[] shapeRoi = roi;
        if (s.resegmentRange() != null) {
            boolean[] reseg;
            try {
                reseg = Resegmentation.resegment(image.data(), roi, s.resegmentRange(), s.resegmentMode());
            } catch (Masks.RoiException e) {
                throw new ExtractionException(maskName + ": " + e.getMessage());
            }
            bb = roiCheck(g, reseg, s, maskName);
            if (info) {
                Diagnostics.addMask(diag, image, g, null, reseg, "resegmented");
            }
            if (s.resegmentShape()) {
                shapeRoi = reseg;
            }
            roi = reseg;
        }

        Map<String, List<String>> enabled = params.enabledFeatures();
        Map<String, Double> features = new LinkedHashMap<>();
        List<CompletableFuture<Map<String, Double>>> parts = new ArrayList<>();
        parts.add(shapeTask(image, shapeRoi, bb, s, enabled));
        final Volume img = image;
        final boolean[] mask = roi;
        final BoundingBox box = bb;
        for (String type : params.imageTypes().keySet()) {
            ImageFilter filter = ImageTypes.find(type).orElseThrow();
            RadiomicsSettings ts = params.settingsFor(type);
            CompletableFuture<List<Filtered>> images = CompletableFuture.supplyAsync(
                    () -> filter.apply(img, mask, ts, box.lower(), box.size()), executor);
            parts.add(images.thenComposeAsync(list -> texture(list, mask, g, box, ts, enabled), executor));
        }
        try {
            for (CompletableFuture<Map<String, Double>> part : parts) {
                features.putAll(part.join());
            }
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re instanceof ExtractionException ? re
                        : new ExtractionException(imageName + " (mask " + maskName + "): " + c.getMessage(), c);
            }
            throw e;
        }
        return new RadiomicsResult(diag, features);
    }

    private CompletableFuture<Map<String, Double>> shapeTask(Volume image, boolean[] roi, BoundingBox bb,
                                                             RadiomicsSettings s, Map<String, List<String>> enabled) {
        List<String> shapeClasses = new ArrayList<>();
        if (enabled.containsKey("shape")) {
            shapeClasses.add("shape");
        }
        if (enabled.containsKey("shape2D") && s.force2D()) {
            shapeClasses.add("shape2D");
        }
        if (shapeClasses.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            FeatureInput in = new FeatureInput(bb.size(), image.geometry().spacing(), crop(roi, image.geometry(), bb),
                    image.region(bb.lower(), bb.size(), 0).data(), null, s);
            Map<String, Double> out = new LinkedHashMap<>();
            for (String cls : shapeClasses) {
                FeatureFamilies.byName(cls).compute(in, enabled.get(cls))
                        .forEach((k, v) -> out.put("original_" + cls + "_" + k, v));
            }
            return out;
        }, executor);
    }

    /** Every enabled non-shape class on each derived image, in order. */
    private CompletableFuture<Map<String, Double>> texture(List<Filtered> images, boolean[] roi, Geometry g,
                                                           BoundingBox bb, RadiomicsSettings s,
                                                           Map<String, List<String>> enabled) {
        boolean[] boxMask = crop(roi, g, bb);
        List<CompletableFuture<Map<String, Double>>> tasks = new ArrayList<>();
        for (Filtered f : images) {
            double[] values = f.image().data();
            CompletableFuture<int[]> levels = CompletableFuture.supplyAsync(
                    () -> Discretiser.discretise(values, boxMask, s.binWidth(), s.binCount()).levels(), executor);
            for (Map.Entry<String, List<String>> e : enabled.entrySet()) {
                String cls = e.getKey();
                if (cls.startsWith("shape")) {
                    continue;
                }
                FeatureFamily family = FeatureFamilies.byName(cls);
                tasks.add(levels.thenApplyAsync(lv -> {
                    FeatureInput in = new FeatureInput(bb.size(), g.spacing(), boxMask, values, lv, s);
                    Map<String, Double> out = new LinkedHashMap<>();
                    family.compute(in, e.getValue()).forEach((k, v) -> out.put(f.prefix() + "_" + cls + "_" + k, v));
                    return out;
                }, executor));
            }
        }
        return CompletableFuture.allOf(tasks.toArray(new CompletableFuture[0])).thenApply(x -> {
            Map<String, Double> out = new LinkedHashMap<>();
            for (CompletableFuture<Map<String, Double>> t : tasks) {
                out.putAll(t.join());
            }
            return out;
        });
    }

    /** The ROI restricted to its box. */
    static boolean[] crop(boolean[] roi, Geometry g, BoundingBox bb) {
        int[] lo = bb.lower();
        int[] sz = bb.size();
        boolean[] out = new boolean[sz[0] * sz[1] * sz[2]];
        int n = 0;
        for (int k = 0; k < sz[2]; k++) {
            for (int j = 0; j < sz[1]; j++) {
                int src = g.index(lo[0], lo[1] + j, lo[2] + k);
                for (int i = 0; i < sz[0]; i++) {
                    out[n++] = roi[src + i];
                }
            }
        }
        return out;
    }

    private static BoundingBox roiCheck(Geometry g, boolean[] roi, RadiomicsSettings s, String maskName) {
        try {
            return Masks.checkRoi(g, roi, s.label(), s.minimumROIDimensions(), s.minimumROISize());
        } catch (Masks.RoiException e) {
            throw new ExtractionException(maskName + ": " + e.getMessage());
        }
    }

    /**
     * PyRadiomics' {@code _checkROI} before correcting a mask: the ROI's bounding box (voxel corners) mapped into
     * the image's continuous index space must lie within the image, with a tolerance of 1e-3 voxel.
     */
    private static void checkRoiInsideImage(Geometry image, LabelMap labelMap, int label, String maskName,
                                            String imageName) {
        BoundingBox bb = Masks.boundingBox(labelMap.geometry(), labelMap.roi(label));
        int[] lo = bb.lower();
        int[] hi = bb.upper();
        Geometry mg = labelMap.geometry();
        for (double[] corner : new double[][] {
                {lo[0] - 0.5, lo[1] - 0.5, lo[2] - 0.5}, {hi[0] + 0.5, hi[1] + 0.5, hi[2] + 0.5}}) {
            double[] p = mg.indexToPhysical(corner[0], corner[1], corner[2]);
            double[] x = image.physicalToIndex(p[0], p[1], p[2]);
            for (int a = 0; a < 3; a++) {
                if (x[a] < -0.5 - 1e-3 || x[a] > image.size(a) - 0.5 + 1e-3) {
                    throw new ExtractionException(maskName + ": the ROI (label " + label
                            + ") extends outside the image " + imageName + "; cannot correct the mask");
                }
            }
        }
    }

    /** Fails for NaN or infinite voxels inside the ROI, naming the first (only the ROI's box is visited). */
    private static void checkFinite(Volume image, boolean[] roi, BoundingBox bb, int label, String imageName) {
        Geometry g = image.geometry();
        double[] d = image.data();
        int[] lo = bb.lower();
        int[] hi = bb.upper();
        int nan = 0;
        int first = -1;
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int n = g.index(lo[0], j, k), end = n + hi[0] - lo[0]; n <= end; n++) {
                    if (roi[n] && !Double.isFinite(d[n])) {
                        nan++;
                        if (first < 0) {
                            first = n;
                        }
                    }
                }
            }
        }
        if (nan > 0) {
            int i = first % g.nx(), j = (first / g.nx()) % g.ny(), k = first / (g.nx() * g.ny());
            throw new ExtractionException(imageName + ": " + nan + " voxel(s) inside the ROI (label " + label
                    + ") are NaN or infinite, first at index (" + i + ", " + j + ", " + k + ")");
        }
    }

    /** PyRadiomics' extractor defaults overridden by the given settings, as its Configuration_Settings shows them. */
    private static Map<String, Object> effectiveSettings(RadiomicsSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minimumROIDimensions", 2);
        m.put("minimumROISize", null);
        m.put("normalize", false);
        m.put("normalizeScale", 1);
        m.put("removeOutliers", null);
        m.put("resampledPixelSpacing", null);
        m.put("interpolator", "sitkBSpline");
        m.put("preCrop", false);
        m.put("padDistance", 5);
        m.put("distances", List.of(1));
        m.put("force2D", false);
        m.put("force2Ddimension", 0);
        m.put("resegmentRange", null);
        m.put("label", 1);
        m.put("additionalInfo", true);
        m.putAll(s.given());
        return m;
    }

    private static void addVersions(Map<String, Object> diag) {
        String v = RadiomicsExtractor.class.getPackage().getImplementationVersion();
        diag.put(Diagnostics.PREFIX + "Versions_nacrad", v == null ? "dev" : v);
        diag.put(Diagnostics.PREFIX + "Versions_PyRadiomicsReference", "8ed5793 (June 2025)");
        diag.put(Diagnostics.PREFIX + "Versions_Java", System.getProperty("java.version"));
    }
}
