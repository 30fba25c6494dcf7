package org.nacrad.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nacrad.diffusion.DiffusionMapsTest.B;
import static org.nacrad.diffusion.DiffusionMapsTest.G;
import static org.nacrad.diffusion.DiffusionMapsTest.series;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * b-values that cannot belong to the series, and regions where no fit succeeds, end in a one-line error naming the
 * input: never in all-NaN ADC, MD and MK with exit 0. The volumes are those of {@link DiffusionMapsTest} (b = 0,
 * 50, 800, 1500, 2000; tumour at x &lt; 4, reference at x ≥ 8).
 */
class BValueCatalogueTest {

    static Volume mask(boolean tumour) {
        boolean[] r = DiffusionMapsTest.region(tumour);
        double[] d = new double[r.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = r[n] ? 1 : 0;
        }
        return new Volume(G, PixelType.UINT8, d);
    }

    static DiffusionAnalysis.Result run(double[] b) {
        return DiffusionAnalysis.run(series(B), b, "dwi.nii.gz", mask(true), "tumour.nii.gz", mask(false),
                "reference.nii.gz", DiffusionMaps.Options.defaults(), false);
    }

    static Stream<Arguments> badBValues() {
        return Stream.of(
            Arguments.of("reversed", new double[] {2000, 1500, 800, 50, 0}, "dwi.nii.gz: the signal does not decrease "
                + "with b (mean over the masks 145.1 at b = 0, 800 at b = 2000): the b-values do not match the order of "
                + "the volumes (reversed or from another series?)"),
            Arguments.of("negative", new double[] {0, 50, -800, 1500, 2000}, "dwi.nii.gz: b-value 3 is -800.0 (must be "
                + "a number ≥ 0)"),
            Arguments.of("NaN", new double[] {0, 50, 800, Double.NaN, 2000}, "dwi.nii.gz: b-value 4 is NaN (must be a "
                + "number ≥ 0)"),
            Arguments.of("infinite", new double[] {0, 50, 800, 1500, Double.POSITIVE_INFINITY}, "dwi.nii.gz: b-value 5 "
                + "is Infinity (must be a number ≥ 0)"),
            Arguments.of("no b=0", new double[] {50, 100, 800, 1500, 2000}, "dwi.nii.gz: no b=0 volume (b-values "
                + "[50.0, 100.0, 800.0, 1500.0, 2000.0])"),
            Arguments.of("all equal", new double[] {0, 0, 0, 0, 0}, "dwi.nii.gz: all 5 b-values are 0.0: a diffusion "
                + "fit needs at least two different b-values"),
            Arguments.of("count", new double[] {0, 800, 1500, 2000}, "dwi.nii.gz: 4 b-values for 5 diffusion volumes: "
                + "the counts must match"),
            Arguments.of("s/m²", new double[] {0, 5e7, 8e8, 1.5e9, 2e9}, "dwi.nii.gz: b-value 2.0E9 is beyond 10000 "
                + "s/mm² (b-values must be in s/mm²; s/m² would be 10⁶ times larger)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badBValues(String name, double[] b, String message) {
        assertThatThrownBy(() -> run(b)).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void goodBValuesGiveNumbers() {
        DiffusionAnalysis.Result r = run(B);
        assertThat(r.summary().tumour().md().mean()).isFinite();
        assertThat(r.summary().reference().adc().mean()).isFinite();
    }

    /** A b-value file that is something else (a wrong path, a link to another file) is refused without its text. */
    @Test
    void aFileThatIsNotBValuesIsNotQuoted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("dwi.bval"),
                "0 800\nroot:x:0:0:root:/root:/bin/bash\n");
        assertThatThrownBy(() -> DiffusionAnalysis.readBvals(f)).isInstanceOf(java.io.IOException.class)
                .hasMessage(f + ": b-value 3 is not a number (not a b-value file?)");
        java.nio.file.Path big = java.nio.file.Files.write(dir.resolve("big.bval"), new byte[(1 << 20) + 1]);
        assertThatThrownBy(() -> DiffusionAnalysis.readBvals(big)).isInstanceOf(java.io.IOException.class)
                .hasMessage(big + ": 1048577 bytes is too large for a b-value file");
        assertThat(DiffusionAnalysis.readBvals(java.nio.file.Files.writeString(dir.resolve("ok.bval"), "0 800\t1500\n")))
                .containsExactly(0, 800, 1500);
    }

    /** Signals that make every fit of a region fail (zero signal at high b): said, with the reasons counted. */
    @Test
    void aRegionWhereEveryFitFailsIsAnError() {
        List<Volume> v = series(B);
        double[] last = v.get(4).data().clone();
        boolean[] tumour = DiffusionMapsTest.region(true);
        for (int n = 0; n < last.length; n++) {
            if (tumour[n]) {
                last[n] = 0;
            }
        }
        v = List.of(v.get(0), v.get(1), v.get(2), v.get(3), new Volume(G, PixelType.FLOAT32, last));
        List<Volume> dwi = v;
        assertThatThrownBy(() -> DiffusionAnalysis.run(dwi, B, "dwi.nii.gz", mask(true), "tumour.nii.gz", null, null,
                DiffusionMaps.Options.defaults(), false))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("tumour.nii.gz: the kurtosis (MD, MK) fit failed in all 160 voxels of the tumour mask (160 "
                        + "bad signal): no tumour value can be given; check the b-values and that the mask lies on the "
                        + "diffusion images");
    }
}
