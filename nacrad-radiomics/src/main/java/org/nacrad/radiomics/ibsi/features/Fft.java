package org.nacrad.radiomics.ibsi.features;

/**
 * In-place complex discrete Fourier transform of 3D arrays whose sizes are powers of two: X(k) = Σ x(n)
 * e^{−2πi k·n/N}, unnormalised, along each axis in turn with the iterative radix-2 Cooley–Tukey algorithm
 * (Press et al., Numerical Recipes, 3rd ed., §12.2). Written by hand: the project has no FFT dependency and only
 * this forward transform is needed.
 */
final class Fft {

    private Fft() {
    }

    /** The smallest power of two ≥ n. */
    static int powerOfTwo(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    /** Forward transform of re + i·im, x fastest, each size a power of two. */
    static void forward3d(double[] re, double[] im, int nx, int ny, int nz) {
        forward3d(re, im, nx, ny, nz, new int[] {nx, ny, nz});
    }

    /**
     * Forward transform of re + i·im whose non-zero values lie in the corner block of {@code used} points per axis:
     * lines that are still all zero when their axis comes (beyond the block in the axes not yet transformed) stay
     * zero and are skipped, which halves the work when the block fills half of each axis.
     */
    static void forward3d(double[] re, double[] im, int nx, int ny, int nz, int[] used) {
        int[] size = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int a = 0; a < 3; a++) {
            int n = size[a];
            if (n == 1) {
                continue;
            }
            double[] lr = new double[n], li = new double[n];
            double[] cos = new double[n / 2], sin = new double[n / 2];
            for (int t = 0; t < n / 2; t++) {
                cos[t] = Math.cos(2 * Math.PI * t / n);
                sin[t] = -Math.sin(2 * Math.PI * t / n);
            }
            int s = stride[a];
            int o1 = a == 0 ? 1 : 0, o2 = a == 2 ? 1 : 2;
            // axes after this one are not transformed yet: only their first used[...] lines hold data
            int n1 = o1 > a ? used[o1] : size[o1];
            int n2 = o2 > a ? used[o2] : size[o2];
            for (int b = 0; b < n2; b++) {
                for (int c = 0; c < n1; c++) {
                    int start = c * stride[o1] + b * stride[o2];
                    for (int t = 0; t < n; t++) {
                        lr[t] = re[start + t * s];
                        li[t] = im[start + t * s];
                    }
                    line(lr, li, cos, sin);
                    for (int t = 0; t < n; t++) {
                        re[start + t * s] = lr[t];
                        im[start + t * s] = li[t];
                    }
                }
            }
        }
    }

    /** In-place radix-2 transform of one line with precomputed twiddles e^{−2πit/n}. */
    static void line(double[] re, double[] im, double[] cos, double[] sin) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step], wi = sin[k * step];
                    int u = i + k, v = u + half;
                    double xr = re[v] * wr - im[v] * wi;
                    double xi = re[v] * wi + im[v] * wr;
                    re[v] = re[u] - xr;
                    im[v] = im[u] - xi;
                    re[u] += xr;
                    im[u] += xi;
                }
            }
        }
    }
}
