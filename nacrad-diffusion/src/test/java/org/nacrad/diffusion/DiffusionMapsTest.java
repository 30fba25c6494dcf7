package org.nacrad.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

class DiffusionMapsTest {

    static final double[] B = {0, 50, 800, 1500, 2000};
    static final Geometry G = Geometry.of(new int[] {12, 10, 4}, new double[] {1.6, 1.6, 4}, new double[] {0, 0, 0});

    /** Tumour (x < 4): D 0.9e-3, K 1.1; reference (x >= 8): D 1.8e-3, K 0.55; the rest background. */
    static List<Volume> series(double[] b) {
        List<Volume> out = new ArrayList<>();
        for (double bv : b) {
            double[] d = new double[(int) G.voxelCount()];
            for (int k = 0, n = 0; k < 4; k++) {
                for (int j = 0; j < 10; j++) {
                    for (int i = 0; i < 12; i++, n++) {
                        d[n] = i < 4 ? SignalModels.kurtosis(700, 0.9e-3, 1.1, bv)
                                : i >= 8 ? SignalModels.kurtosis(900, 1.8e-3, 0.55, bv)
                                : SignalModels.kurtosis(500, 1.2e-3, 0.8, bv);
                    }
                }
            }
            out.add(new Volume(G, PixelType.FLOAT32, d));
        }
        return out;
    }

    static boolean[] region(boolean tumour) {
        boolean[] m = new boolean[(int) G.voxelCount()];
        for (int n = 0; n < m.length; n++) {
            int i = n % 12;
            m[n] = tumour ? i < 4 : i >= 8;
        }
        return m;
    }

    @Test
    void recoversKnownParametersAndRelativeValues() {
        DwiSeries dwi = DwiSeries.of(series(B), B, "test");
        DiffusionMaps maps = DiffusionMaps.fit(dwi, DiffusionMaps.Options.defaults(), null);
        DiffusionSummary s = DiffusionSummary.of(maps, region(true), region(false));
        assertThat(s.tumour().voxels()).isEqualTo(160);
        assertThat(s.tumour().excluded()).isZero();
        assertThat(s.tumour().md().mean()).isCloseTo(0.9e-3, within(1e-15));
        assertThat(s.tumour().mk().mean()).isCloseTo(1.1, within(1e-9));
        assertThat(s.reference().md().median()).isCloseTo(1.8e-3, within(1e-15));
        assertThat(s.relative().rMd()).isCloseTo(0.5, within(1e-10));
        assertThat(s.relative().rMk()).isCloseTo(2.0, within(1e-8));
        // the mono-exponential ADC over b <= 1000 of a kurtotic signal exceeds nothing: it is lower than D;
        // log-linear over (0, 50, 800): compare with the closed form of the same regression
        double[] bb = {0, 50, 800};
        double[] ls = new double[3];
        for (int i = 0; i < 3; i++) {
            ls[i] = Math.log(SignalModels.kurtosis(700, 0.9e-3, 1.1, bb[i]));
        }
        double mb = (0 + 50 + 800) / 3.0, my = (ls[0] + ls[1] + ls[2]) / 3;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < 3; i++) {
            sxy += (bb[i] - mb) * (ls[i] - my);
            sxx += (bb[i] - mb) * (bb[i] - mb);
        }
        assertThat(s.tumour().adc().mean()).isCloseTo(-sxy / sxx, within(1e-15));
    }

    @Test
    void threadsDoNotChangeTheMaps() {
        DwiSeries dwi = DwiSeries.of(series(B), B, "test");
        DiffusionMaps one = DiffusionMaps.fit(dwi, DiffusionMaps.Options.defaults(), null);
        DiffusionMaps two = DiffusionMaps.fit(dwi, DiffusionMaps.Options.defaults().withThreads(2), null);
        assertThat(two.md()).containsExactly(one.md());
        assertThat(two.mk()).containsExactly(one.mk());
        assertThat(two.adc()).containsExactly(one.adc());
    }

    @Test
    void directionsOfOneShellAreAveraged() {
        double[] b = {0, 800, 800, 1500, 2000};
        List<Volume> v = series(new double[] {0, 800, 800, 1500, 2000});
        DwiSeries dwi = DwiSeries.of(v, b, "test");
        assertThat(dwi.bValues()).containsExactly(0, 800, 1500, 2000);
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> DwiSeries.of(series(B), new double[] {0, 800, 1500, 2000}, "dwi.nii.gz"))
                .hasMessage("dwi.nii.gz: 4 b-values for 5 diffusion volumes: the counts must match");
        assertThatThrownBy(() -> DwiSeries.of(series(new double[] {50, 800, 1500}), new double[] {50, 800, 1500}, "dwi.nii.gz"))
                .hasMessage("dwi.nii.gz: no b=0 volume (b-values [50.0, 800.0, 1500.0])");
        DwiSeries low = DwiSeries.of(series(new double[] {0, 500, 1000}), new double[] {0, 500, 1000}, "x");
        assertThatThrownBy(() -> DiffusionMaps.fit(low, DiffusionMaps.Options.defaults(), null))
                .hasMessageContaining("kurtosis needs b-values up to at least 1500");
        Geometry other = Geometry.of(new int[] {12, 10, 5}, new double[] {1.6, 1.6, 4}, new double[] {0, 0, 0});
        assertThatThrownBy(() -> DiffusionSummary.requireSameGrid(G, other, "tumour.nii.gz"))
                .hasMessageStartingWith("tumour.nii.gz: mask is not on the diffusion series' grid (size");
    }

    @Test
    void percentilesAreTypeSeven() {
        // numpy.percentile([1, 2, 3, 4], [10, 50, 90]) = [1.3, 2.5, 3.7]
        double[] v = {1, 2, 3, 4};
        assertThat(RoiStatistics.percentile(v, 10)).isCloseTo(1.3, within(1e-15));
        assertThat(RoiStatistics.percentile(v, 50)).isEqualTo(2.5);
        assertThat(RoiStatistics.percentile(v, 90)).isCloseTo(3.7, within(1e-15));
    }
}
