package org.nacrad.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/** Small synthetic cases for the runner's tests: a 12 × 12 × 6 noisy image with a 6 × 6 × 4 box ROI (or larger). */
final class TinyCases {

    /** First-order and GLCM features only: quick, and enough to see a changed value. */
    static final String PARAMS = "imageType: {Original: {}}\nfeatureClass:\n  firstorder:\n  glcm:\n"
            + "setting: {binWidth: 25, label: 1}\n";

    private TinyCases() {
    }

    /** Writes {@code n} cases under {@code dir} ({@code c<i>/image.nii.gz}, {@code c<i>/mask.nii.gz}). */
    static List<CaseSpec> write(Path dir, int n) throws IOException {
        return write(dir, n, 1);
    }

    /** Cases {@code scale} times larger in x and y (a slower extraction). */
    static List<CaseSpec> write(Path dir, int n, int scale) throws IOException {
        List<CaseSpec> cases = new ArrayList<>();
        int nx = 12 * scale;
        for (int i = 0; i < n; i++) {
            Path d = Files.createDirectories(dir.resolve("c" + i));
            image(d.resolve("image.nii.gz"), i, nx);
            Geometry g = Geometry.of(new int[] {nx, nx, 6}, new double[] {0.8, 0.8, 2}, new double[] {0, 0, 0});
            double[] m = new double[nx * nx * 6];
            for (int z = 1; z < 5; z++) {
                for (int y = 3; y < nx - 3; y++) {
                    for (int x = 3; x < nx - 3; x++) {
                        m[x + nx * (y + nx * z)] = 1;
                    }
                }
            }
            ImageIO.write(new Volume(g, PixelType.UINT8, m), d.resolve("mask.nii.gz"));
            cases.add(CaseSpec.radiomics("c" + i, d.resolve("image.nii.gz"), d.resolve("mask.nii.gz"), null, null));
        }
        return cases;
    }

    /** The image of case {@code seed}: noise around 500 whose spread grows with the seed. */
    static void image(Path file, int seed) throws IOException {
        image(file, seed, 12);
    }

    private static void image(Path file, int seed, int nx) throws IOException {
        Geometry g = Geometry.of(new int[] {nx, nx, 6}, new double[] {0.8, 0.8, 2}, new double[] {0, 0, 0});
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[nx * nx * 6];
        for (int k = 0; k < v.length; k++) {
            v[k] = 500 + Math.round(rng.nextGaussian() * (40 + 10 * seed));
        }
        ImageIO.write(new Volume(g, PixelType.INT16, v), file);
    }

    /** Radiomics settings of {@link #PARAMS}. */
    static ExtractionSettings settings(Path dir) throws IOException {
        return ExtractionSettings.radiomics(Files.writeString(dir.resolve("params.yaml"), PARAMS));
    }
}
