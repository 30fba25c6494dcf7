package org.nacrad.radiomics.filters;

/**
 * ITK's recursive Gaussian (itk::RecursiveGaussianImageFilter, ITK 5.2): Deriche's fourth-order IIR approximation
 * of the convolution with a Gaussian (order 0) or its second derivative (order 2), one causal and one anti-causal
 * pass along a line.
 *
 * <p><b>Method</b> (R. Deriche, "Recursively implementing the Gaussian and its derivatives", INRIA RR-1893, 1993;
 * coefficients and normalisation as in ITK). With σ_d = σ / spacing (voxels), the filter is
 * <pre>
 *   y⁺[i] = N0 x[i] + N1 x[i−1] + N2 x[i−2] + N3 x[i−3] − (D1 y⁺[i−1] + D2 y⁺[i−2] + D3 y⁺[i−3] + D4 y⁺[i−4])
 *   y⁻[i] = M1 x[i+1] + M2 x[i+2] + M3 x[i+3] + M4 x[i+4] − (D1 y⁻[i+1] + … + D4 y⁻[i+4])
 *   y[i]  = y⁺[i] + y⁻[i]
 * </pre>
 * where the D come from the poles e^{(L_k ± iW_k)/σ_d}, the N are scaled so the response to a constant (order 0)
 * or to x² / 2 (order 2) is exact, and the M follow from symmetry. ITK's boundary condition: the signal is taken
 * constant beyond each end (x[−k] = x[0], x[n−1+k] = x[n−1]) and the recursion started in its steady state
 * (coefficients BN, BM). Order 2 with {@code NormalizeAcrossScale} is multiplied by σ² (physical units).
 *
 * <p>Arithmetic follows ITK's: coefficients in double, each line filtered in double, every sum evaluated left to
 * right, so the results agree with ITK to the last bit of the float32 images it stores (up to the last bit of
 * libm's sin/cos/exp). Written by hand: no Java library implements ITK's variant.
 *
 * <p>The components are ITK's coefficients of the same names (m_N0 … m_BM4).
 */
