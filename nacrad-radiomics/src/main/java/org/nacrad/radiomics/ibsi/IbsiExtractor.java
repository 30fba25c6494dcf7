package org.nacrad.radiomics.ibsi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.ExtractionException;
import org.nacrad.radiomics.ImageFiles;
import org.nacrad.radiomics.ibsi.features.IntensityHistogram;
import org.nacrad.radiomics.ibsi.features.IntensityStatistics;
import org.nacrad.radiomics.ibsi.features.IntensityVolumeHistogram;
import org.nacrad.radiomics.ibsi.features.LocalIntensity;
import org.nacrad.radiomics.ibsi.features.Morphology;
import org.nacrad.radiomics.ibsi.texture.TextureInput;

/**
 * IBSI-1 feature extraction: image and mask (a label map, or a DICOM-SEG / RTSTRUCT segment) through
 * {@link IbsiProcessing} to the features of every enabled family, named by IBSI tag (or code).
 *
 * <p>The non-texture families are computed in 3D (manual, DHQ4): morphology on the morphological mask and the
 * intensity mask, local intensity on the image around the intensity mask, intensity statistics on the intensity
 * mask, the intensity histogram on its discretised levels, the intensity-volume histogram with its own
 * discretisation. The texture families read the discretised levels and the morphological mask
 * ({@link TextureInput}) and aggregate as the settings say.
 *
 * <p>Immutable and thread-safe.
 */
public final class IbsiExtractor {

    private final IbsiSettings settings;

    public IbsiExtractor(IbsiSettings settings) {
        this.settings = settings;
    }

    public IbsiSettings settings() {
        return settings;
    }

    /**
     * Reads image and mask files and extracts. The mask may be a label map or a DICOM-SEG / RTSTRUCT drawn on the
     * image, of which {@code segment} selects the segment or ROI (null when there is only one).
     *
     * @throws IOException         a file cannot be read (message: file and problem)
     * @throws ExtractionException the input cannot be extracted with these settings (message names the file)
     */
    public IbsiResult execute(Path imageFile, Path maskFile, String segment) throws IOException {
        boolean dicomObject = Files.isRegularFile(maskFile) && ImageIO.isDicom(maskFile);
        if (segment != null && !dicomObject) {
            throw new IOException(maskFile + ": a segment (" + segment + ") selects a DICOM-SEG segment or an RTSTRUCT "
                    + "ROI, but this mask is a label map: choose its value with the label setting instead");
        }
        Volume mask = dicomObject ? ImageIO.readMask(maskFile, imageFile, segment) : ImageFiles.read(maskFile);
        Volume image = ImageFiles.read(imageFile);
        try {
            return execute(image, mask);
        } catch (IllegalArgumentException e) {
            throw new ExtractionException(imageFile + " (mask " + maskFile + "): " + e.getMessage(), e);
        }
    }

    /**
     * Extracts from volumes.
     *
     * @throws IllegalArgumentException with a one-line message when the input does not suit the settings
     */
    public IbsiResult execute(Volume image, Volume labelMap) {
        IbsiSettings s = settings;
        IbsiRoi roi = IbsiProcessing.process(image, labelMap, s);
        double[] x = roi.intensities();
        Map<String, Double> f = new LinkedHashMap<>();
        IbsiDiscretiser.Levels levels = null;
        double rangeMin = s.resegmentRange() == null ? Double.NaN : s.resegmentRange()[0];
        boolean needLevels = s.families().stream().anyMatch(n -> !IbsiSettings.NON_TEXTURE.contains(n))
                || s.families().contains("intensity_histogram");
        if (needLevels) {
            levels = IbsiDiscretiser.discretise(roi.values(), roi.intensityMask(), s.discretisation(), rangeMin);
        }
        for (String family : s.families()) {
            switch (family) {
                case "morphology" -> f.putAll(new Morphology(roi.size(), roi.spacing(), roi.values(),
                        roi.intensityMask(), roi.morphMask()).features());
                case "local_intensity" -> f.putAll(new LocalIntensity(roi.size(), roi.spacing(), roi.values(),
                        roi.intensityMask()).features());
                case "statistics" -> f.putAll(new IntensityStatistics(x).features());
                case "intensity_histogram" -> f.putAll(new IntensityHistogram(masked(levels.levels(),
                        roi.intensityMask()), levels.levelCount()).features());
                case "intensity_volume_histogram" -> f.putAll(ivh(roi, x).features());
                default -> {
                    // texture families: all at once below
                }
            }
        }
        if (s.families().stream().anyMatch(n -> !IbsiSettings.NON_TEXTURE.contains(n))) {
            int[] sz = roi.size();
            TextureInput in = new TextureInput(sz[0], sz[1], sz[2], levels.levels(), levels.levelCount(),
                    roi.morphMask());
            f.putAll(IbsiTextures.compute(in, s));
        }
        Map<String, Double> named = f;
        if (s.codes()) {
            named = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : f.entrySet()) {
                named.put(IbsiCodes.codeOf(e.getKey()), e.getValue());
            }
        }
        return new IbsiResult(roi.diagnostics(), named);
    }

    private IntensityVolumeHistogram ivh(IbsiRoi roi, double[] x) {
        IbsiSettings.Discretisation d = settings.ivhDiscretisation();
        return switch (d.method()) {
            case NONE -> IntensityVolumeHistogram.discrete(x, settings.resegmentRange());
            case FBS -> IntensityVolumeHistogram.continuous(x, settings.resegmentRange(), d.value());
            case FBN -> {
                IbsiDiscretiser.Levels l = IbsiDiscretiser.discretise(roi.values(), roi.intensityMask(), d, Double.NaN);
                yield IntensityVolumeHistogram.arbitrary(masked(l.levels(), roi.intensityMask()), l.levelCount());
            }
        };
    }

    private static int[] masked(int[] levels, boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            if (b) {
                c++;
            }
        }
        int[] out = new int[c];
        for (int p = 0, q = 0; p < levels.length; p++) {
            if (mask[p]) {
                out[q++] = levels[p];
            }
        }
        return out;
    }
}
