package org.nacrad.radiomics.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.features.Shape;

/**
 * Shape features of two synthetic shapes against values computed independently in Python
 * ({@code src/test/fixtures-gen/shape_reference.py}): the mesh from polygons traced and triangulated there without
 * any marching-cubes table, diameters by brute force over all vertex pairs, principal moments by
 * {@code numpy.linalg.eigvals}.
 */
class MeshReferenceTest {

    @Test
    void matchesIndependentPythonReference() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("shape_reference.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.startsWith("shape,") && !line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        assertThat(rows).hasSize(28);
        for (String[] r : rows) {
            double[] spacing = {Double.parseDouble(r[1]), Double.parseDouble(r[2]), Double.parseDouble(r[3])};
            FeatureInput input = shape(r[0], spacing);
            String feature = r[4];
            double expected = Double.parseDouble(r[5]);
            double actual = feature.equals("VoxelNum") ? input.roiVoxels()
                    : new Shape().compute(input, List.of(feature)).get(feature);
            assertThat(actual).as("%s %s %s", r[0], r[1] + "," + r[2] + "," + r[3], feature)
                    .isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        }
    }

    /** The translated sphere has the same mesh: its volume does not depend on where the box starts. */
    @Test
    void sphereVolumeIsIndependentOfPlacement() {
        FeatureInput tight = shape("sphere", new double[] {0.8, 0.8, 0.8});
        int[] s = tight.size();
        int[] big = {s[0] + 3, s[1] + 5, s[2] + 2};
        boolean[] mask = new boolean[big[0] * big[1] * big[2]];
        for (int k = 0; k < s[2]; k++) {
            for (int j = 0; j < s[1]; j++) {
                for (int i = 0; i < s[0]; i++) {
                    mask[((k + 2) * big[1] + j + 4) * big[0] + i + 3] = tight.mask()[(k * s[1] + j) * s[0] + i];
                }
            }
        }
        MeshMeasures a = MarchingCubes.mesh(tight.mask(), s, tight.spacing());
        MeshMeasures b = MarchingCubes.mesh(mask, big, tight.spacing());
        assertThat(b.volume()).isCloseTo(a.volume(), within(1e-10 * a.volume()));
        assertThat(b.surfaceArea()).isCloseTo(a.surfaceArea(), within(1e-10 * a.surfaceArea()));
        // and it converges to the ball of radius 6 voxels (4/3 π (6·0.8)³ ≈ 463.2 mm³) within 1 %
        assertThat(a.volume()).isCloseTo(4.0 / 3 * Math.PI * Math.pow(4.8, 3), within(0.01 * 463.2));
    }

    /** The shapes of the Python script, cropped to their bounding box (integer inequalities, so exactly the same). */
    static FeatureInput shape(String name, double[] spacing) {
        List<int[]> in = new ArrayList<>();
        int lo = -8, hi = 8;
        int[] min = {hi, hi, hi}, max = {lo, lo, lo};
        for (int z = lo; z <= hi; z++) {
            for (int y = lo; y <= hi; y++) {
                for (int x = lo; x <= hi; x++) {
                    boolean inside = name.equals("sphere") ? x * x + y * y + z * z <= 36
                            : 4 * (x + y) * (x + y) + 9 * (x - y) * (x - y) + 25 * z * z <= 900;
                    if (inside) {
                        int[] p = {x, y, z};
                        in.add(p);
                        for (int d = 0; d < 3; d++) {
                            min[d] = Math.min(min[d], p[d]);
                            max[d] = Math.max(max[d], p[d]);
                        }
                    }
                }
            }
        }
        int[] size = {max[0] - min[0] + 1, max[1] - min[1] + 1, max[2] - min[2] + 1};
        boolean[] mask = new boolean[size[0] * size[1] * size[2]];
        for (int[] p : in) {
            mask[((p[2] - min[2]) * size[1] + p[1] - min[1]) * size[0] + p[0] - min[0]] = true;
        }
        return new FeatureInput(size, spacing, mask, new double[mask.length], null,
                RadiomicsSettings.of(Map.of()));
    }
}