record RecursiveGaussian(double n0, double n1, double n2, double n3, double d1, double d2, double d3, double d4,
                         double m1, double m2, double m3, double m4, double bn1, double bn2, double bn3, double bn4,
                         double bm1, double bm2, double bm3, double bm4) {

    // Deriche's fitted constants as ITK states them
    private static final double A1_0 = 1.3530, B1_0 = 1.8151, A2_0 = -0.3531, B2_0 = 0.0902;
    private static final double A1_2 = -1.3563, B1_2 = 5.2318, A2_2 = 0.3446, B2_2 = -2.2355;
    private static final double W1 = 0.6681, L1 = -1.3932, W2 = 2.0787, L2 = -1.3732;

    /**
     * The filter of ITK's {@code SetUp(spacing)}.
     *
     * @param sigma     Gaussian σ in mm
     * @param spacing   voxel size along the filtered axis in mm
     * @param order     0 (smoothing) or 2 (second derivative)
     * @param normalize ITK's NormalizeAcrossScale (affects order 2 only: × σ²)
     */
    static RecursiveGaussian of(double sigma, double spacing, int order, boolean normalize) {
        double sd = sigma / spacing;
        double cos1 = Math.cos(W1 / sd), cos2 = Math.cos(W2 / sd);
        double exp1 = Math.exp(L1 / sd), exp2 = Math.exp(L2 / sd);
        double d4 = exp1 * exp1 * exp2 * exp2;
        double d3 = -2 * cos1 * exp1 * exp2 * exp2;
        d3 += -2 * cos2 * exp2 * exp1 * exp1;
        double d2 = 4 * cos2 * cos1 * exp1 * exp2;
        d2 += exp1 * exp1 + exp2 * exp2;
        double d1 = -2 * (exp2 * cos2 + exp1 * cos1);
        double sumD = 1.0 + d1 + d2 + d3 + d4;
        double dD = d1 + 2 * d2 + 3 * d3 + 4 * d4;
        double eD = d1 + 4 * d2 + 9 * d3 + 16 * d4;

        double[] n;
        if (order == 0) {
            double[] n0 = numerator(sd, A1_0, B1_0, A2_0, B2_0);
            double alpha0 = 2 * n0[4] / sumD - n0[0];
            double scale = 1.0 / alpha0; // ITK: N *= normalisation (1) / alpha0
            n = new double[] {n0[0] * scale, n0[1] * scale, n0[2] * scale, n0[3] * scale};
        } else if (order == 2) {
            double norm = normalize ? sigma * sigma : 1.0;
            double[] z = numerator(sd, A1_0, B1_0, A2_0, B2_0);
            double[] t = numerator(sd, A1_2, B1_2, A2_2, B2_2);
            double beta = -(2 * t[4] - sumD * t[0]) / (2 * z[4] - sumD * z[0]);
            double[] nn = {t[0] + beta * z[0], t[1] + beta * z[1], t[2] + beta * z[2], t[3] + beta * z[3]};
            double sN = t[4] + beta * z[4];
            double dN = t[5] + beta * z[5];
            double eN = t[6] + beta * z[6];
            double alpha2 = eN * sumD * sumD - eD * sN * sumD - 2 * dN * dD * sumD + 2 * dD * dD * sN;
            alpha2 /= sumD * sumD * sumD;
            double scale = norm / alpha2;
            n = new double[] {nn[0] * scale, nn[1] * scale, nn[2] * scale, nn[3] * scale};
        } else {
            throw new IllegalArgumentException("recursive Gaussian order must be 0 or 2, got " + order);
        }
        // symmetric kernels (orders 0 and 2)
        double m1 = n[1] - d1 * n[0];
        double m2 = n[2] - d2 * n[0];
        double m3 = n[3] - d3 * n[0];
        double m4 = -d4 * n[0];
        double sN = n[0] + n[1] + n[2] + n[3];
        double sM = m1 + m2 + m3 + m4;
        return new RecursiveGaussian(n[0], n[1], n[2], n[3], d1, d2, d3, d4, m1, m2, m3, m4,
                d1 * sN / sumD, d2 * sN / sumD, d3 * sN / sumD, d4 * sN / sumD,
                d1 * sM / sumD, d2 * sM / sumD, d3 * sM / sumD, d4 * sM / sumD);
    }

    /** ITK's ComputeNCoefficients: {N0, N1, N2, N3, SN, DN, EN}. */
    private static double[] numerator(double sd, double a1, double b1, double a2, double b2) {
        double sin1 = Math.sin(W1 / sd), sin2 = Math.sin(W2 / sd);
        double cos1 = Math.cos(W1 / sd), cos2 = Math.cos(W2 / sd);
        double exp1 = Math.exp(L1 / sd), exp2 = Math.exp(L2 / sd);
        double n0 = a1 + a2;
        double n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
        n1 += exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
        double n2 = (a1 + a2) * cos2 * cos1;
        n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
        n2 *= 2 * exp1 * exp2;
        n2 += a2 * exp1 * exp1 + a1 * exp2 * exp2;
        double n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2);
        n3 += exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
        double sN = n0 + n1 + n2 + n3;
        double dN = n1 + 2 * n2 + 3 * n3;
        double eN = n1 + 4 * n2 + 9 * n3;
        return new double[] {n0, n1, n2, n3, sN, dN, eN};
    }

    /**
     * Filters one line (length ≥ 4) into {@code out}; {@code scratch} is a work buffer of the same length.
     */
    void filterLine(double[] x, double[] out, double[] scratch, int len) {
        double[] y = out;
        double v = x[0];
        y[0] = v * n0 + v * n1 + v * n2 + v * n3;
        y[1] = x[1] * n0 + v * n1 + v * n2 + v * n3;
        y[2] = x[2] * n0 + x[1] * n1 + v * n2 + v * n3;
        y[3] = x[3] * n0 + x[2] * n1 + x[1] * n2 + v * n3;
        y[0] -= v * bn1 + v * bn2 + v * bn3 + v * bn4;
        y[1] -= y[0] * d1 + v * bn2 + v * bn3 + v * bn4;
        y[2] -= y[1] * d1 + y[0] * d2 + v * bn3 + v * bn4;
        y[3] -= y[2] * d1 + y[1] * d2 + y[0] * d3 + v * bn4;
        for (int i = 4; i < len; i++) {
            y[i] = x[i] * n0 + x[i - 1] * n1 + x[i - 2] * n2 + x[i - 3] * n3;
            y[i] -= y[i - 1] * d1 + y[i - 2] * d2 + y[i - 3] * d3 + y[i - 4] * d4;
        }

        double[] z = scratch;
        int e = len - 1;
        double w = x[e];
        z[e] = w * m1 + w * m2 + w * m3 + w * m4;
        z[e - 1] = x[e] * m1 + w * m2 + w * m3 + w * m4;
        z[e - 2] = x[e - 1] * m1 + x[e] * m2 + w * m3 + w * m4;
        z[e - 3] = x[e - 2] * m1 + x[e - 1] * m2 + x[e] * m3 + w * m4;
        z[e] -= w * bm1 + w * bm2 + w * bm3 + w * bm4;
        z[e - 1] -= z[e] * d1 + w * bm2 + w * bm3 + w * bm4;
        z[e - 2] -= z[e - 1] * d1 + z[e] * d2 + w * bm3 + w * bm4;
        z[e - 3] -= z[e - 2] * d1 + z[e - 1] * d2 + z[e] * d3 + w * bm4;
        for (int i = len - 4; i > 0; i--) {
            z[i - 1] = x[i] * m1 + x[i + 1] * m2 + x[i + 2] * m3 + x[i + 3] * m4;
            z[i - 1] -= z[i] * d1 + z[i + 1] * d2 + z[i + 2] * d3 + z[i + 3] * d4;
        }
        for (int i = 0; i < len; i++) {
            y[i] += z[i];
        }
    }

    /**
     * Filters a 3D array (x fastest) along one axis, as ITK's RecursiveSeparableImageFilter: each line is read as
     * double, filtered, and stored as float32.
     */
    float[] filter(double[] in, int[] size, int axis) {
        float[] out = new float[in.length];
        int len = size[axis];
        if (axis == 0) {
            double[] line = new double[len];
            double[] res = new double[len];
            double[] scratch = new double[len];
            for (int base = 0; base < in.length; base += len) {
                System.arraycopy(in, base, line, 0, len);
                filterLine(line, res, scratch, len);
                for (int i = 0; i < len; i++) {
                    out[base + i] = (float) res[i];
                }
            }
            return out;
        }
        // along y or z the lines of one x-row (y) or x-y plane (z) are interleaved in memory: filter them together,
        // element by element in the same order as filterLine, so every line gets exactly the same arithmetic
        int width = axis == 1 ? size[0] : size[0] * size[1];
        int blocks = axis == 1 ? size[2] : 1;
        double[] y = new double[len * width];
        double[] z = new double[len * width];
        for (int b = 0; b < blocks; b++) {
            int off = b * len * width;
            filterBlock(in, off, width, len, y, z);
            for (int t = 0; t < len * width; t++) {
                out[off + t] = (float) y[t];
            }
        }
        return out;
    }

    /**
     * {@link #filterLine} applied to {@code width} interleaved lines: element i of line w is
     * {@code x[off + i*width + w]}; the result goes to {@code y} (same layout, offset 0), {@code z} is scratch.
     */
    private void filterBlock(double[] x, int off, int width, int len, double[] y, double[] z) {
        int s1 = width, s2 = 2 * width, s3 = 3 * width, s4 = 4 * width;
        for (int w = 0; w < width; w++) {
            int o = off + w;
            double v = x[o];
            y[w] = v * n0 + v * n1 + v * n2 + v * n3;
            y[w + s1] = x[o + s1] * n0 + v * n1 + v * n2 + v * n3;
            y[w + s2] = x[o + s2] * n0 + x[o + s1] * n1 + v * n2 + v * n3;
            y[w + s3] = x[o + s3] * n0 + x[o + s2] * n1 + x[o + s1] * n2 + v * n3;
            y[w] -= v * bn1 + v * bn2 + v * bn3 + v * bn4;
            y[w + s1] -= y[w] * d1 + v * bn2 + v * bn3 + v * bn4;
            y[w + s2] -= y[w + s1] * d1 + y[w] * d2 + v * bn3 + v * bn4;
            y[w + s3] -= y[w + s2] * d1 + y[w + s1] * d2 + y[w] * d3 + v * bn4;
        }
        for (int i = 4; i < len; i++) {
            int r = i * width;
            for (int w = 0; w < width; w++) {
                int q = r + w;
                int o = off + q;
                y[q] = x[o] * n0 + x[o - s1] * n1 + x[o - s2] * n2 + x[o - s3] * n3;
                y[q] -= y[q - s1] * d1 + y[q - s2] * d2 + y[q - s3] * d3 + y[q - s4] * d4;
            }
        }
        int e = (len - 1) * width;
        for (int w = 0; w < width; w++) {
            int q = e + w;
            int o = off + q;
            double v = x[o];
            z[q] = v * m1 + v * m2 + v * m3 + v * m4;
            z[q - s1] = x[o] * m1 + v * m2 + v * m3 + v * m4;
            z[q - s2] = x[o - s1] * m1 + x[o] * m2 + v * m3 + v * m4;
            z[q - s3] = x[o - s2] * m1 + x[o - s1] * m2 + x[o] * m3 + v * m4;
            z[q] -= v * bm1 + v * bm2 + v * bm3 + v * bm4;
            z[q - s1] -= z[q] * d1 + v * bm2 + v * bm3 + v * bm4;
            z[q - s2] -= z[q - s1] * d1 + z[q] * d2 + v * bm3 + v * bm4;
            z[q - s3] -= z[q - s2] * d1 + z[q - s1] * d2 + z[q] * d3 + v * bm4;
        }
        for (int i = len - 4; i > 0; i--) {
            int r = (i - 1) * width;
            for (int w = 0; w < width; w++) {
                int q = r + w; // element i − 1
                int o = off + q;
                z[q] = x[o + s1] * m1 + x[o + s2] * m2 + x[o + s3] * m3 + x[o + s4] * m4;
                z[q] -= z[q + s1] * d1 + z[q + s2] * d2 + z[q + s3] * d3 + z[q + s4] * d4;
            }
        }
        for (int t = 0; t < len * width; t++) {
            y[t] += z[t];
        }
    }

    /** As {@link #filter(double[], int[], int)} for a float32 input image. */
    float[] filter(float[] in, int[] size, int axis) {
        double[] d = new double[in.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = in[i];
        }
        return filter(d, size, axis);
    }
}
