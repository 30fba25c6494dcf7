package org.nacrad.bench.shape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.features.Shape;
import org.nacrad.radiomics.mesh.Diameters;
import org.nacrad.radiomics.mesh.HalfGridPoints;
import org.nacrad.radiomics.mesh.MarchingCubes;
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
 * All 17 shape features of one ROI: PyRadiomics' brain1 (label 1, 4137 voxels, box 47 × 70 × 7, spacing
 * 0.78 × 0.78 × 6.5 mm) and synthetic solid balls of diameter 30, 60 and 120 voxels (14 000 to 900 000 voxels), to show
 * how the hull-based diameters scale. {@code diameters} times the diameter search alone on the mesh vertices,
 * {@code diametersAllPairs} PyRadiomics' method (all vertex pairs, O(n²)) on the same vertices.
 *
 * <p>brain1 is read from the reference data: {@code -Dnacrad.reference=/path/to/shared/reference} (default
 * {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShapeBenchmark {

    @Param({"brain1", "ball30", "ball60", "ball120"})
    public String roi;

    FeatureInput input;
    HalfGridPoints vertices;
    List<String> features;

    @Setup
    public void setup() throws IOException {
        input = roi.equals("brain1") ? brain1() : ball(Integer.parseInt(roi.substring(4)));
        vertices = MarchingCubes.mesh(input.mask(), input.size(), input.spacing()).vertices();
        features = new Shape().featureNames();
    }

    @Benchmark
    public Map<String, Double> allFeatures() {
        return new Shape().compute(input, features);
    }

    @Benchmark
    public double[] diameters() {
        return Diameters.feret3D(vertices);
    }

    /** PyRadiomics' method for comparison: every pair of vertices (O(n²)), as calculate_meshDiameter does. */
    @Benchmark
    public double[] diametersAllPairs() {
        HalfGridPoints v = vertices;
        int n = v.count();
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                x[3 * i + d] = v.coordinate(i, d);
            }
        }
        double[] out = new double[4];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double dz = x[3 * a] - x[3 * b], dy = x[3 * a + 1] - x[3 * b + 1], dx = x[3 * a + 2] - x[3 * b + 2];
                double dist = dz * dz + dy * dy + dx * dx;
                if (dz == 0 && dist > out[0]) {
                    out[0] = dist;
                }
                if (dy == 0 && dist > out[1]) {
                    out[1] = dist;
                }
                if (dx == 0 && dist > out[2]) {
                    out[2] = dist;
                }
                if (dist > out[3]) {
                    out[3] = dist;
                }
            }
        }
        for (int d = 0; d < 4; d++) {
            out[d] = Math.sqrt(out[d]);
        }
        return out;
    }

    static FeatureInput brain1() throws IOException {
        Path root = Path.of(System.getProperty("nacrad.reference", "../shared/reference"));
        Volume mask = NrrdReader.read(root.resolve("pyradiomics/brain1_label.nrrd"));
        boolean[] roi = mask.labelMask(1);
        int nx = mask.geometry().nx(), ny = mask.geometry().ny(), nz = mask.geometry().nz();
        int[] lo = {nx, ny, nz}, hi = {-1, -1, -1};
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (roi[n]) {
                        int[] p = {i, j, k};
                        for (int d = 0; d < 3; d++) {
                            lo[d] = Math.min(lo[d], p[d]);
                            hi[d] = Math.max(hi[d], p[d]);
                        }
                    }
                }
            }
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        boolean[] box = new boolean[size[0] * size[1] * size[2]];
        for (int k = 0, n = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, n++) {
                    box[n] = roi[((k + lo[2]) * ny + j + lo[1]) * nx + i + lo[0]];
                }
            }
        }
        return new FeatureInput(size, mask.geometry().spacing(), box, new double[box.length], null,
                RadiomicsSettings.defaults());
    }

    /** A solid ball of the given diameter in voxels, spacing 0.8 × 0.8 × 1.5 mm. */
    static FeatureInput ball(int diameter) {
        int n = diameter;
        double r = diameter / 2.0, c = (n - 1) / 2.0;
        boolean[] mask = new boolean[n * n * n];
        for (int k = 0, q = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++, q++) {
                    double x = i - c, y = j - c, z = k - c;
                    mask[q] = x * x + y * y + z * z <= r * r;
                }
            }
        }
        return new FeatureInput(new int[] {n, n, n}, new double[] {0.8, 0.8, 1.5}, mask, new double[mask.length],
                null, RadiomicsSettings.defaults());
    }
}
