package org.nacrad.radiomics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nacrad.image.Volume;
import org.nacrad.radiomics.filters.ImageFilter;
import org.nacrad.radiomics.filters.ImageFilters;

/**
 * The image types of a parameter file's {@code imageType:} section: {@code Original} (defined here) and the filters
 * of {@link ImageFilters}.
 */
public final class ImageTypes {

    /** Every image type PyRadiomics knows (some may not be implemented: see {@link #find}). */
    public static final List<String> PYRADIOMICS_NAMES = List.of("Original", "Wavelet", "LoG", "Square",
            "SquareRoot", "Logarithm", "Exponential", "Gradient", "LBP2D", "LBP3D");

    /** The unfiltered image, output prefix {@code original}. */
    public static final ImageFilter ORIGINAL = new ImageFilter() {
        @Override
        public String name() {
            return "Original";
        }

        @Override
        public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
            return List.of(new Filtered("original", image));
        }

        @Override
        public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings, int[] boxStart,
                                    int[] boxSize) {
            return List.of(new Filtered("original", image.region(boxStart, boxSize, 0)));
        }
    };

    private ImageTypes() {
    }

    /** The image type of a name, if implemented. */
    public static Optional<ImageFilter> find(String name) {
        return "Original".equals(name) ? Optional.of(ORIGINAL) : ImageFilters.find(name);
    }

    /** Names of the implemented image types. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        out.add("Original");
        out.addAll(ImageFilters.names());
        return out;
    }
}
