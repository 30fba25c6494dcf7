package org.nacrad.radiomics;

import java.util.Map;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.resample.Interpolator;
import org.nacrad.image.resample.Resampler;
import org.nacrad.radiomics.preprocess.BoundingBox;
import org.nacrad.radiomics.preprocess.Cropping;
import org.nacrad.radiomics.preprocess.LabelMap;
import org.nacrad.radiomics.preprocess.Masks;
import org.nacrad.radiomics.preprocess.Normalisation;
import org.nacrad.radiomics.preprocess.Resampling;
import org.nacrad.radiomics.preprocess.Resegmentation;
import org.nacrad.radiomics.settings.Limits;
import org.nacrad.radiomics.settings.Setting;

/**
 * The preprocessing stage of an extraction, PyRadiomics' {@code RadiomicsFeatureExtractor.execute} up to the
 * features: one image and label map in, the {@link Prepared} image, ROI and diagnostics out. The steps, in
 * PyRadiomics' order, each a method below:
 *
 * <ol>
 *   <li>{@link #selectLabel}: the label must be present ({@code getMask}); diagnostics of the original image and
 *       mask;</li>
 *   <li>{@link #normalise}: {@code normalize} z-scores the whole image ({@link Normalisation});</li>
 *   <li>{@link #resampleOrCrop}: {@code resampledPixelSpacing} resamples image and mask on a grid around the ROI
 *       ({@link Resampling}); else {@code preCrop} crops both to the ROI plus {@code padDistance};</li>
 *   <li>{@link #correctMask}: a mask on another grid than the image is an error, or with {@code correctMask} is
 *       resampled onto the image grid;</li>
 *   <li>{@link #checkRoi}: the ROI's bounding box, {@code minimumROIDimensions}, {@code minimumROISize}
 *       ({@link Masks}), and no NaN or infinite voxel inside it;</li>
 *   <li>{@link #resegment}: {@code resegmentRange} removes ROI voxels by intensity ({@link Resegmentation}), and
 *       the ROI is checked again; shape keeps the original ROI unless {@code resegmentShape}.</li>
 * </ol>
 *
 * <p>Every problem is an {@link ExtractionException} naming the image or mask file.
 */
final class Preprocessing {

    /**
     * What the feature families compute on.
     *
     * @param image       the preprocessed image
     * @param roi         the ROI on the image's grid (resegmented when asked)
     * @param shapeRoi    the ROI shape is computed on (the ROI before resegmentation unless {@code resegmentShape})
     * @param box         the bounding box of the ROI
     * @param diagnostics PyRadiomics' {@code diagnostics_*} entries, in order (none without {@code additionalInfo})
     */
    record Prepared(Volume image, boolean[] roi, boolean[] shapeRoi, BoundingBox box, Map<String, Object> diagnostics) {
    }

    private final RadiomicsSettings s;
    private final String imageName;
    private final String maskName;
    private final Diagnostics diagnostics;
    private Volume image;
    private LabelMap labelMap;
    private boolean[] roi;
    /** How the mask's grid differs from the image's, or null when they are one grid. */
    private String mismatch;
    private BoundingBox box;
    private boolean[] shapeRoi;

    private Preprocessing(Volume image, LabelMap labelMap, RadiomicsSettings s, String imageName, String maskName,
                          Diagnostics diagnostics) {
        this.image = image;
        this.labelMap = labelMap;
        this.s = s;
        this.imageName = imageName;
        this.maskName = maskName;
        this.diagnostics = diagnostics;
    }

    /**
     * Runs the steps on an image and label map with a parameter file's general settings.
     *
     * @param imageName the image's file name (or "image"), for messages
     * @param maskName  the mask's file name (or "mask"), for messages
     */
    static Prepared run(Volume image, LabelMap labelMap, ParameterFile params, String imageName, String maskName) {
        RadiomicsSettings s = params.settings();
        Diagnostics diagnostics = Diagnostics.recorder(s.additionalInfo());
        diagnostics.configuration(s, params.imageTypes());
        Preprocessing p = new Preprocessing(image, labelMap, s, imageName, maskName, diagnostics);
        p.selectLabel();
        p.normalise();
        p.resampleOrCrop();
        p.correctMask();
        p.checkRoi();
        p.resegment();
        return new Prepared(p.image, p.roi, p.shapeRoi, p.box, diagnostics.entries());
    }

    private void selectLabel() {
        try {
            labelMap.checkLabel(s.label());
        } catch (Masks.RoiException e) {
            throw new ExtractionException(maskName + ": " + e.getMessage());
        }
        roi = labelMap.roi(s.label());
        diagnostics.image("original", image);
        diagnostics.mask("original", null, labelMap.geometry(), labelMap, roi);
    }

    private void normalise() {
        if (s.normalize()) {
            image = Normalisation.normalize(image, s.normalizeScale(), s.removeOutliers());
        }
    }

