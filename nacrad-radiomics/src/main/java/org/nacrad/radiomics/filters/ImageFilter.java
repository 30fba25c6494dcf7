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

    /**
     * The derived images restricted to a box of the image (typically the ROI bounding box): equal to
     * {@link #apply(Volume, boolean[], RadiomicsSettings)} followed by cropping each result to the box, and each
     * result's geometry is the box ({@code image.geometry().region(boxStart, boxSize)}). Filters whose value at a
     * voxel depends only on a neighbourhood (Wavelet) override this to compute the box alone; the default filters
     * the whole image and crops.
     *
     * @param boxStart first voxel of the box (i, j, k), inside the image
     * @param boxSize  voxels of the box along i, j, k; the box must lie inside the image
     */
    default List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings, int[] boxStart,
                                 int[] boxSize) {
        ImageFilters.checkBox(image.geometry(), boxStart, boxSize);
        List<Filtered> whole = apply(image, mask, settings);
        List<Filtered> out = new java.util.ArrayList<>(whole.size());
        for (Filtered f : whole) {
            out.add(new Filtered(f.prefix(), f.image().region(boxStart, boxSize, 0)));
        }
        return List.copyOf(out);
    }

    /** One derived image and its output prefix. */
    record Filtered(String prefix, Volume image) {
    }
}
