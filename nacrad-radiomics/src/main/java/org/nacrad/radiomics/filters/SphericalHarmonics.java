package org.nacrad.radiomics.filters;

/**
 * Complex spherical harmonics with SciPy's {@code sph_harm(m, n, theta, phi)} conventions (θ azimuth, φ polar
 * angle, Condon–Shortley phase):
 * <pre>  Y_n^m(θ, φ) = √((2n+1)/(4π) · (n−m)!/(n+m)!) · P_n^m(cos φ) · e^{imθ}</pre>
 * with P_n^{−m} = (−1)^m (n−m)!/(n+m)! P_n^m. The associated Legendre function uses the standard three-term
 * recurrence in n from P_m^m = (−1)^m (2m−1)!! (1−x²)^{m/2}. Example: Y_0^0 = 1/(2√π) ≈ 0.28209.
 */
final class SphericalHarmonics {

    private SphericalHarmonics() {
    }

    /** {re, im} of SciPy's {@code sph_harm(m, n, theta, phi)}. */
    static double[] scipy(int m, int n, double theta, double phi) {
        if (Math.abs(m) > n || n < 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double x = Math.cos(phi);
        int mp = Math.abs(m);
        double val = legendre(mp, n, x);
        if (m < 0) {
            val *= (mp % 2 == 0 ? 1 : -1) * factorialRatio(n - mp, n + mp);
        }
        val *= Math.sqrt((2 * n + 1) / 4.0 / Math.PI);
        val *= Math.sqrt(factorialRatio(n - m, n + m));
        return new double[] {val * Math.cos(m * theta), val * Math.sin(m * theta)};
    }

    /** P_n^m(x), m ≥ 0, with the Condon–Shortley phase. */
    static double legendre(int m, int n, double x) {
        double pmm = 1;
        double s = Math.sqrt((1 - x) * (1 + x));
        double odd = 1;
        for (int i = 1; i <= m; i++) {
            pmm *= -odd * s;
            odd += 2;
        }
        if (n == m) {
            return pmm;
        }
        double pm1 = x * (2 * m + 1) * pmm;
        for (int l = m + 2; l <= n; l++) {
            double pl = ((2 * l - 1) * x * pm1 - (l + m - 1) * pmm) / (l - m);
            pmm = pm1;
            pm1 = pl;
        }
        return pm1;
    }

    /** a! / b! for small non-negative a, b. */
    private static double factorialRatio(int a, int b) {
        double r = 1;
        for (int i = b + 1; i <= a; i++) {
            r *= i;
        }
        for (int i = a + 1; i <= b; i++) {
            r /= i;
        }
        return r;
    }
}
