package org.nacrad.radiomics.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.settings.Limits;

/**
 * PyRadiomics' {@code LBP3D} image type ({@code getLBP3DImage}): rotation-invariant 3D local binary patterns by
 * spherical harmonics (Banerjee, Moelker, Niessen, van Walsum, "3D LBP-based rotationally invariant region
 * description", ACCV 2012 workshops, LNCS 7728), computed for the ROI voxels only. Outputs {@code lbp-3D-m1} …
 * {@code lbp-3D-m<levels>} and {@code lbp-3D-k}; voxels outside the ROI are 0 (PyRadiomics leaves them
 * uninitialised).
 *
 * <p><b>Maths</b>, for each ROI voxel p with value g_p:
 * <ol>
 * <li>Sample points: the vertices v of trimesh's icosphere ({@code lbp3DIcosphereSubdivision} subdivisions of
 * the icosahedron, radius R = {@code lbp3DIcosphereRadius}); PyRadiomics adds the vertex's (x, y, z) to the voxel's
 * NumPy index (z, y, x) as they are, so v_x displaces along z.</li>
 * <li>g_v = cubic B-spline interpolation of the image there (SciPy {@code map_coordinates(order=3)}: spline
 * prefilter with mirror boundary, value 0 where a coordinate leaves [0, n − 1]); the samples are stored in the
 * image's pixel type (integer types round half away from zero).</li>
 * <li>{@code lbp-3D-k}: the kurtosis of the g_v (Fisher, biased: m₄/m₂² − 3; NaN for constant samples).</li>
 * <li>s_v = [g_v ≥ g_p]; c_{n,m} = Σ_v s_v Y_n^m(v) with SciPy's {@code sph_harm(m, n, θ_v, φ_v)} where
 * PyRadiomics passes θ = arccos(v_z/R) as SciPy's azimuth and φ = atan2(v_y, v_x) as SciPy's polar angle.</li>
 * <li>{@code lbp-3D-m<n+1>} = Re √(Σ_v f_v²) with f_v = Σ_m c_{n,m} Y_n^m(v) (a complex square, not |f_v|², as
 * PyRadiomics computes it), n = 0 … levels − 1.</li>
 * </ol>
 * Written by hand (B-spline prefilter and evaluation after Unser, Aldroubi and Eden, IEEE PAMI 13(3), 1991, in
 * SciPy's arithmetic order; associated Legendre functions by the standard recurrence).
 *
 * <p>Settings: {@code lbp3DLevels} (2), {@code lbp3DIcosphereRadius} (1), {@code lbp3DIcosphereSubdivision} (1).
 * The ROI is the {@code mask} argument (required). Icosphere vertices are numbered as trimesh does for the 12
 * icosahedron vertices, the edge midpoints in sorted edge order (trimesh's order may differ; it only changes the
 * order of sums over vertices, i.e. the last bits).
 */
public final class LBP3DFilter implements ImageFilter {

    /** trimesh's icosahedron (resources/creation.json). */
    private static final double A = 0.5257311121191336, B = 0.85065080835204;
    private static final double[][] ICO_V = {
        {-A, B, 0}, {A, B, 0}, {-A, -B, 0}, {A, -B, 0}, {0, -A, B}, {0, A, B},
        {0, -A, -B}, {0, A, -B}, {B, 0, -A}, {B, 0, A}, {-B, 0, -A}, {-B, 0, A}};
    private static final int[][] ICO_F = {
        {0, 11, 5}, {0, 5, 1}, {0, 1, 7}, {0, 7, 10}, {0, 10, 11}, {1, 5, 9}, {5, 11, 4}, {11, 10, 2},
        {10, 7, 6}, {7, 1, 8}, {3, 9, 4}, {3, 4, 2}, {3, 2, 6}, {3, 6, 8}, {3, 8, 9}, {4, 9, 5}, {2, 4, 11},
        {6, 2, 10}, {8, 6, 7}, {9, 8, 1}};

