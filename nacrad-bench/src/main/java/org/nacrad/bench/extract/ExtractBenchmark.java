package org.nacrad.bench.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.RadiomicsExtractor;
import org.nacrad.radiomics.RadiomicsResult;
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
 * The whole extraction of one case, single thread, images already in memory: {@code original} = PyRadiomics'
 * defaults (Original image, all default features of all classes: 107 features and the diagnostics);
 * {@code nac851} = {@code params/nac-851.yaml} (Original + 8 wavelet sub-bands, 851 features); with and without
 * the diagnostics.
 *
 * <p>The PyRadiomics test cases are read from the reference data: {@code -Dnacrad.reference=/path/to/shared/reference}
 * (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExtractBenchmark {

    @Param({"breast1", "brain1"})
    public String testCase;

    @Param({"original", "nac851"})
    public String config;

    /** PyRadiomics' additionalInfo: the diagnostics, dominated by the SHA-1 hashes of the whole image and mask. */
    @Param({"true", "false"})
    public boolean additionalInfo;

    private Volume image;
    private Volume mask;
    private RadiomicsExtractor extractor;

    @Setup
    public void setup() throws IOException {
        Path root = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "pyradiomics");
        image = NrrdReader.read(root.resolve(testCase + "_image.nrrd"));
        mask = NrrdReader.read(root.resolve(testCase + "_label.nrrd"));
        ParameterFile p = config.equals("original") ? ParameterFile.defaults() : ParameterFile.nac851OrDefaults();
        extractor = new RadiomicsExtractor(p.withSetting("additionalInfo", additionalInfo));
    }

    @Benchmark
    public RadiomicsResult extract() {
        return extractor.execute(image, mask);
    }
}
