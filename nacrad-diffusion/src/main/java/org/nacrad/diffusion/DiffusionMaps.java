package org.nacrad.diffusion;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Voxel-wise ADC and kurtosis maps of a {@link DwiSeries}.
 *
 * <p>ADC uses the b-values ≤ {@code adcMaxB} (default 1000 s/mm²), by log-linear or non-linear least squares
 * ({@link AdcFit}); MD and MK use all b-values ({@link KurtosisFit}), which must reach at least 1500 s/mm². Voxels
 * outside {@code where} (when given) are not fitted and carry NaN with status {@link FitStatus#BAD_SIGNAL}. Each
 * voxel's fit depends on its own signal only, so the maps are identical for any thread count.
 *
 * @param geometry  the grid
 * @param adc       ADC, mm²/s
 * @param md        mean diffusivity D, mm²/s
 * @param mk        mean kurtosis K
 * @param s0        S0 of the kurtosis fit
 * @param adcStatus {@link FitStatus} ordinal per voxel for ADC
 * @param dkiStatus {@link FitStatus} ordinal per voxel for MD/MK
 */
public record DiffusionMaps(Geometry geometry, double[] adc, double[] md, double[] mk, double[] s0, byte[] adcStatus,
                            byte[] dkiStatus) {

    /** Lowest maximum b-value for a kurtosis fit, s/mm². */
    public static final double MIN_KURTOSIS_B = 1500;

    /**
     * Fitting options.
     *
     * @param adcMaxB       highest b-value of the ADC fit, s/mm²
     * @param adcNonLinear  non-linear instead of log-linear ADC
     * @param threads       worker threads (1 = the calling thread only)
     */
    public record Options(double adcMaxB, boolean adcNonLinear, int threads) {
        public static Options defaults() {
            return new Options(1000, false, 1);
        }

        public Options withThreads(int n) {
            return new Options(adcMaxB, adcNonLinear, n);
        }
    }

    /** Fits every voxel (or those where {@code where} is true). */
    public static DiffusionMaps fit(DwiSeries dwi, Options opt, boolean[] where) {
        double[] b = dwi.bValues();
        if (b[b.length - 1] < MIN_KURTOSIS_B) {
            throw new IllegalArgumentException("kurtosis needs b-values up to at least " + MIN_KURTOSIS_B
                    + " s/mm², the series reaches " + b[b.length - 1]);
        }
        int[] adcShells = dwi.shellsUpTo(opt.adcMaxB());
        if (adcShells.length < 2) {
            throw new IllegalArgumentException("ADC needs at least two b-values ≤ " + opt.adcMaxB() + " s/mm², got "
                    + adcShells.length);
        }
        if (b.length < 3) {
            throw new IllegalArgumentException("kurtosis needs at least three distinct b-values, got " + b.length);
        }
        double[] adcB = new double[adcShells.length];
        for (int i = 0; i < adcShells.length; i++) {
            adcB[i] = b[adcShells[i]];
        }
        int[] all = IntStream.range(0, b.length).toArray();
        int n = (int) dwi.geometry().voxelCount();
        double[] adc = new double[n];
        double[] md = new double[n];
        double[] mk = new double[n];
        double[] s0 = new double[n];
        byte[] as = new byte[n];
        byte[] ds = new byte[n];
        Arrays.fill(adc, Double.NaN);
        Arrays.fill(md, Double.NaN);
        Arrays.fill(mk, Double.NaN);
        Arrays.fill(s0, Double.NaN);
        Arrays.fill(as, (byte) FitStatus.BAD_SIGNAL.ordinal());
        Arrays.fill(ds, (byte) FitStatus.BAD_SIGNAL.ordinal());
        int chunk = 4096;
        int chunks = (n + chunk - 1) / chunk;
        java.util.function.IntConsumer fitChunk = c -> {
            for (int x = c * chunk, end = Math.min(n, x + chunk); x < end; x++) {
                if (where != null && !where[x]) {
                    continue;
                }
                double[] sa = dwi.voxel(x, adcShells);
                AdcFit.Result a = opt.adcNonLinear() ? AdcFit.nonLinear(adcB, sa) : AdcFit.logLinear(adcB, sa);
                adc[x] = a.adc();
                as[x] = (byte) a.status().ordinal();
                KurtosisFit.Result k = KurtosisFit.fit(b, dwi.voxel(x, all));
                md[x] = k.d();
                mk[x] = k.k();
                s0[x] = k.s0();
                ds[x] = (byte) k.status().ordinal();
            }
        };
        if (opt.threads() <= 1) {
            IntStream.range(0, chunks).forEach(fitChunk);
        } else {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(opt.threads());
            try {
                pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(fitChunk)).join();
            } finally {
                pool.shutdown();
            }
        }
        return new DiffusionMaps(dwi.geometry(), adc, md, mk, s0, as, ds);
    }

    /** A map as a FLOAT64 volume on the series' grid (for writing). */
    public Volume volume(double[] map) {
        return new Volume(geometry, PixelType.FLOAT64, map);
    }

    /** A status map as a UINT8 volume (0 = OK, see {@link FitStatus}). */
    public Volume statusVolume(byte[] status) {
        double[] d = new double[status.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = status[i];
        }
        return new Volume(geometry, PixelType.UINT8, d);
    }
}
