package org.nacrad.simulator;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The simulator's random numbers: reproducible bit for bit on any machine.
 *
 * <p>Uniform numbers come from Commons RNG's XoRoShiRo128++ seeded with (seed, stream), so every patient has its
 * own stream and the cohort does not depend on the order or number of threads. All transforms use
 * {@link StrictMath}, whose results are specified to the bit (unlike {@link Math}, which may use faster
 * platform intrinsics).
 */
final class Rng {

    private final UniformRandomProvider u;

    /**
     * A stream for one purpose: (cohort seed, stream number). The generator's 128-bit state is expanded from
     * both numbers by SplitMix64 (Steele et al., OOPSLA 2014), so neighbouring streams are uncorrelated.
     */
    Rng(long seed, long stream) {
        long x = mix(mix(seed) ^ (stream * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
        this.u = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix(x), mix(x + 0x9E3779B97F4A7C15L)});
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return u.nextDouble();
    }

    /** Uniform in [a, b). */
    double uniform(double a, double b) {
        return a + (b - a) * u.nextDouble();
    }

    /** Uniform integer in [0, n). */
    int nextInt(int n) {
        return u.nextInt(n);
    }

    /** True with probability p. */
    boolean bernoulli(double p) {
        return u.nextDouble() < p;
    }

    private double spare;
    private boolean hasSpare;

    /**
     * Standard normal by Marsaglia's polar method (Marsaglia &amp; Bray, SIAM Review 1964): a uniform point in the
     * unit disc gives two independent normals, the second kept for the next call. Only a logarithm (StrictMath)
     * and a square root (exactly rounded) are needed, so the values are reproducible bit for bit.
     */
    double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double x;
        double y;
        double s;
        do {
            x = 2 * u.nextDouble() - 1;
            y = 2 * u.nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = y * f;
        hasSpare = true;
        return x * f;
    }

    /** Normal with mean m and standard deviation s. */
    double normal(double m, double s) {
        return m + s * normal();
    }

    /** Normal truncated to [lo, hi] by redrawing. */
    double truncatedNormal(double m, double s, double lo, double hi) {
        for (int i = 0; i < 1000; i++) {
            double v = normal(m, s);
            if (v >= lo && v <= hi) {
                return v;
            }
        }
        return Math.min(hi, Math.max(lo, m));
    }

    /** A unit vector uniformly on the sphere. */
    double[] unitVector() {
        double z = uniform(-1, 1);
        double t = uniform(0, 2 * StrictMath.PI);
        double r = StrictMath.sqrt(1 - z * z);
        return new double[] {r * StrictMath.cos(t), r * StrictMath.sin(t), z};
    }
}
