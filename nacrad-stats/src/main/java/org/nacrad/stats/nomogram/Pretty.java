package org.nacrad.stats.nomogram;

/**
 * R's {@code pretty(c(lo, hi), n)}: about {@code n + 1} equally spaced round values (1, 2 or 5 times a power of
 * 10) covering {@code [lo, hi]}, with R's defaults {@code min.n = n %/% 3}, {@code shrink.sml = 0.75},
 * {@code high.u.bias = 1.5}, {@code u5.bias = 0.5 + 1.5 high.u.bias} (R's {@code R_pretty} in
 * {@code src/appl/pretty.c}; written here from its documented algorithm). Used so the nomogram's axes carry the
 * same ticks as rms's.
 */
public final class Pretty {

    private Pretty() {
    }

    /** The tick values. */
    public static double[] of(double lo, double hi, int n) {
        double h = 1.5;
        double h5 = 0.5 + 1.5 * h;
        int minN = n / 3;
        double dx = hi - lo;
        double cell;
        boolean small;
        if (dx == 0 && hi == 0) {
            cell = 1;
            small = true;
        } else {
            cell = Math.max(Math.abs(lo), Math.abs(hi));
            double u = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
            u *= Math.max(1, n) * Math.ulp(1.0);
            small = dx < cell * u * 3;
        }
        if (small) {
            if (cell > 10) {
                cell = 9 + cell / 10;
            }
            cell *= 0.75;
            if (minN > 1) {
                cell /= minN;
            }
        } else {
            cell = dx;
            if (n > 1) {
                cell /= n;
            }
        }
        double base = Math.pow(10, Math.floor(Math.log10(cell)));
        double unit = base;
        if (2 * base - cell < h * (cell - unit)) {
            unit = 2 * base;
            if (5 * base - cell < h5 * (cell - unit)) {
                unit = 5 * base;
                if (10 * base - cell < h * (cell - unit)) {
                    unit = 10 * base;
                }
            }
        }
        double ns = Math.floor(lo / unit + 1e-7);
        double nu = Math.ceil(hi / unit - 1e-7);
        while (ns * unit > lo + 1e-10 * unit) {
            ns--;
        }
        while (nu * unit < hi - 1e-10 * unit) {
            nu++;
        }
        int k = (int) (0.5 + nu - ns);
        if (k < minN) {
            k = minN - k;
            if (ns >= 0) {
                nu += k / 2;
                ns -= k / 2 + k % 2;
            } else {
                ns -= k / 2;
                nu += k / 2 + k % 2;
            }
            k = minN;
        }
        double l = ns * unit;
        double u = nu * unit;
        double[] out = new double[k + 1];
        double delta = (u - l) / k;
        for (int i = 0; i <= k; i++) {
            // seq.int(l, u, length.out = k + 1), then values within 1e-14 * delta of 0 set to 0
            out[i] = i == k ? u : l + i * delta;
            if (Math.abs(out[i]) < 1e-14 * delta) {
                out[i] = 0;
            }
        }
        return out;
    }
}
