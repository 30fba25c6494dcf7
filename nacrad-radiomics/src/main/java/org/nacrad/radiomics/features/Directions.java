package org.nacrad.radiomics.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.settings.Limits;
import org.nacrad.radiomics.settings.WeightingNorm;

/**
 * The neighbour offsets ("angles") the texture matrices walk along, generated as PyRadiomics generates them
 * ({@code build_angles}/{@code get_angle_count} in {@code cmatrices.c}).
 *
 * <p>Worked example: a 3D box of size 4×4×4 with {@code distances = [1]} gives, in PyRadiomics' order, the 13
 * one-directional offsets (written {@code (dk, dj, di)} as NumPy's z, y, x):
 * <pre>
 *   (1,1,1) (1,1,0) (1,1,−1) (1,0,1) (1,0,0) (1,0,−1) (1,−1,1) (1,−1,0) (1,−1,−1) (0,1,1) (0,1,0) (0,1,−1) (0,0,1)
 * </pre>
 * and with {@code bidirectional} also their 13 negatives (26 in all). With {@code force2D} (out-of-plane dimension z)
 * only the 4 in-plane ones remain: (0,1,1) (0,1,0) (0,1,−1) (0,0,1). A box only one voxel thick along an axis
 * loses every offset that moves along that axis, exactly as with force2D.
 *
 * <p>Rules, following PyRadiomics:
 * <ul>
 *   <li>the offsets of distance δ are those whose infinity norm (largest absolute component) is δ, for each δ in
 *       {@code distances};</li>
 *   <li>no offset moves along the force2D dimension, nor by |o| ≥ size along any axis;</li>
 *   <li>they are enumerated with the z offset changing slowest and each component running from +δmax down to
 *       −δmax; one-directional sets are the first half of the bidirectional set (the second half are their
 *       negatives in reverse order).</li>
 * </ul>
 *
 * <p>Every offset is returned as {@code {di, dj, dk}}: steps along i (x), j (y) and k (z) of a {@link FeatureInput}.
 */
public final class Directions {

    private Directions() {
    }

    /**
     * The offsets for a feature input, with the {@code distances}, {@code force2D} and {@code force2Ddimension} of
     * its settings.
     *
     * @param input         the ROI box (its size decides which offsets fit)
     * @param bidirectional true for both directions of each angle (GLSZM, GLDM, NGTDM), false for one (GLCM,
     *                      GLRLM)
     */
    public static int[][] of(FeatureInput input, boolean bidirectional) {
        return of(input, input.settings().distances(), bidirectional);
    }

    /** As {@link #of(FeatureInput, boolean)} with the given distances (GLRLM and GLSZM pass {@code [1]}). */
    public static int[][] of(FeatureInput input, int[] distances, boolean bidirectional) {
        RadiomicsSettings s = input.settings();
        return generate(input.size(), distances, bidirectional, s.force2D() ? s.force2Ddimension() : -1);
    }

    /**
     * As {@link #of(FeatureInput, int[], boolean)}, for a texture matrix: no offset at all is an error.
     *
     * @throws IllegalArgumentException when no offset fits the box (every distance is as long as the box, or
     *                                  longer): PyRadiomics fails there too ("Error getting angle count")
     */
    static int[][] forMatrix(FeatureInput input, int[] distances, boolean bidirectional) {
        int[][] offsets = of(input, distances, bidirectional);
        if (offsets.length == 0) {
            RadiomicsSettings s = input.settings();
            int[] b = input.size();
            throw new IllegalArgumentException("distances " + Arrays.toString(distances) + ": no neighbour at these "
                    + "distances fits in the " + b[0] + " x " + b[1] + " x " + b[2] + " ROI box" + (s.force2D()
                    ? " (in-plane, force2D)" : "") + "; use distances smaller than the box");
        }
        return offsets;
    }

