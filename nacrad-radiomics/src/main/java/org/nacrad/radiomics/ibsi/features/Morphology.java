package org.nacrad.radiomics.ibsi.features;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nacrad.radiomics.mesh.HalfGridPoints;
import org.nacrad.radiomics.mesh.MarchingCubes;
import org.nacrad.radiomics.mesh.MeshMeasures;
import org.nacrad.radiomics.mesh.PrincipalAxes;

/**
 * IBSI morphological features (manual §3.1, family {@code morph}), in 3D. The morphological mask gives the mesh
 * (marching cubes at level ½ on the mask padded with background, the mesh of {@link MarchingCubes}), the voxel
 * count and the voxel-centre point set of the principal component analysis; the intensity mask gives the
 * intensities of the integrated intensity, the intensity-weighted centre of mass and Moran's I / Geary's C
 * ({@link SpatialAutocorrelation}).
 *
 * <p>Worked example (also a unit test): a single voxel of 1 mm³: the mesh is the octahedron |x| + |y| + |z| ≤ ½ with
 * V = 1/6 and A = √3, so A/V = 6√3 ≈ 10.39 and sphericity (36πV²)^⅓ / A = (π)^⅓ / √3 ≈ 0.8456; its hull is itself
 * (volume density 1), the maximum diameter 1 (opposite vertices).
 *
 * <p>Principal axes use the sample covariance (divisor N − 1) of the voxel centres, as MIRP does; the manual
 * prescribes PCA without naming the divisor. The oriented minimum bounding box and minimum-volume enclosing
 * ellipsoid densities have no IBSI reference value ("should not be used") and are not computed.
 */
public final class Morphology {

    private final Map<String, Double> features = new LinkedHashMap<>();

