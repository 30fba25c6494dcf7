package org.nacrad.radiomics.filters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decomposition filters of a discrete wavelet exactly as PyWavelets 1.1.1 defines them: low-pass
 * {@code dec_lo} and high-pass {@code dec_hi}, each in double precision (used for float64 data) and in single
 * precision (used for float32 data). PyWavelets' single-precision taps are not always the rounded double taps
 * (coiflets are stored divided by √2 and multiplied back in float), so both copies are data.
 *
 * <p>The taps are read from {@code wavelet-filters.txt}, written from Debian's python3-pywt by the committed script
 * {@code src/test/fixtures-gen/filters/wavelet_filters.py}. It holds every wavelet PyRadiomics accepts: haar, dmey,
 * db1–db20, sym2–sym20, coif1–coif5, bior and rbio 1.1, 1.3, 1.5, 2.2, 2.4, 2.6, 2.8, 3.1, 3.3, 3.5, 3.7, 3.9,
 * 4.4, 5.5, 6.8. Immutable: the accessors return copies. Example (coif1, 6 taps): {@code dec_lo = [-0.01566, -0.07273, 0.38486, 0.85257, 0.33790,
 * -0.07273]}.
 *
 * @param name   PyWavelets name, e.g. {@code coif1}
 * @param lo     dec_lo, float64
 * @param hi     dec_hi, float64
 * @param loF    dec_lo as PyWavelets uses it for float32 data
 * @param hiF    dec_hi as PyWavelets uses it for float32 data
 */
public record WaveletFilterBank(String name, double[] lo, double[] hi, float[] loF, float[] hiF) {

    private static final String RESOURCE = "wavelet-filters.txt";

    public WaveletFilterBank {
        if (lo.length != hi.length || lo.length != loF.length || lo.length != hiF.length || lo.length == 0) {
            throw new IllegalArgumentException("wavelet " + name + ": filters of different or zero lengths");
        }
        lo = lo.clone();
        hi = hi.clone();
        loF = loF.clone();
        hiF = hiF.clone();
    }

    /** dec_lo, float64 (a copy). */
    @Override
    public double[] lo() {
        return lo.clone();
    }

    /** dec_hi, float64 (a copy). */
    @Override
    public double[] hi() {
        return hi.clone();
    }

    /** dec_lo for float32 data (a copy). */
    @Override
    public float[] loF() {
        return loF.clone();
    }

    /** dec_hi for float32 data (a copy). */
    @Override
    public float[] hiF() {
        return hiF.clone();
    }

    /** Number of taps (PyWavelets' {@code dec_len}). */
    public int length() {
        return lo.length;
    }

    /**
     * The filter bank of a PyWavelets wavelet name.
     *
     * @throws IllegalArgumentException naming the wavelet and the accepted names when it is unknown
     */
    public static WaveletFilterBank byName(String name) {
        WaveletFilterBank bank = Table.BANKS.get(name);
        if (bank == null) {
            throw new IllegalArgumentException("unknown wavelet '" + name + "'; PyRadiomics accepts " + names());
        }
        return bank;
    }

    /** All wavelet names available, in the resource order. */
    public static List<String> names() {
        return List.copyOf(Table.BANKS.keySet());
    }

    /** Lazily loaded table (holder idiom: read once, on first use). */
    private static final class Table {
        static final Map<String, WaveletFilterBank> BANKS = load();

        private static Map<String, WaveletFilterBank> load() {
            Map<String, WaveletFilterBank> banks = new LinkedHashMap<>();
            try (InputStream in = WaveletFilterBank.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String name = line.trim();
                    double[] lo = parse(r.readLine());
                    double[] hi = parse(r.readLine());
                    double[] loF = parse(r.readLine());
                    double[] hiF = parse(r.readLine());
                    banks.put(name, new WaveletFilterBank(name, lo, hi, toFloat(loF), toFloat(hiF)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return Collections.unmodifiableMap(banks);
        }

        private static double[] parse(String line) {
            String[] parts = line.trim().split(" ");
            double[] v = new double[parts.length];
            for (int n = 0; n < v.length; n++) {
                v[n] = Double.parseDouble(parts[n]);
            }
            return v;
        }

        /** The float taps were written as the exact decimal of a float32, so this cast is exact. */
        private static float[] toFloat(double[] v) {
            float[] f = new float[v.length];
            for (int n = 0; n < v.length; n++) {
                f[n] = (float) v[n];
            }
            return f;
        }
    }
}
