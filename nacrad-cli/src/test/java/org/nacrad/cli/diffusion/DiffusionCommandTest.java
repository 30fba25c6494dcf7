package org.nacrad.cli.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.diffusion.SignalModels;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

import picocli.CommandLine;

/**
 * {@code nacrad diffusion} on a synthetic 4D series written as NIfTI: a tumour (D 0.9e-3, K 1.1) and a reference
 * region (D 1.8e-3, K 0.55) with noise-free kurtosis signals, so every fit recovers the truth.
 */
class DiffusionCommandTest {

    static final double[] B = {0, 50, 800, 1500, 2000};
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeSeries() throws Exception {
        Geometry g = Geometry.of(new int[] {10, 8, 3}, new double[] {1.6, 1.6, 4}, new double[] {-8, 6, 2});
        int n = (int) g.voxelCount();
        List<Volume> vols = new ArrayList<>();
        for (double b : B) {
            double[] s = new double[n];
            for (int v = 0; v < n; v++) {
                int i = v % 10;
                s[v] = (float) (i < 4 ? SignalModels.kurtosis(700, 0.9e-3, 1.1, b) : SignalModels.kurtosis(900, 1.8e-3, 0.55, b));
            }
            vols.add(new Volume(g, PixelType.FLOAT32, s));
        }
        ImageIO.writeSeries(vols, dir.resolve("dwi.nii.gz"));
        double[] t = new double[n];
        double[] r = new double[n];
        for (int v = 0; v < n; v++) {
            t[v] = v % 10 < 4 ? 1 : 0;
            r[v] = v % 10 >= 6 ? 1 : 0;
        }
        ImageIO.write(new Volume(g, PixelType.UINT8, t), dir.resolve("tumour.nii.gz"));
        ImageIO.write(new Volume(g, PixelType.UINT8, r), dir.resolve("reference.nii.gz"));
        Files.writeString(dir.resolve("dwi.bval"), "0 50 800 1500 2000\n");
        Geometry other = Geometry.of(new int[] {10, 8, 4}, new double[] {1.6, 1.6, 4}, new double[] {-8, 6, 2});
        ImageIO.write(new Volume(other, PixelType.UINT8, new double[(int) other.voxelCount()]), dir.resolve("other.nii.gz"));
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesMapsAndTheRoiTable() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--bvals",
                dir.resolve("dwi.bval").toString(), "--mask", dir.resolve("tumour.nii.gz").toString(),
                "--reference-mask", dir.resolve("reference.nii.gz").toString(), "--maps", dir.resolve("maps").toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        // float32 storage of the signals limits the recovery to about 1e-6 relative
        assertThat(j.get("tumour").get("md_mean").asDouble()).isCloseTo(0.9e-3, within(1e-9));
        assertThat(j.get("tumour").get("mk_mean").asDouble()).isCloseTo(1.1, within(1e-5));
        assertThat(j.get("reference").get("md_mean").asDouble()).isCloseTo(1.8e-3, within(1e-9));
        assertThat(j.get("tumour").get("voxels").asInt()).isEqualTo(96);
        assertThat(j.get("tumour").get("excluded").asInt()).isZero();
        assertThat(j.get("relative").get("rMD").asDouble()).isCloseTo(0.5, within(1e-5));
        assertThat(j.get("relative").get("rMK").asDouble()).isCloseTo(2.0, within(1e-4));
        Volume md = ImageIO.read(dir.resolve("maps/md.nii.gz"));
        assertThat(md.geometry().mismatch(ImageIO.read(dir.resolve("tumour.nii.gz")).geometry(), 1e-6)).isNull();
        assertThat(md.get(0, 0, 0)).isCloseTo(0.9e-3, within(1e-9));
        assertThat(md.get(9, 7, 2)).isCloseTo(1.8e-3, within(1e-9));
        for (String f : List.of("adc", "mk", "s0", "adc_status", "dki_status")) {
            assertThat(dir.resolve("maps/" + f + ".nii.gz")).isRegularFile();
        }
        StringWriter csv = new StringWriter();
        assertThat(run(csv, new StringWriter(), "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--b",
                "0,50,800,1500,2000", "--mask", dir.resolve("tumour.nii.gz").toString(), "--format", "csv")).isZero();
        assertThat(csv.toString()).startsWith("quantity,value").contains("tumour_md_mean,");
    }

    @Test
    void badInputsGiveClearErrors() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--b",
                "0,800,1500,2000", "--mask", dir.resolve("tumour.nii.gz").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("4 b-values for 5 diffusion volumes");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--b",
                "10,50,800,1500,2000", "--mask", dir.resolve("tumour.nii.gz").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no b=0 volume");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--bvals",
                dir.resolve("dwi.bval").toString(), "--mask", dir.resolve("other.nii.gz").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("other.nii.gz: mask is not on the diffusion series' grid");
    }
}