    /**
     * @param size          block size (x, y, z)
     * @param spacing       spacing (mm)
     * @param values        intensities of every block voxel
     * @param intensityMask the intensity mask
     * @param morphMask     the morphological mask
     */
    public Morphology(int[] size, double[] spacing, double[] values, boolean[] intensityMask, boolean[] morphMask) {
        MeshMeasures mesh = MarchingCubes.mesh(morphMask, size, spacing);
        double v = Math.abs(mesh.volume());
        double a = mesh.surfaceArea();
        int nMorph = 0, nInt = 0;
        double[] geo = new double[3], weighted = new double[3];
        double intSum = 0;
        for (int k = 0, p = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, p++) {
                    if (morphMask[p]) {
                        nMorph++;
                        geo[0] += i * spacing[0];
                        geo[1] += j * spacing[1];
                        geo[2] += k * spacing[2];
                    }
                    if (intensityMask[p]) {
                        nInt++;
                        double x = values[p];
                        intSum += x;
                        weighted[0] += x * i * spacing[0];
                        weighted[1] += x * j * spacing[1];
                        weighted[2] += x * k * spacing[2];
                    }
                }
            }
        }
        double com = 0;
        for (int d = 0; d < 3; d++) {
            double diff = geo[d] / nMorph - weighted[d] / intSum;
            com += diff * diff;
        }
        double meanInt = intSum / nInt;

        // convex hull of the mesh vertices (doubled lattice coordinates, z, y, x)
        HalfGridPoints vx = mesh.vertices();
        ConvexHull3D hull = new ConvexHull3D(vx.halfCoordinates(), vx.count());
        double[] scale = {vx.spacing()[0] / 2, vx.spacing()[1] / 2, vx.spacing()[2] / 2};
        double hullVolume = hull.volume(scale);
        double hullArea = hull.area(scale);
        double diameter = diameter(hull.vertexCoordinates(), scale);
        // axis-aligned bounding box of the vertices
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        int[] hc = vx.halfCoordinates();
        for (int q = 0; q < vx.count(); q++) {
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], hc[3 * q + d]);
                hi[d] = Math.max(hi[d], hc[3 * q + d]);
            }
        }
        double ez = (hi[0] - lo[0]) * scale[0], ey = (hi[1] - lo[1]) * scale[1], ex = (hi[2] - lo[2]) * scale[2];
        double aabbVolume = ex * ey * ez;
        double aabbArea = 2 * (ex * ey + ex * ez + ey * ez);

        // principal axes: eigenvalues of the sample covariance of the voxel centres
        double[] ev = PrincipalAxes.eigenvalues(morphMask, size, spacing);
        double f = nMorph > 1 ? (double) nMorph / (nMorph - 1) : 1;
        double least = ev[0] * f, minor = ev[1] * f, major = ev[2] * f;
        double semiA = 2 * Math.sqrt(major), semiB = 2 * Math.sqrt(minor), semiC = 2 * Math.sqrt(least);

        features.put("morph_volume", v);
        features.put("morph_vol_approx", nMorph * spacing[0] * spacing[1] * spacing[2]);
        features.put("morph_area_mesh", a);
        features.put("morph_av", a / v);
        features.put("morph_comp_1", v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)));
        features.put("morph_comp_2", 36 * Math.PI * v * v / (a * a * a));
        features.put("morph_sph_dispr", a / Math.cbrt(36 * Math.PI * v * v));
        features.put("morph_sphericity", Math.cbrt(36 * Math.PI * v * v) / a);
        features.put("morph_asphericity", Math.cbrt(a * a * a / (36 * Math.PI * v * v)) - 1);
        features.put("morph_com", Math.sqrt(com));
        features.put("morph_diam", diameter);
        features.put("morph_pca_maj_axis", 4 * Math.sqrt(major));
        features.put("morph_pca_min_axis", 4 * Math.sqrt(minor));
        features.put("morph_pca_least_axis", 4 * Math.sqrt(least));
        features.put("morph_pca_elongation", major == 0 ? 0 : Math.sqrt(minor / major));
        features.put("morph_pca_flatness", major == 0 ? 0 : Math.sqrt(least / major));
        features.put("morph_vol_dens_aabb", v / aabbVolume);
        features.put("morph_area_dens_aabb", a / aabbArea);
        features.put("morph_vol_dens_aee", 3 * v / (4 * Math.PI * semiA * semiB * semiC));
        features.put("morph_area_dens_aee", a / ellipsoidArea(semiA, semiB, semiC));
        features.put("morph_vol_dens_conv_hull", hullVolume > 0 ? v / hullVolume : Double.NaN);
        features.put("morph_area_dens_conv_hull", hullArea > 0 ? a / hullArea : Double.NaN);
        features.put("morph_integ_int", v * meanInt);
        SpatialAutocorrelation sa = new SpatialAutocorrelation(size, spacing, values, intensityMask);
        features.put("morph_moran_i", sa.moranI());
        features.put("morph_geary_c", sa.gearyC());
    }

    /** The largest distance between two points (O(n²) over the hull's vertices, which hold the farthest pair). */
    static double diameter(int[] c, double[] scale) {
        int n = c.length / 3;
        double best = 0;
        for (int i = 0; i < n; i++) {
            double xi = c[3 * i] * scale[0], yi = c[3 * i + 1] * scale[1], zi = c[3 * i + 2] * scale[2];
            for (int j = i + 1; j < n; j++) {
                double dx = c[3 * j] * scale[0] - xi, dy = c[3 * j + 1] * scale[1] - yi,
                        dz = c[3 * j + 2] * scale[2] - zi;
                best = Math.max(best, dx * dx + dy * dy + dz * dz);
            }
        }
        return Math.sqrt(best);
    }

    /**
     * Surface area of the ellipsoid with semi-axes a ≥ b ≥ c: the manual's Legendre series
     * 4πab Σ_{ν=0}^{20} (αβ)^ν/(1 − 4ν²) P_ν((α² + β²)/(2αβ)), α = √(1 − b²/a²), β = √(1 − c²/a²); the sphere and the
     * spheroids (where α or β vanish) by their closed forms.
     */
    static double ellipsoidArea(double a, double b, double c) {
        if (a == 0) {
            return 0;
        }
        if (a == b && b == c) {
            return 4 * Math.PI * a * a;
        }
        if (b == c) { // prolate spheroid
            double e = Math.sqrt(1 - c * c / (a * a));
            return 2 * Math.PI * c * c * (1 + a * Math.asin(e) / (c * e));
        }
        if (a == b) { // oblate spheroid
            double e = Math.sqrt(1 - c * c / (a * a));
            return 2 * Math.PI * a * a * (1 + (1 - e * e) / e * atanh(e));
        }
        double alpha = Math.sqrt(1 - b * b / (a * a));
        double beta = Math.sqrt(1 - c * c / (a * a));
        double ab = alpha * beta;
        double x = (alpha * alpha + beta * beta) / (2 * ab);
        double pPrev = 1, p = x;
        double sum = 1; // ν = 0: (αβ)⁰/(1 − 0) P₀
        double power = 1;
        for (int nu = 1; nu <= 20; nu++) {
            power *= ab;
            double pn = nu == 1 ? x : ((2 * nu - 1) * x * p - (nu - 1) * pPrev) / nu;
            if (nu > 1) {
                pPrev = p;
                p = pn;
            }
            sum += power / (1 - 4.0 * nu * nu) * pn;
        }
        return 4 * Math.PI * a * b * sum;
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** Every feature by tag, in the manual's order. */
    public Map<String, Double> features() {
        return features;
    }
}
