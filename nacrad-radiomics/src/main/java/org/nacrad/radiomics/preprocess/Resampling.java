package org.nacrad.radiomics.preprocess;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.resample.Interpolator;
import org.nacrad.image.resample.Resampler;
import org.nacrad.radiomics.settings.Limits;
import org.nacrad.radiomics.settings.SitkInterpolator;

/**
 * Resampling of image and mask to {@code resampledPixelSpacing} as PyRadiomics' {@code imageoperations.resampleImage}
 * does it: the new grid covers the mask's bounding box plus {@code padDistance} new voxels on each side (clipped to
 * the extent of the original image), its corner aligned on the corner of the mask's first voxel; a spacing of 0, or
 * an axis along which the ROI is one voxel thick, keeps the mask's spacing. The image is interpolated with the
 * chosen interpolator, the mask with nearest neighbour; both keep their pixel types. When the new spacing equals
 * the image's, only the mask is resampled (onto the image grid) and both are cropped to the ROI plus padDistance.
 * The resampling itself is {@link Resampler} (SimpleITK-exact).
 */
public final class Resampling {

    private Resampling() {
    }

    /** Resampled image and label map. */
    public record Result(Volume image, Volume labelMap) {
    }

    /**
     * The grid PyRadiomics builds.
     *
     * @param mask    the mask's geometry
     * @param bb      the ROI's bounding box in the mask
     * @param spacing requested spacing (0 = keep)
     * @param pad     padDistance in new voxels
     */
    public static Geometry grid(Geometry mask, BoundingBox bb, double[] spacing, int pad) {
        double[] ms = mask.spacing();
        int[] lo = bb.lower();
        int[] sz = bb.size();
        double[] sp = new double[3];
        double[] extent = new double[3];
        double[] originIndex = new double[3];
        for (int a = 0; a < 3; a++) {
            sp[a] = spacing[a] == 0 || sz[a] == 1 ? ms[a] : spacing[a];
            double ratio = ms[a] / sp[a];
            double newLo = Math.floor((lo[a] - 0.5) * ratio - pad);
            double newHi = Math.ceil((lo[a] + sz[a] - 0.5) * ratio + pad);
            double maxHi = Math.ceil(mask.size(a) * ratio) - 1;
            newLo = Math.max(newLo, 0);
            newHi = Math.min(newHi, maxHi);
            extent[a] = newHi - newLo + 1;
            originIndex[a] = 0.5 * (sp[a] - ms[a]) / ms[a] + newLo / ratio;
        }
        double voxels = extent[0] * extent[1] * extent[2];
        // the resampled image and mask (doubles) and the ROI
        Limits.require("resampledPixelSpacing [" + Limits.number(spacing[0]) + ", " + Limits.number(spacing[1]) + ", "
                + Limits.number(spacing[2]) + "] makes a " + Limits.number(extent[0]) + " x "
                + Limits.number(extent[1]) + " x " + Limits.number(extent[2]) + " grid around the ROI", voxels,
                17 * voxels, "raise resampledPixelSpacing");
        int[] size = {(int) extent[0], (int) extent[1], (int) extent[2]};
        double[] origin = mask.indexToPhysical(originIndex[0], originIndex[1], originIndex[2]);
        return new Geometry(size, sp, origin, mask.direction());
    }

    /** Resamples image and label map as PyRadiomics does. */
    public static Result resample(Volume image, Volume labelMap, int label, BoundingBox bb, double[] spacing,
                                  int pad, SitkInterpolator interpolator) {
        if (spacing.length != 3) {
            throw new Masks.RoiException("resampledPixelSpacing needs 3 values, got " + spacing.length);
        }
        Geometry mg = labelMap.geometry();
        double[] sp = new double[3];
        int[] sz = bb.size();
        boolean same = true;
        for (int a = 0; a < 3; a++) {
            sp[a] = spacing[a] == 0 || sz[a] == 1 ? mg.spacing(a) : spacing[a];
            // numpy.allclose(imageSpacing, sp): |a - b| <= 1e-8 + 1e-5 |b|
            same &= Math.abs(image.geometry().spacing(a) - sp[a]) <= 1e-8 + 1e-5 * Math.abs(sp[a]);
        }
        if (same) {
            Volume m = Resampler.resample(labelMap, image.geometry(), Interpolator.NEAREST_NEIGHBOR, 0);
            return crop(image, m, label, pad);
        }
        Geometry target = grid(mg, bb, spacing, pad);
        Volume im = Resampler.resample(image, target, interpolator(interpolator), 0);
        Volume m = Resampler.resample(labelMap, target, Interpolator.NEAREST_NEIGHBOR, 0);
        return new Result(im, m);
    }

    private static Result crop(Volume image, Volume labelMap, int label, int pad) {
        BoundingBox bb = Masks.boundingBox(labelMap.geometry(), Masks.roi(labelMap, label));
        if (bb == null) {
            throw new Masks.RoiException("mask is empty after resampling onto the image grid");
        }
        return new Result(Cropping.crop(image, bb, pad), Cropping.crop(labelMap, bb, pad));
    }

    /** The resampler's interpolation for a SimpleITK interpolator. */
    public static Interpolator interpolator(SitkInterpolator sitk) {
        return sitk.resampler().orElseThrow(() -> new Masks.RoiException("interpolator " + sitk.pyName()
                + " is not implemented (use sitkBSpline, sitkLinear or sitkNearestNeighbor)"));
    }
}
