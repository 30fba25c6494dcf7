package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * A PyRadiomics image type ({@code imageType:} section of a parameter file): {@code Original}, {@code Wavelet},
 * {@code LoG}, {@code Square}, {@code SquareRoot}, {@code Logarithm}, {@code Exponential}, {@code Gradient},
 * {@code LBP2D}, {@code LBP3D}.
 *
 * <p>Implementations are stateless; all parameters come from the settings (the general settings overridden by
 * the image type's own entries, as PyRadiomics merges them).
 */
public interface ImageFilter {

    /** The image type name as written in parameter files, e.g. {@code Wavelet}. */
    String name();

    /**
     * Derives the filtered images.
     *
     * @param image    the (preprocessed) image; filters work on what they are given, which may be the whole
     *                 image or a crop with enough padding
     * @param mask     the ROI mask on the same grid (some filters, e.g. LBP, or crop-aware callers may use it)
     * @param settings settings in force for this image type
     * @return each derived image with its output-name prefix, e.g. {@code wavelet-LLH}, {@code log-sigma-3-0-mm-3D},
     *         {@code square}, {@code original}
     */
    List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings);

    /** One derived image and its output prefix. */
    record Filtered(String prefix, Volume image) {
    }
}
