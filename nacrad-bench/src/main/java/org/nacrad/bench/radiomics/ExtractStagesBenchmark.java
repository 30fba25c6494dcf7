package org.nacrad.bench.radiomics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.FeatureFamilies;
import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.ImageTypes;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.radiomics.preprocess.BoundingBox;
import org.nacrad.radiomics.preprocess.Discretiser;
import org.nacrad.radiomics.preprocess.LabelMap;
import org.nacrad.radiomics.preprocess.Masks;
import org.nacrad.radiomics.preprocess.SitkHash;
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
 * The stages of one 851-feature extraction ({@code params/nac-851.yaml}: Original + 8 wavelet sub-bands) timed one at
 * a time through the public API, single thread, for the breakdown table of {@code docs/performance.md}:
 *
 * <ul>
 *   <li>{@code roi}: label check, ROI of the label, bounding box and ROI checks (run with or without diagnostics);</li>
 *   <li>{@code hashImage}, {@code hashMask}: the two SHA-1 hashes of the diagnostics ({@code sitk.Hash}; the mask
 *       as UInt32);</li>
 *   <li>{@code wavelet}: the 8 coif1 sub-bands of the ROI box;</li>
 *   <li>{@code discretise}: binning of the 9 images (Original + 8 sub-bands);</li>
 *   <li>{@code shape} on the Original image; each texture family and {@code firstorder} on all 9 images.</li>
 * </ul>
 *
 * <p>The remaining diagnostics (whole-image mean, minimum, maximum; mask scans, connected components, centre of
 * mass) are what {@code ExtractBenchmark} with diagnostics costs beyond the two hashes. Reference data:
 * {@code -Dnacrad.reference=/path/to/shared/reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgs = {"-Xmx2g"})
public class ExtractStagesBenchmark {

    @Param({"brain1"})
    public String testCase;

    @Param({"roi", "hashImage", "hashMask", "wavelet", "discretise", "shape", "firstorder", "glcm", "glrlm", "glszm",
        "gldm", "ngtdm"})
    public String stage;

    private Volume image;
    private Volume mask;
    private ParameterFile params;
    private RadiomicsSettings settings;
    private boolean[] roi;
    private BoundingBox box;
    private boolean[] boxMask;
    private List<double[]> images;
    private List<int[]> levels;

    @Setup
    public void setup() throws IOException {
        Path root = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "pyradiomics");
        image = NrrdReader.read(root.resolve(testCase + "_image.nrrd"));
        mask = NrrdReader.read(root.resolve(testCase + "_label.nrrd"));
        params = ParameterFile.nac851OrDefaults();
        settings = params.settings();
        roi = Masks.roi(mask, settings.label());
        box = Masks.boundingBox(image.geometry(), roi);
        boxMask = Masks.cropToBox(image.geometry(), roi, box);
        images = new ArrayList<>();
        for (Filtered f : filtered()) {
            images.add(f.image().data());
        }
        levels = new ArrayList<>();
        for (double[] v : images) {
            levels.add(Discretiser.discretise(v, boxMask, settings.binWidth(), settings.binCount()).levels());
        }
    }

    private List<Filtered> filtered() {
        List<Filtered> out = new ArrayList<>();
        for (String type : params.imageTypes().keySet()) {
            out.addAll(ImageTypes.find(type).orElseThrow()
                    .apply(image, roi, params.settingsFor(type), box.lower(), box.size()));
        }
        return out;
    }

    @Benchmark
    public Object stage() {
        Geometry g = image.geometry();
        switch (stage) {
            case "roi": {
                LabelMap lm = LabelMap.wrap(mask);
                lm.checkLabel(settings.label());
                boolean[] r = lm.roi(settings.label());
                return Masks.checkRoi(g, r, settings.label(), settings.minimumROIDimensions(),
                        settings.minimumROISize());
            }
            case "hashImage":
                return SitkHash.sha1(image.data(), image.pixelType());
            case "hashMask":
                return LabelMap.wrap(mask).sha1UInt32();
            case "wavelet":
                return filtered();
            case "discretise": {
                List<int[]> out = new ArrayList<>();
                for (double[] v : images) {
                    out.add(Discretiser.discretise(v, boxMask, settings.binWidth(), settings.binCount()).levels());
                }
                return out;
            }
            case "shape":
                return family("shape", 1);
            default:
                return family(stage, images.size());
        }
    }

    private List<Map<String, Double>> family(String name, int count) {
        FeatureFamily f = FeatureFamilies.byName(name);
        List<String> features = params.enabledFeatures().get(name);
        List<Map<String, Double>> out = new ArrayList<>();
        for (int x = 0; x < count; x++) {
            out.add(f.compute(new FeatureInput(box.size(), image.geometry().spacing(), boxMask, images.get(x),
                    levels.get(x), settings), features));
        }
        return out;
    }
}
