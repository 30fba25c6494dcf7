package org.nacrad.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/** 4D NIfTI series (multi-b diffusion): nibabel's file read, and our writer round-tripped. */
class NiftiSeriesTest {

    static Path fixture() throws Exception {
        return Path.of(NiftiSeriesTest.class.getResource("/series/series4d.nii.gz").toURI());
    }

    @Test
    void readsANibabel4dFileAsOneVolumePerIndex() throws Exception {
        List<Volume> s = ImageIO.readSeries(fixture());
        assertThat(s).hasSize(3);
        for (int t = 0; t < 3; t++) {
            Volume v = s.get(t);
            assertThat(v.pixelType()).isEqualTo(PixelType.INT16);
            assertThat(v.geometry().size()).containsExactly(3, 4, 2);
            assertThat(v.geometry().spacing()).containsExactly(1.5, 2.0, 3.0);
            // RAS (10, -20, 5) is LPS (-10, 20, 5); the RAS x and y axes point along −L and −P
            assertThat(v.geometry().origin()).containsExactly(-10.0, 20.0, 5.0);
            assertThat(v.geometry().direction()).containsExactly(-1, 0, 0, 0, -1, 0, 0, 0, 1);
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < 4; j++) {
                    for (int i = 0; i < 3; i++) {
                        assertThat(v.get(i, j, k)).isEqualTo(100 * t + i + 3 * j + 12 * k);
                    }
                }
            }
        }
        assertThatThrownBy(() -> ImageIO.read(fixture())).hasMessageContaining("only 3D scalar images");
    }

    @Test
    void writesAndReadsBackASeries(@TempDir Path dir) throws Exception {
        Geometry g = Geometry.of(new int[] {4, 3, 2}, new double[] {1.6, 1.6, 4}, new double[] {-5, 7, 2});
        double[] a = new double[24];
        double[] b = new double[24];
        for (int n = 0; n < 24; n++) {
            a[n] = n * 1.25f;
            b[n] = -n * 0.5f;
        }
        List<Volume> series = List.of(new Volume(g, PixelType.FLOAT32, a), new Volume(g, PixelType.FLOAT32, b));
        Path f = dir.resolve("dwi.nii.gz");
        ImageIO.writeSeries(series, f);
        List<Volume> back = ImageIO.readSeries(f);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).data()).containsExactly(a);
        assertThat(back.get(1).data()).containsExactly(b);
        assertThat(back.get(1).geometry()).isEqualTo(NiftiReader.read(writeOne(dir, series.get(0))).geometry());
        assertThat(ImageIO.readSeries(writeOne(dir, series.get(0)))).hasSize(1);
    }

    private static Path writeOne(Path dir, Volume v) throws Exception {
        Path f = dir.resolve("one.nii.gz");
        ImageIO.write(v, f);
        return f;
    }
}
