package org.nacrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.Csv;

/**
 * One case must not sink a batch: a case far too large for the heap is that row's error, the other cases are
 * extracted, and a rerun reuses them and fails that case again in the same words instead of dying on it.
 */
class CaseIsolationTest {

    @TempDir
    Path dir;

    @Test
    void aCaseThatCannotFitTheHeapIsItsRowsErrorAndTheBatchGoesOn() throws Exception {
        Geometry small = Geometry.of(new int[] {16, 16, 6}, new double[] {1, 1, 2}, new double[] {0, 0, 0});
        double[] v = new double[16 * 16 * 6];
        double[] m = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = 100 + (k * 31) % 40;
            m[k] = k % 16 > 3 && k % 16 < 12 && (k / 16) % 16 > 3 && (k / 16) % 16 < 12 && k / 256 > 0 ? 1 : 0;
        }
        ImageIO.write(new Volume(small, PixelType.INT16, v), dir.resolve("small.nii.gz"));
        ImageIO.write(new Volume(small, PixelType.UINT8, m), dir.resolve("small-roi.nii.gz"));
        // 480 x 480 x 160 voxels: 295 MB as doubles, in a 96 MB heap; a few kB on disk (constant, gzipped)
        Geometry big = Geometry.of(new int[] {480, 480, 160}, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        double[] b = new double[480 * 480 * 160];
        java.util.Arrays.fill(b, 1);
        ImageIO.write(new Volume(big, PixelType.UINT8, b), dir.resolve("big.nii.gz"));
        ImageIO.write(new Volume(big, PixelType.UINT8, b), dir.resolve("big-roi.nii.gz"));
        b = null;
        Files.writeString(dir.resolve("cases.csv"), "ID,Image,Mask\ns1,small.nii.gz,small-roi.nii.gz\n"
                + "huge,big.nii.gz,big-roi.nii.gz\ns2,small.nii.gz,small-roi.nii.gz\n");
        Files.writeString(dir.resolve("p.yaml"), "featureClass:\n  firstorder:\n");
        String[] args = {"extract", "--batch", "cases.csv", "--param", "p.yaml", "--out", "f.csv", "--jobs", "1"};

        assertThat(ChildJvm.run(dir, "96m", dir.resolve("first.log"), args)).isEqualTo(1);
        String first = Files.readString(dir.resolve("first.log"));
        assertThat(first).contains("nacrad extract: 3 cases: 2 extracted, 0 already done, 1 failed")
                .doesNotContain("\tat ").doesNotContain("Exception");
        List<List<String>> rows = Csv.parse(Files.readString(dir.resolve("f.csv")));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(4)).isEmpty();
        assertThat(rows.get(3).get(4)).isEmpty();
        String error = rows.get(2).get(4);
        assertThat(error).isNotEmpty().doesNotContain("\n");
        assertThat(error).containsAnyOf("out of memory", "-Xmx", "heap");

        assertThat(ChildJvm.run(dir, "96m", dir.resolve("again.log"), args)).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("again.log")))
                .contains("nacrad extract: 3 cases: 0 extracted, 2 already done, 1 failed");
        assertThat(Csv.parse(Files.readString(dir.resolve("f.csv"))).get(2).get(4)).isEqualTo(error);
    }

    /**
     * One case from the shell that passes the readers' heap check but cannot be extracted in the heap (a 9-million
     * voxel ROI in 128 MB): exit 1, one line naming the image and the remedy, no stack trace, no output file, no
     * temporary file left (issue 13's last catalogue case; it printed an OutOfMemoryError stack trace before).
     */
    @Test
    void oneCaseThatRunsOutOfMemoryIsOneLineAndNoOutput() throws Exception {
        Geometry g = Geometry.of(new int[] {300, 300, 100}, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        double[] v = new double[300 * 300 * 100];
        for (int k = 0; k < v.length; k++) {
            v[k] = k % 7;
        }
        ImageIO.write(new Volume(g, PixelType.UINT8, v), dir.resolve("image.nii.gz"));
        java.util.Arrays.fill(v, 1);
        ImageIO.write(new Volume(g, PixelType.UINT8, v), dir.resolve("mask.nii.gz"));
        v = null;
        Files.writeString(dir.resolve("p.yaml"), "featureClass:\n  firstorder:\n");
        List<String> before = list();

        assertThat(ChildJvm.run(dir, "128m", dir.resolve("run.log"), "extract", "image.nii.gz", "mask.nii.gz",
                "--param", "p.yaml", "--out", "f.csv")).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("run.log"))).matches("nacrad extract: image\\.nii\\.gz: the "
                + "extraction ran out of memory \\(the Java heap is 128 MB\\): raise the heap "
                + "\\(NACRAD_JAVA_OPTS=-Xmx1g\\) or extract fewer cases at once\\R");
        List<String> after = list();
        after.remove("run.log");
        assertThat(after).isEqualTo(before);
    }

    private List<String> list() throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return new java.util.ArrayList<>(s.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