    @Override
    public String name() {
        return "LBP3D";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        if (mask == null) {
            throw new IllegalArgumentException("LBP3D needs the ROI mask: it is computed for ROI voxels only");
        }
        int levels = settings.lbp3DLevels();
        double radius = settings.lbp3DIcosphereRadius();
        int subdivisions = settings.lbp3DIcosphereSubdivision();
        Geometry g = image.geometry();
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        // the icosphere (10·4^s + 2 points; its faces and edges while subdividing), the harmonics at each point, the
        // levels + 1 output images
        double points = 10 * Math.pow(4, subdivisions) + 2;
        double harmonics = (double) levels * levels;
        Limits.require("LBP3D: lbp3DIcosphereSubdivision " + subdivisions + " and lbp3DLevels " + levels + " make "
                        + Limits.number(points) + " sample points and " + Limits.number(harmonics) + " harmonics",
                Math.max(points * 2, image.data().length),
                350 * points + 16 * points * harmonics + 8 * (levels + 1.0) * image.data().length,
                "lower lbp3DIcosphereSubdivision or lbp3DLevels");
        double[][] verts = icosphere(subdivisions, radius);
        int nv = verts.length;
        // spherical harmonics, columns (n, m): (0,0), then n = 1 … levels−1, m = −n … n
        List<int[]> nm = new ArrayList<>();
        for (int n = 0; n < levels; n++) {
            for (int m = -n; m <= n; m++) {
                nm.add(new int[] {n, m});
            }
        }
        int nh = nm.size();
        double[][] yre = new double[nv][nh];
        double[][] yim = new double[nv][nh];
        for (int v = 0; v < nv; v++) {
            double theta = Math.acos(verts[v][2] / radius);
            double phi = Math.atan2(verts[v][1], verts[v][0]);
            for (int h = 0; h < nh; h++) {
                double[] y = SphericalHarmonics.scipy(nm.get(h)[1], nm.get(h)[0], theta, phi);
                yre[v][h] = y[0];
                yim[v][h] = y[1];
            }
        }
        double[] coeffs = CubicSpline.prefilter(image.data(), new int[] {nz, ny, nx});
        double[] src = image.data();
        PixelType type = image.pixelType();
        double[][] out = new double[levels + 1][src.length];
        double[] samples = new double[nv];
        double[] cre = new double[nh];
        double[] cim = new double[nh];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int idx = i + nx * (j + ny * k);
                    if (!mask[idx]) {
                        continue;
                    }
                    for (int v = 0; v < nv; v++) {
                        double t = CubicSpline.evaluate(coeffs, nz, ny, nx,
                                k + verts[v][0], j + verts[v][1], i + verts[v][2]);
                        samples[v] = store(t, type);
                    }
                    out[levels][idx] = type == PixelType.FLOAT32 ? kurtosisFloat(samples) : kurtosis(samples);
                    double centre = src[idx];
                    java.util.Arrays.fill(cre, 0);
                    java.util.Arrays.fill(cim, 0);
                    for (int h = 0; h < nh; h++) {
                        for (int v = 0; v < nv; v++) {
                            double s = samples[v] >= centre ? 1 : 0;
                            cre[h] += s * yre[v][h];
                            cim[h] += s * yim[v][h];
                        }
                    }
                    int h0 = 0;
                    for (int n = 0; n < levels; n++) {
                        int count = 2 * n + 1;
                        double sumRe = 0, sumIm = 0;
                        for (int v = 0; v < nv; v++) {
                            double fr = 0, fi = 0;
                            for (int h = h0; h < h0 + count; h++) {
                                // (c · Y) complex product
                                fr += cre[h] * yre[v][h] - cim[h] * yim[v][h];
                                fi += cre[h] * yim[v][h] + cim[h] * yre[v][h];
                            }
                            sumRe += fr * fr - fi * fi;
                            sumIm += 2 * fr * fi;
                        }
                        out[n][idx] = complexSqrtReal(sumRe, sumIm);
                        h0 += count;
                    }
                }
            }
        }
        List<Filtered> result = new ArrayList<>();
        for (int n = 0; n < levels; n++) {
            result.add(new Filtered("lbp-3D-m" + (n + 1), image.withData(out[n], PixelType.FLOAT64)));
        }
        result.add(new Filtered("lbp-3D-k", image.withData(out[levels], PixelType.FLOAT64)));
        return List.copyOf(result);
    }

    /** Real part of the principal square root of re + i·im. */
    static double complexSqrtReal(double re, double im) {
        double r = Math.hypot(re, im);
        return Math.sqrt((r + re) / 2);
    }

    /** The value SciPy stores in an output array of the image's type. */
    static double store(double t, PixelType type) {
        switch (type) {
            case FLOAT64:
                return t;
            case FLOAT32:
                return (float) t;
            default:
                if (type.isSigned()) {
                    t = t > 0 ? t + 0.5 : t - 0.5;
                } else {
                    t = t > 0 ? t + 0.5 : 0;
                }
                t = Math.max(type.min(), Math.min(type.max(), t));
                return (double) (long) t;
        }
    }

    /** SciPy's {@code kurtosis} (Fisher, biased), NaN for (numerically) constant samples. */
    static double kurtosis(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double m2 = 0, m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m4 /= n;
        double resolution = 1e-15 * mean;
        if (m2 <= resolution * resolution) {
            return Double.NaN;
        }
        return m4 / (m2 * m2) - 3;
    }

    /**
     * SciPy's {@code kurtosis} of float32 samples, evaluated as NumPy does for a float32 array: every step in single
     * precision, means by NumPy's pairwise summation.
     */
    static double kurtosisFloat(double[] x) {
        int n = x.length;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) x[i];
        }
        float mean = pairwiseSum(a, 0, n) / n;
        float[] sq = new float[n];
        float[] q = new float[n];
        for (int i = 0; i < n; i++) {
            float d = a[i] - mean;
            sq[i] = d * d;
            q[i] = sq[i] * sq[i];
        }
        float m2 = pairwiseSum(sq, 0, n) / n;
        float m4 = pairwiseSum(q, 0, n) / n;
        float tiny = 1e-6f * mean;
        if (m2 <= tiny * tiny) {
            return Double.NaN;
        }
        return m4 / (m2 * m2) - 3f;
    }

    /** NumPy's pairwise summation (8-way unrolled blocks of at most 128) in single precision. */
    static float pairwiseSum(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= 128) {
            float[] r = new float[8];
            System.arraycopy(a, off, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[off + i + j];
                }
            }
            float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
    }

    /** trimesh's {@code icosphere}: subdivide (edge midpoints) and push every vertex onto the sphere, each time. */
    static double[][] icosphere(int subdivisions, double radius) {
        List<double[]> verts = new ArrayList<>();
        for (double[] v : ICO_V) {
            verts.add(v.clone());
        }
        List<int[]> faces = new ArrayList<>(List.of(ICO_F));
        for (int s = 0; s < subdivisions; s++) {
            TreeMap<Long, Integer> mid = new TreeMap<>();
            List<int[]> next = new ArrayList<>();
            int base = verts.size();
            // unique edges, numbered in sorted (low, high) order as new vertices
            for (int[] f : faces) {
                for (int e = 0; e < 3; e++) {
                    int a = f[e], b = f[(e + 1) % 3];
                    mid.putIfAbsent(key(a, b), -1);
                }
            }
            int n = base;
            for (var e : mid.entrySet()) {
                e.setValue(n++);
                int a = (int) (e.getKey() >> 32), b = (int) (long) e.getKey();
                double[] p = verts.get(a), q = verts.get(b);
                verts.add(new double[] {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2});
            }
            for (int[] f : faces) {
                int m0 = mid.get(key(f[0], f[1])), m1 = mid.get(key(f[1], f[2])), m2 = mid.get(key(f[2], f[0]));
                next.add(new int[] {f[0], m0, m2});
                next.add(new int[] {m0, f[1], m1});
                next.add(new int[] {m2, m1, f[2]});
                next.add(new int[] {m0, m1, m2});
            }
            faces = next;
            project(verts, radius);
        }
        if (subdivisions <= 0) {
            project(verts, radius);
        }
        return verts.toArray(new double[0][]);
    }

    private static void project(List<double[]> verts, double radius) {
        for (double[] v : verts) {
            double scalar = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            double f = radius - scalar;
            for (int a = 0; a < 3; a++) {
                v[a] += v[a] / scalar * f;
            }
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