    /**
     * PyRadiomics' angles.
     *
     * @param size             box size along i, j, k
     * @param distances        the requested infinity-norm distances (each ≥ 1)
     * @param bidirectional    keep both an offset and its negative
     * @param force2Ddimension the out-of-plane dimension as PyRadiomics numbers it (0 = z/k, 1 = y/j, 2 = x/i), or
     *                         −1 for 3D
     * @return offsets {@code {di, dj, dk}} in PyRadiomics' order; empty when no offset fits the box
     * @throws IllegalArgumentException for a distance below 1, or a force2Ddimension outside −1…2
     */
    public static int[][] generate(int[] size, int[] distances, boolean bidirectional, int force2Ddimension) {
        if (distances.length == 0) {
            throw new IllegalArgumentException("distances: at least one distance is needed");
        }
        if (force2Ddimension < -1 || force2Ddimension > 2) {
            throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, got " + force2Ddimension);
        }
        int maxDistance = 0;
        for (int d : distances) {
            if (d < 1) {
                throw new IllegalArgumentException("distances must be ≥ 1, got " + d);
            }
            maxDistance = Math.max(maxDistance, d);
        }
        // PyRadiomics' dimension n (z, y, x) is our axis 2 − n.
        int[] npSize = {size[2], size[1], size[0]};
        // Offsets run from +reach to −reach along each dimension: the requested distance, but no further than the box
        // (an offset as long as the box fits nothing) and 0 across the force2D dimension. PyRadiomics enumerates up
        // to the distance and drops what does not fit: the same offsets in the same order, without a loop the cube
        // of the distance long.
        int[] reach = new int[3];
        double candidates = 1;
        for (int d = 0; d < 3; d++) {
            reach[d] = d == force2Ddimension ? 0 : Math.min(maxDistance, npSize[d] - 1);
            candidates *= 2.0 * reach[d] + 1;
        }
        Limits.require("distances " + Arrays.toString(distances) + " in a " + size[0] + " x " + size[1] + " x "
                + size[2] + " ROI box make up to " + Limits.number(candidates) + " directions", candidates,
                48 * candidates, "use smaller distances");
        List<int[]> all = new ArrayList<>();
        int[] o = new int[3];
        for (o[0] = reach[0]; o[0] >= -reach[0]; o[0]--) {
            for (o[1] = reach[1]; o[1] >= -reach[1]; o[1]--) {
                for (o[2] = reach[2]; o[2] >= -reach[2]; o[2]--) {
                    if (requested(o, distances)) {
                        all.add(new int[] {o[2], o[1], o[0]});
                    }
                }
            }
        }
        // The enumeration is antisymmetric around (0,0,0), so the first half holds one of each ± pair.
        int count = bidirectional ? all.size() : all.size() / 2;
        return all.subList(0, count).toArray(new int[0][]);
    }

    private static boolean requested(int[] o, int[] distances) {
        int norm = infinityNorm(o);
        for (int d : distances) {
            if (norm == d) {
                return true;
            }
        }
        return false;
    }

    /** max(|di|, |dj|, |dk|): the distance an offset belongs to. */
    public static int infinityNorm(int[] offset) {
        return Math.max(Math.abs(offset[0]), Math.max(Math.abs(offset[1]), Math.abs(offset[2])));
    }

    /**
     * The physical length of an offset in the norm named by {@code weightingNorm}; GLRLM weights each direction's
     * matrix by it when the setting is given.
     * <ul>
     *   <li>{@code infinity}: max|oₐ·sₐ|</li>
     *   <li>{@code euclidean}: √Σ(oₐ·sₐ)²</li>
     *   <li>{@code manhattan}: Σ|oₐ·sₐ|</li>
     *   <li>{@code no_weighting}: 1</li>
     * </ul>
     *
     * @param offset  {@code {di, dj, dk}}
     * @param spacing voxel size along i, j, k (mm)
     */
    public static double distance(int[] offset, double[] spacing, WeightingNorm norm) {
        double a0 = Math.abs(offset[0]) * spacing[0];
        double a1 = Math.abs(offset[1]) * spacing[1];
        double a2 = Math.abs(offset[2]) * spacing[2];
        return switch (norm) {
            case INFINITY -> Math.max(a0, Math.max(a1, a2));
            case EUCLIDEAN -> Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2);
            case MANHATTAN -> a0 + a1 + a2;
            case NO_WEIGHTING -> 1;
        };
    }

    /**
     * The distance weight PyRadiomics gives an offset's GLCM when {@code weightingNorm} is set, W = exp(−d²) with
     * d the {@link #distance} in the norm named:
     * <ul>
     *   <li>{@code infinity}: W = exp(−max|oₐ·sₐ|²)</li>
     *   <li>{@code euclidean}: W = exp(−Σ(oₐ·sₐ)²)</li>
     *   <li>{@code manhattan}: W = exp(−(Σ|oₐ·sₐ|)²)</li>
     *   <li>{@code no_weighting}: W = 1</li>
     * </ul>
     * The squares are those of {@link #distance} (Euclidean: the sum of squares itself, not the square of its root,
     * as PyRadiomics computes it).
     *
     * @param offset  {@code {di, dj, dk}}
     * @param spacing voxel size along i, j, k (mm)
     */
    public static double weight(int[] offset, double[] spacing, WeightingNorm norm) {
        double a0 = Math.abs(offset[0]) * spacing[0];
        double a1 = Math.abs(offset[1]) * spacing[1];
        double a2 = Math.abs(offset[2]) * spacing[2];
        return switch (norm) {
            case INFINITY -> {
                double m = Math.max(a0, Math.max(a1, a2));
                yield Math.exp(-m * m);
            }
            case EUCLIDEAN -> Math.exp(-(a0 * a0 + a1 * a1 + a2 * a2));
            case MANHATTAN -> {
                double s = a0 + a1 + a2;
                yield Math.exp(-s * s);
            }
            case NO_WEIGHTING -> 1;
        };
    }

    /**
     * The linear index step of an offset in a box laid out i fastest: {@code di + nx·(dj + ny·dk)}.
     */
    public static int linearStep(int[] offset, int[] size) {
        return offset[0] + size[0] * (offset[1] + size[1] * offset[2]);
    }
}
