package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.radiomics.features.Directions;
import org.nacrad.radiomics.settings.Limits;
import org.nacrad.radiomics.testing.TestImages;

/**
 * Settings that would make the extraction allocate more than Java can (or loop for ever) are refused before anything
 * is allocated, with one line naming the file, what was too large, the setting and how to raise the limit. Each of
 * these ended in an OutOfMemoryError (or a hang, for the distance) before.
 */
class ExtractionLimitsTest {

    @TempDir
    Path dir;

    private Throwable extract(String settings) throws IOException {
        Path image = TestImages.nrrdShort(dir.resolve("image.nrrd"), new int[] {6, 6, 6}, new double[] {1, 1, 1},
                TestImages.ramp(), false);
        Path mask = TestImages.nrrdShort(dir.resolve("mask.nrrd"), new int[] {6, 6, 6}, new double[] {1, 1, 1},
                TestImages.cube(), false);
        ParameterFile p = ParameterFile.parse("setting:\n  " + settings.strip() + "\n", "p.yaml");
        try {
            new RadiomicsExtractor(p).execute(image, mask);
        } catch (Exception e) {
            assertThat(e).isInstanceOf(ExtractionException.class);
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("no error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the ROI's intensities 86..129 in bins of 1e-9: 4.3e10 bins, more than one array holds
        "binWidth: 1e-9 | binWidth 1.0E-9 over the ROI's intensities [86, 129] makes | more than one Java array "
                + "holds (2147483631): | raise binWidth or use binCount",
        // 2e9 + 1 edges of 8 bytes: 14.9 GB, more than the tests' 3 GB heap
        "binCount: 2000000000 | binCount 2000000000 needs 14.9 GB, more than the | Java heap: lower binCount | "
                + "or raise the heap (NACRAD_JAVA_OPTS=-Xmx23g)",
        // a 6 mm ROI box and 2 voxels of padding at 0.001 mm: a grid of about 4000³ voxels
        "resampledPixelSpacing: [0.001, 0.001, 0.001] | resampledPixelSpacing [0.001, 0.001, 0.001] makes a | "
                + "grid around the ROI: | raise resampledPixelSpacing",
        "binCount: 70000 | glcm: 70000 grey levels in 13 directions: 4900000000 values | more than one Java array "
                + "holds | raise binWidth (or lower binCount) for fewer grey levels",
    })
    void tooLargeForTheHeapIsRefusedBeforeAllocating(String settings, String start, String middle, String end)
            throws IOException {
        String m = extract(settings).getMessage();
        assertThat(m).startsWith(dir.resolve("image.nrrd").toString()).contains(start.strip())
                .contains(middle.strip()).endsWith(end.strip());
    }

    /** distances: [1000000] looped over (2·10⁶ + 1)³ candidate offsets; now only those that fit the box. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void distancesLongerThanTheBoxEndAtOnceAsInPyRadiomics() throws IOException {
        assertThat(Directions.generate(new int[] {40, 50, 60}, new int[] {1_000_000}, true, -1)).isEmpty();
        assertThat(Directions.generate(new int[] {4, 4, 4}, new int[] {1, 1_000_000}, false, -1).length).isEqualTo(13);
        assertThat(extract("distances: [1000000]").getMessage()).endsWith(": distances [1000000]: no neighbour at "
                + "these distances fits in the 2 x 2 x 2 ROI box; use distances smaller than the box");
        assertThatThrownBy(() -> Directions.generate(new int[] {3000, 3000, 3000}, new int[] {2000}, true, -1))
                .isInstanceOf(Limits.Exceeded.class).hasMessageStartingWith("distances [2000] in a 3000 x 3000 x 3000 "
                        + "ROI box make up to 64048012001 directions: 64048012001 values, more than one Java array");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Wavelet: {level: 100000} | Wavelet: level 100000 from start_level 0 filters a window of | lower level or "
                + "start_level",
        "LBP3D: {lbp3DIcosphereSubdivision: 30} | LBP3D: lbp3DIcosphereSubdivision 30 and lbp3DLevels 2 make | "
                + "lower lbp3DIcosphereSubdivision or lbp3DLevels",
    })
    void filterSettingsTooLargeAreRefused(String imageType, String start, String end) throws IOException {
        Path image = TestImages.nrrdShort(dir.resolve("image.nrrd"), new int[] {6, 6, 6}, new double[] {1, 1, 1},
                TestImages.ramp(), false);
        Path mask = TestImages.nrrdShort(dir.resolve("mask.nrrd"), new int[] {6, 6, 6}, new double[] {1, 1, 1},
                TestImages.cube(), false);
        ParameterFile p = ParameterFile.parse("imageType:\n  " + imageType + "\nfeatureClass:\n  firstorder:\n",
                "p.yaml");
        assertThatThrownBy(() -> new RadiomicsExtractor(p).execute(image, mask))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith(image + " (mask " + mask + "): " + start.strip())
                .hasMessageEndingWith(end.strip());
    }
}
