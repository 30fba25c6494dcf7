package org.nacrad.radiomics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.preprocess.LabelMap;
import org.nacrad.radiomics.settings.Limits;

/**
 * Segment-based feature extraction as PyRadiomics' {@code RadiomicsFeatureExtractor.execute}: one image, one label
 * map, the enabled image types and feature classes of a {@link ParameterFile}. Two stages:
 *
 * <ol>
 *   <li>{@link Preprocessing}: label selection, normalisation, resampling or cropping, mask correction, ROI checks
 *       and resegmentation, recording PyRadiomics' diagnostics on the way;</li>
 *   <li>{@link FeatureScheduler}: shape once, then each image type's filter, the discretisation of each derived
 *       image and every enabled class on it, as tasks on an {@link Executor}.</li>
 * </ol>
 *
 * <p>Names are {@code <image>_<class>_<feature>}, in PyRadiomics' order: diagnostics, shape, then per derived image
 * the classes in parameter-file order. The result does not depend on the executor. Memory beyond the input is
 * proportional to the ROI box (filters that need the whole image, like LoG, allocate it).
 *
 * <p>Instances are immutable and thread-safe; several cases may be extracted at once.
 */
public final class RadiomicsExtractor {

    private final ParameterFile params;
    private final FeatureScheduler scheduler;

    /** Single-threaded extraction. */
    public RadiomicsExtractor(ParameterFile params) {
        this(params, Runnable::run);
    }

    /** Extraction whose image types and classes run on {@code executor}. */
    public RadiomicsExtractor(ParameterFile params, Executor executor) {
        this.params = params;
        this.scheduler = new FeatureScheduler(params, executor);
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

    /**
     * The two stages. Sizes that settings make are checked before they are allocated ({@link Limits}); memory that
     * runs out anyway (a heap too full for this case) ends in the same kind of one-line error, not a crash.
     */
    private RadiomicsResult execute(Volume image, LabelMap labelMap, String imageName, String maskName) {
        try {
            Preprocessing.Prepared prepared = Preprocessing.run(image, labelMap, params, imageName, maskName);
            return new RadiomicsResult(prepared.diagnostics(), scheduler.run(prepared, imageName, maskName));
        } catch (OutOfMemoryError e) {
            throw new ExtractionException(imageName + ": " + Limits.outOfMemory("the extraction").getMessage(), e);
        }
    }
}
