package org.nacrad.radiomics.ibsi.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IBSI local intensity features (manual §3.2, family {@code loc}): means over the 1 cm³ sphere, radius
 * r = (3/4π)^⅓ cm ≈ 6.2035 mm, around a voxel: all voxels of the image whose centres lie within r (world
 * distance), in the ROI or not; voxels beyond the image's edge do not exist and are not counted.
 *
 * <ul>
 *   <li>F_loc.peak.local: the sphere mean around the voxel of highest intensity in the intensity mask (the highest
 *       such mean when several voxels share that intensity);</li>
 *   <li>F_loc.peak.global: the highest sphere mean around any voxel of the intensity mask.</li>
 * </ul>
 *
 * <p>Worked example (also a unit test): a 3 × 1 × 1 image (1, 5, 3) of 4 mm voxels, all in the ROI: the sphere
 * around each voxel holds its neighbours 4 mm away, so the means are 3, 3 and 4: the local peak (around the 5) is 3,
 * the global peak 4.
 */
public final class LocalIntensity {

    private final int[] size;
    private final double[] values;
    private final boolean[] mask;
    private final int[] offsets;
    private final int[][] steps;

    /**
     * @param size    block size (x, y, z)
     * @param spacing spacing (mm)
     * @param values  intensities of every block voxel
     * @param mask    the intensity mask
     */
    public LocalIntensity(int[] size, double[] spacing, double[] values, boolean[] mask) {
        this.size = size.clone();
        this.values = values;
        this.mask = mask;
        double r = Math.cbrt(3.0 / (4.0 * Math.PI)) * 10.0;
        int ex = (int) Math.floor(r / spacing[0]), ey = (int) Math.floor(r / spacing[1]),
                ez = (int) Math.floor(r / spacing[2]);
        java.util.List<int[]> list = new java.util.ArrayList<>();
        for (int k = -ez; k <= ez; k++) {
            for (int j = -ey; j <= ey; j++) {
                for (int i = -ex; i <= ex; i++) {
                    double dx = i * spacing[0], dy = j * spacing[1], dz = k * spacing[2];
                    if (Math.sqrt(dx * dx + dy * dy + dz * dz) <= r) {
                        list.add(new int[] {i, j, k});
                    }
                }
            }
        }
        steps = list.toArray(new int[0][]);
        offsets = new int[steps.length];
        for (int s = 0; s < steps.length; s++) {
            offsets[s] = steps[s][0] + size[0] * (steps[s][1] + size[1] * steps[s][2]);
        }
    }

    /** Mean over the sphere around voxel (i, j, k). */
    double sphereMean(int i, int j, int k) {
        int p = i + size[0] * (j + size[1] * k);
        double sum = 0;
        int n = 0;
        for (int s = 0; s < steps.length; s++) {
            int[] d = steps[s];
            int x = i + d[0], y = j + d[1], z = k + d[2];
            if (x < 0 || y < 0 || z < 0 || x >= size[0] || y >= size[1] || z >= size[2]) {
                continue;
            }
            sum += values[p + offsets[s]];
            n++;
        }
        return sum / n;
    }

    /** F_loc.peak.local. */
    public double localPeak() {
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < values.length; p++) {
            if (mask[p]) {
                max = Math.max(max, values[p]);
            }
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < values.length; p++) {
            if (mask[p] && values[p] == max) {
                peak = Math.max(peak, sphereMean(p % size[0], (p / size[0]) % size[1], p / (size[0] * size[1])));
            }
        }
        return peak;
    }

    /** F_loc.peak.global. */
    public double globalPeak() {
        double peak = Double.NEGATIVE_INFINITY;
        int p = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, p++) {
                    if (mask[p]) {
                        peak = Math.max(peak, sphereMean(i, j, k));
                    }
                }
            }
        }
        return peak;
    }

    /** Every feature by tag, in the manual's order. */
    public Map<String, Double> features() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("loc_peak_loc", localPeak());
        f.put("loc_peak_glob", globalPeak());
        return f;
    }
}
