package org.nacrad.radiomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.filters.ImageFilter;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.radiomics.preprocess.BoundingBox;
import org.nacrad.radiomics.preprocess.Discretiser;
import org.nacrad.radiomics.preprocess.Masks;

/**
 * Runs the feature classes of a parameter file on a {@link Preprocessing.Prepared} input, as tasks on an
 * {@link Executor}:
 * <ul>
 *   <li>shape (and shape2D with {@code force2D}) once, on the original image cropped to the ROI box, with the shape
 *       ROI;</li>
 *   <li>per image type: its filter derives its images on the ROI box ({@link ImageTypes}), with that image type's
 *       settings; per derived image the discretisation ({@link Discretiser}); then each enabled class on it.</li>
 * </ul>
 * A task starts when what it needs is done (a class when its image is discretised), so image types and classes
 * overlap on several threads. The result is assembled in PyRadiomics' order — shape, then per derived image the
 * classes in parameter-file order — whatever order the tasks finish in; it does not depend on the executor.
 */
final class FeatureScheduler {

    private final ParameterFile params;
    private final Executor executor;
    private final Map<String, List<String>> enabled;

    FeatureScheduler(ParameterFile params, Executor executor) {
        this.params = params;
        this.executor = executor;
        this.enabled = params.enabledFeatures(); // fails now for a class this build does not have
    }

    /**
     * The features of a prepared input, named {@code <image>_<class>_<feature>}.
     *
     * @throws ExtractionException for a failing task, naming the image and mask
     */
    Map<String, Double> run(Preprocessing.Prepared in, String imageName, String maskName) {
        Volume image = in.image();
        BoundingBox box = in.box();
        List<CompletableFuture<Map<String, Double>>> parts = new ArrayList<>();
        parts.add(shape(image, in.shapeRoi(), box));
        boolean[] boxMask = Masks.cropToBox(image.geometry(), in.roi(), box);
        for (String type : params.imageTypes().keySet()) {
            ImageFilter filter = ImageTypes.find(type).orElseThrow();
            RadiomicsSettings ts = params.settingsFor(type);
            CompletableFuture<List<Filtered>> images = CompletableFuture.supplyAsync(
                    () -> filter.apply(image, in.roi(), ts, box.lower(), box.size()), executor);
            parts.add(images.thenComposeAsync(list -> texture(list, boxMask, image.geometry(), box, ts), executor));
        }
        Map<String, Double> features = new LinkedHashMap<>();
        try {
            for (CompletableFuture<Map<String, Double>> part : parts) {
                features.putAll(part.join());
            }
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof OutOfMemoryError oom) {
                throw oom; // reported by the extractor
            }
            if (c instanceof RuntimeException re) {
                throw re instanceof ExtractionException ? re
                        : new ExtractionException(imageName + " (mask " + maskName + "): " + c.getMessage(), c);
            }
            throw e;
        }
        return features;
    }

    /** Shape, and shape2D with {@code force2D}, on the original image's ROI box. */
    private CompletableFuture<Map<String, Double>> shape(Volume image, boolean[] roi, BoundingBox bb) {
        RadiomicsSettings s = params.settings();
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
            FeatureInput in = new FeatureInput(bb.size(), image.geometry().spacing(),
                    Masks.cropToBox(image.geometry(), roi, bb), image.region(bb.lower(), bb.size(), 0).data(), null, s);
            Map<String, Double> out = new LinkedHashMap<>();
            for (String cls : shapeClasses) {
                FeatureFamilies.byName(cls).compute(in, enabled.get(cls))
                        .forEach((k, v) -> out.put("original_" + cls + "_" + k, v));
            }
            return out;
        }, executor);
    }

    /** Every enabled non-shape class on each derived image of one image type, in order. */
    private CompletableFuture<Map<String, Double>> texture(List<Filtered> images, boolean[] boxMask, Geometry g,
                                                           BoundingBox bb, RadiomicsSettings s) {
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
}
