package org.nacrad.simulator;

/**
 * A smooth random field in physical space: independent standard normal values on a cubic lattice of spacing
 * {@code scale} mm, interpolated with the C¹ smoothstep weights 3t² − 2t³ along each axis ("value noise",
 * Perlin's construction without gradients). Its values have mean 0 and a standard deviation a little below 1.
 */
final class ValueNoise {

    private final double scale;
    private final double[] origin;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] lattice;

    /**
     * @param rng    the stream to draw lattice values from
     * @param lo     lowest physical corner to cover, mm
     * @param hi     highest physical corner to cover, mm
     * @param scale  lattice spacing (correlation length), mm
     */
    ValueNoise(Rng rng, double[] lo, double[] hi, double scale) {
        this.scale = scale;
        this.origin = lo.clone();
        this.nx = (int) StrictMath.ceil((hi[0] - lo[0]) / scale) + 2;
        this.ny = (int) StrictMath.ceil((hi[1] - lo[1]) / scale) + 2;
        this.nz = (int) StrictMath.ceil((hi[2] - lo[2]) / scale) + 2;
        this.lattice = new double[nx * ny * nz];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = rng.normal();
        }
    }

    /** The field at a physical point (points outside the covered box are clamped to it). */
    double at(double x, double y, double z) {
        double fx = clamp((x - origin[0]) / scale, nx);
        double fy = clamp((y - origin[1]) / scale, ny);
        double fz = clamp((z - origin[2]) / scale, nz);
        int ix = (int) fx;
        int iy = (int) fy;
        int iz = (int) fz;
        double tx = smooth(fx - ix);
        double ty = smooth(fy - iy);
        double tz = smooth(fz - iz);
        int b = ix + nx * (iy + ny * iz);
        int sy = nx;
        int sz = nx * ny;
        double c00 = lattice[b] + tx * (lattice[b + 1] - lattice[b]);
        double c10 = lattice[b + sy] + tx * (lattice[b + sy + 1] - lattice[b + sy]);
        double c01 = lattice[b + sz] + tx * (lattice[b + sz + 1] - lattice[b + sz]);
        double c11 = lattice[b + sy + sz] + tx * (lattice[b + sy + sz + 1] - lattice[b + sy + sz]);
        double c0 = c00 + ty * (c10 - c00);
        double c1 = c01 + ty * (c11 - c01);
        return c0 + tz * (c1 - c0);
    }

    private static double clamp(double f, int n) {
        return Math.min(Math.max(f, 0), n - 1.000001);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
