package org.nacrad.image.resample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.ItkDump;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.NiftiReader;

/**
 * Resampling against ITK 5.2.1's ResampleImageFilter ({@code itk_resample.txt}, made by {@code itk_dump.cxx}):
 * nearest neighbour, linear and cubic B-spline, a random int16 image on an oblique grid and a random float32
 * image, onto shifted grids of other spacing (partly outside the input), one of them placing every point on a
 * half-voxel tie and with the first and last points exactly on the −0.5 and size − 0.5 borders. All outputs must
 * be bit-identical to ITK's.
 */
class ResamplerTest {

    static Stream<ItkDump> itkCases() {
        return ItkDump.parse("itk/itk_resample.txt", "case").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itkCases")
    void matchesItk(ItkDump itk) throws Exception {
        String[] a = itk.header().split(" ");
        Volume input = NiftiReader.read(ItkDump.resource("itk/" + a[0]));
        Interpolator interp = switch (a[1]) {
            case "nn" -> Interpolator.NEAREST_NEIGHBOR;
            case "linear" -> Interpolator.LINEAR;
            default -> Interpolator.BSPLINE;
        };
        PixelType out = switch (a[2]) {
            case "short" -> PixelType.INT16;
            case "float" -> PixelType.FLOAT32;
            default -> PixelType.FLOAT64;
        };
        double[] n = Arrays.stream(a, 3, a.length).mapToDouble(Double::parseDouble).toArray();
        Geometry target = new Geometry(new int[] {(int) n[0], (int) n[1], (int) n[2]},
                Arrays.copyOfRange(n, 3, 6), Arrays.copyOfRange(n, 6, 9), Arrays.copyOfRange(n, 9, 18));
        Volume result = Resampler.resample(input, target, interp, n[18], out);

        assertThat(result.pixelType()).isEqualTo(out);
        assertThat(result.geometry().size()).containsExactly(itk.size());
        double[] got = result.data();
        double[] want = itk.values();
        assertThat(got).hasSameSizeAs(want);
        int defaults = 0;
        for (int i = 0; i < got.length; i++) {
            if (want[i] == n[18]) {
                defaults++;
            }
            // bit-identical to ITK, double outputs included (the brief asks 1e-9 relative; we get 0)
            assertThat(got[i]).as("voxel %d", i).isEqualTo(want[i]);
        }
        // the grids are chosen to run partly outside the input: the default value must be exercised
        assertThat(defaults).isGreaterThan(0);
    }

    @Test
    void workedExampleLinear() {
        Volume line = new Volume(Geometry.of(new int[] {3, 1, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, new double[] {10, 20, 30});
        Geometry target = Geometry.of(new int[] {7, 1, 1}, new double[] {0.5, 1, 1}, new double[] {-0.5, 0, 0});
        Volume r = Resampler.resample(line, target, Interpolator.LINEAR, -1);
        assertThat(r.data()).containsExactly(10, 10, 15, 20, 25, 30, -1);
    }

    @Test
    void integerOutputIsClampedThenTruncated() {
        assertThat(Resampler.cast(-3.7, PixelType.INT16)).isEqualTo(-3);
        assertThat(Resampler.cast(3.99, PixelType.INT16)).isEqualTo(3);
        assertThat(Resampler.cast(40000.2, PixelType.INT16)).isEqualTo(32767);
        assertThat(Resampler.cast(-0.5, PixelType.UINT8)).isEqualTo(0);
        assertThat(Resampler.cast(1.0000001, PixelType.FLOAT32)).isEqualTo((float) 1.0000001);
    }

    @Test
    void bsplineWorkedExampleAndInterpolation() {
        double[] c = {0, 6, 0};
        BSplineDecomposition.line(c);
        assertThat(c[0]).isCloseTo(-6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c[1]).isCloseTo(12, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c[2]).isCloseTo(-6, org.assertj.core.api.Assertions.within(1e-12));
        // the B-spline passes through the data at the voxel centres
        Volume v = new Volume(Geometry.of(new int[] {3, 1, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, new double[] {0, 6, 0});
        Volume same = Resampler.resample(v, v.geometry(), Interpolator.BSPLINE, 0);
        assertThat(same.data()).containsExactly(new double[] {0, 6, 0}, org.assertj.core.api.Assertions.within(1e-12));
    }
}