    private void resampleOrCrop() {
        mismatch = Masks.geometryMismatch(image.geometry(), labelMap.geometry(), s.geometryTolerance());
        if (s.resampledPixelSpacing() != null) {
            // PyRadiomics' _checkROI: only the label's bounding box (the full checks follow on the new grid)
            BoundingBox bb = Masks.boundingBox(labelMap.geometry(), roi);
            Resampling.Result r;
            try {
                r = Resampling.resample(image, labelMap.toVolume(), s.label(), bb, s.resampledPixelSpacing(),
                        s.padDistance(), s.get(Setting.INTERPOLATOR));
            } catch (Masks.RoiException e) {
                throw new ExtractionException(maskName + ": " + e.getMessage());
            } catch (Limits.Exceeded e) {
                throw new ExtractionException(imageName + ": " + e.getMessage(), e);
            }
            image = r.image();
            labelMap = LabelMap.of(r.labelMap());
            roi = labelMap.roi(s.label());
            diagnostics.image("interpolated", image);
            diagnostics.mask("interpolated", image, labelMap.geometry(), labelMap, roi);
            mismatch = null;
        } else if (s.preCrop() && mismatch == null) {
            BoundingBox bb = checkedBox(labelMap.geometry(), roi);
            image = Cropping.crop(image, bb, s.padDistance());
            labelMap = LabelMap.of(Cropping.crop(labelMap.toVolume(), bb, s.padDistance()));
            roi = labelMap.roi(s.label());
        }
    }

    private void correctMask() {
        if (mismatch == null) {
            return;
        }
        if (!s.correctMask()) {
            throw new ExtractionException(maskName + ": mask and image " + imageName + " are not on the same grid ("
                    + mismatch + "); set correctMask or geometryTolerance");
        }
        checkRoiInsideImage();
        labelMap = LabelMap.of(Resampler.resample(labelMap.toVolume(), image.geometry(),
                Interpolator.NEAREST_NEIGHBOR, 0));
        roi = labelMap.roi(s.label());
        diagnostics.mask("corrected", image, labelMap.geometry(), labelMap, roi);
    }

    private void checkRoi() {
        box = checkedBox(image.geometry(), roi);
        checkFinite();
        shapeRoi = roi;
    }

    private void resegment() {
        if (s.resegmentRange() == null) {
            return;
        }
        boolean[] reseg;
        try {
            reseg = Resegmentation.resegment(image.data(), roi, s.resegmentRange(), s.resegmentMode());
        } catch (Masks.RoiException e) {
            throw new ExtractionException(maskName + ": " + e.getMessage());
        }
        box = checkedBox(image.geometry(), reseg);
        diagnostics.mask("resegmented", image, image.geometry(), null, reseg);
        if (s.resegmentShape()) {
            shapeRoi = reseg;
        }
        roi = reseg;
    }

    /** PyRadiomics' {@code checkMask} on an ROI: its bounding box, or an error naming the mask. */
    private BoundingBox checkedBox(Geometry g, boolean[] r) {
        try {
            return Masks.checkRoi(g, r, s.label(), s.minimumROIDimensions(), s.minimumROISize());
        } catch (Masks.RoiException e) {
            throw new ExtractionException(maskName + ": " + e.getMessage());
        }
    }

    /**
     * PyRadiomics' {@code _checkROI} before correcting a mask: the ROI's bounding box (voxel corners) mapped into
     * the image's continuous index space must lie within the image, with a tolerance of 1e-3 voxel.
     */
    private void checkRoiInsideImage() {
        Geometry mg = labelMap.geometry();
        BoundingBox bb = Masks.boundingBox(mg, roi);
        int[] lo = bb.lower();
        int[] hi = bb.upper();
        Geometry ig = image.geometry();
        for (double[] corner : new double[][] {
                {lo[0] - 0.5, lo[1] - 0.5, lo[2] - 0.5}, {hi[0] + 0.5, hi[1] + 0.5, hi[2] + 0.5}}) {
            double[] p = mg.indexToPhysical(corner[0], corner[1], corner[2]);
            double[] x = ig.physicalToIndex(p[0], p[1], p[2]);
            for (int a = 0; a < 3; a++) {
                if (x[a] < -0.5 - 1e-3 || x[a] > ig.size(a) - 0.5 + 1e-3) {
                    throw new ExtractionException(maskName + ": the ROI (label " + s.label()
                            + ") extends outside the image " + imageName + "; cannot correct the mask");
                }
            }
        }
    }

    /** Fails for NaN or infinite voxels inside the ROI, naming the first (only the ROI's box is visited). */
    private void checkFinite() {
        Geometry g = image.geometry();
        double[] d = image.data();
        int[] lo = box.lower();
        int[] hi = box.upper();
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
            throw new ExtractionException(imageName + ": " + nan + " voxel(s) inside the ROI (label " + s.label()
                    + ") are NaN or infinite, first at index (" + i + ", " + j + ", " + k + ")");
        }
    }
}
