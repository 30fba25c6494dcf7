package org.nacrad.bench.ibsi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.ibsi.texture.IbsiTexture;
import org.nacrad.radiomics.ibsi.texture.TextureFamily;
import org.nacrad.radiomics.ibsi.texture.TextureInput;
import org.nacrad.radiomics.ibsi.texture.TextureSettings;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IBSI-1 texture families ({@link IbsiTexture}), one family or all six, single thread, on three ROIs:
 * <ul>
 *   <li>{@code ctA}: the IBSI CT phantom under configuration A (native 0.977 × 0.977 × 3 mm grid, re-segmentation
 *       [−500, 400] HU, fixed bin size 25 from −500: 114 596 voxels in 26 slices, N<sub>g</sub> = 36), 2D and 2.5D
 *       aggregations (the configuration's 272 texture features);</li>
 *   <li>{@code ct3D}: the same ROI on its native grid with re-segmentation [−1000, 400] HU and fixed bin size 25 from
 *       −1000 (N<sub>g</sub> = 56), 3D aggregations (136 features);</li>
 *   <li>{@code brain1}: PyRadiomics' test case brain1, label 1 (4 137 voxels), fixed bin size 25 from the ROI minimum
 *       as PyRadiomics bins it, 3D aggregations: the ROI {@code Texture1Benchmark} and {@code Texture2Benchmark}
 *       time PyRadiomics mode's families on.</li>
 * </ul>
 *
 * <p>Reference data from the system property {@code nacrad.reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class IbsiTextureBenchmark {

    @Param({"ctA", "ct3D", "brain1"})
    public String roi;

    @Param({"all", "glcm", "glrlm", "glszm", "gldzm", "ngtdm", "ngldm"})
    public String family;

    TextureInput input;
    TextureSettings settings;

    @Setup
    public void setup() throws IOException {
        Path ref = Path.of(System.getProperty("nacrad.reference", "../shared/reference"));
        Set<TextureFamily> families = family.equals("all") ? EnumSet.allOf(TextureFamily.class)
                : EnumSet.of(TextureFamily.parse(family));
        switch (roi) {
            case "ctA" -> {
                input = ct(ref, -500, 400, 25);
                settings = TextureSettings.defaults().withDimensions(EnumSet.of(Dimension.D2, Dimension.D2_5));
            }
            case "ct3D" -> {
                input = ct(ref, -1000, 400, 25);
                settings = TextureSettings.defaults().withDimensions(EnumSet.of(Dimension.D3));
            }
            case "brain1" -> {
                input = brain1(ref);
                settings = TextureSettings.defaults().withDimensions(EnumSet.of(Dimension.D3));
            }
            default -> throw new IllegalArgumentException(roi);
        }
        settings = settings.withFamilies(families);
    }

    /** The CT phantom's GTV-1 on the native grid, re-segmented to [lower, upper] and binned from lower. */
    static TextureInput ct(Path ref, double lower, double upper, double width) throws IOException {
        Volume image = ImageIO.read(ref.resolve("ibsi/ct_phantom/nifti/image.nii.gz"));
        Volume mask = ImageIO.read(ref.resolve("ibsi/ct_phantom/nifti/mask.nii.gz"));
        double[] hu = image.data();
        double[] m = mask.data();
        int[] levels = new int[hu.length];
        boolean[] morph = new boolean[hu.length];
        int ng = (int) Math.ceil((upper - lower) / width);
        for (int k = 0; k < hu.length; k++) {
            morph[k] = m[k] > 0.5;
            double x = Math.rint(hu[k]);
            if (morph[k] && x >= lower && x <= upper) {
                levels[k] = Math.min(ng, (int) Math.floor((x - lower) / width) + 1);
            }
        }
        int[] size = image.geometry().size();
        return new TextureInput(size[0], size[1], size[2], levels, ng, morph);
    }

    /** brain1, label 1, bins of 25 from the ROI minimum. */
    static TextureInput brain1(Path ref) throws IOException {
        Volume image = ImageIO.read(ref.resolve("pyradiomics/brain1_image.nrrd"));
        Volume label = ImageIO.read(ref.resolve("pyradiomics/brain1_label.nrrd"));
        boolean[] roi = label.labelMask(1);
        double[] v = image.data();
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < v.length; k++) {
            if (roi[k]) {
                min = Math.min(min, v[k]);
            }
        }
        int[] levels = new int[v.length];
        int ng = 1;
        for (int k = 0; k < v.length; k++) {
            if (roi[k]) {
                levels[k] = (int) Math.floor((v[k] - min) / 25) + 1;
                ng = Math.max(ng, levels[k]);
            }
        }
        int[] size = image.geometry().size();
        return new TextureInput(size[0], size[1], size[2], levels, ng, roi);
    }

    @Benchmark
    public Map<String, Double> texture() {
        return IbsiTexture.compute(input, settings);
    }
}
