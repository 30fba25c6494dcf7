package org.nacrad.radiomics.filters;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nacrad.image.Geometry;

/**
 * The PyRadiomics image types implemented in this package, looked up by the name used in parameter files
 * ({@code imageType:} keys). {@code Original} is not a filter and is handled by the extractor.
 */
public final class ImageFilters {

    private static final Map<String, ImageFilter> FILTERS = registry();

    private ImageFilters() {
    }

    private static Map<String, ImageFilter> registry() {
        Map<String, ImageFilter> m = new LinkedHashMap<>();
        for (ImageFilter f : List.of(new WaveletFilter(), new LoGFilter(), new SquareFilter(),
                new SquareRootFilter(), new LogarithmFilter(), new ExponentialFilter(), new GradientFilter(),
                new LBP2DFilter(), new LBP3DFilter())) {
            m.put(f.name(), f);
        }
        return m;
    }

    /** The filter of an image type name (case-sensitive, as PyRadiomics), if implemented. */
    public static Optional<ImageFilter> find(String imageType) {
        return Optional.ofNullable(FILTERS.get(imageType));
    }

    /**
     * The filter of an image type name.
     *
     * @throws IllegalArgumentException naming the image type and the available ones when it is unknown
     */
    public static ImageFilter byName(String imageType) {
        ImageFilter f = FILTERS.get(imageType);
        if (f == null) {
            throw new IllegalArgumentException("unknown image type '" + imageType + "'; available: Original, "
                    + String.join(", ", FILTERS.keySet()));
        }
        return f;
    }

    /** Names of the implemented image types (without Original), in PyRadiomics' documentation order. */
    public static List<String> names() {
        return List.copyOf(FILTERS.keySet());
    }

    /** Checks that a box lies inside the image. */
    static void checkBox(Geometry g, int[] start, int[] size) {
        for (int a = 0; a < 3; a++) {
            if (start[a] < 0 || size[a] < 1 || start[a] + size[a] > g.size(a)) {
                throw new IllegalArgumentException("box start " + Arrays.toString(start) + " size "
                        + Arrays.toString(size) + " is not inside the image of size " + Arrays.toString(g.size()));
            }
        }
    }
}
