package org.nacrad.radiomics.filters;

import java.util.ArrayList;
import java.util.List;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.preprocess.Masks;
import org.nacrad.radiomics.settings.Limits;

/**
 * PyRadiomics' {@code Wavelet} image type ({@code imageoperations.getWaveletImage}): the undecimated (stationary)
 * wavelet transform of PyWavelets' {@code swtn}, one level at a time, periodic boundaries, no normalisation.
 *
 * <p><b>Maths.</b> Along each axis, in the order x, y, z, every current band is split by the low-pass (L) and
 * high-pass (H) filter of the wavelet with the periodic shifted convolution of {@link StationaryWavelet}, giving
 * the 8 bands LLL … HHH (letters read x, y, z: {@code wavelet-LLH} is low-pass along x and y, high-pass along z).
 * An odd axis of N voxels is first made periodic over N + 1 by appending a copy of voxel 0 (NumPy {@code pad}
 * "wrap"), and the result is cropped back to N. Level k + 1 decomposes the approximation LLL of level k again with
 * the same (undilated) filters; {@code start_level} levels are computed and discarded first, then {@code level}
 * levels are returned, each level's 7 details and, last, the final approximation.
 *
 * <p><b>Worked example</b> ({@code WaveletFilterTest#haarWorkedExample}). haar ({@code dec_lo = [1, 1]/√2},
 * {@code dec_hi = [−1, 1]/√2}, shift 1) on a 4×1×1 image x = [1, 2, 3, 4]: along x, L = [x₁+x₀, x₂+x₁, x₃+x₂,
 * x₀+x₃]/√2 = [3, 5, 7, 5]/√2 and H = [x₀−x₁, …, x₃−x₀]/√2 = [−1, −1, −1, 3]/√2; y and z have one voxel, padded
 * to two equal ones, so their low pass multiplies by √2 and their high pass gives 0. Hence
 * {@code wavelet-LLL} = [3, 5, 7, 5]·√2, {@code wavelet-HLL} = [−1, −1, −1, 3]·√2, all other bands 0.
 *
 * <p><b>Names.</b> Level 1 bands are {@code wavelet-LLH}, …, level i &gt; 1 bands {@code wavelet<i>-LLH} (levels
 * counted from {@code start_level}); the approximation is {@code wavelet-LLL}, or {@code wavelet<level>-LLL}
 * when more than one level is returned. With {@code force2D} the axis {@code force2Ddimension} (0 = z, 1 = y,
 * 2 = x) is not transformed and names have two letters.
 *
 * <p><b>Precision.</b> As PyWavelets, float32 images are transformed in single precision (the bands are float32);
 * all other types in double.
 *
 * <p><b>Windows.</b> {@link #apply(Volume, boolean[], RadiomicsSettings, int[], int[])} computes only a box (the
 * ROI bounding box): it gathers the box plus the filter support of every level, with positions taken modulo the
 * padded length, and runs the same arithmetic, so the values are identical to transforming the whole image and
 * cropping, whatever the box (this includes the wrap-around near the image border). Pre-cropping the image before
 * filtering is a different thing: the periodic wrap then sees the crop's borders, which equals the whole-image
 * result only where the support (level × filter length) stays inside the crop.
 *
 * <p>Settings: {@code wavelet} (default coif1), {@code start_level} (0), {@code level} (1), {@code force2D},
 * {@code force2Ddimension}.
 */
public final class WaveletFilter implements ImageFilter {

    @Override
    public String name() {
        return "Wavelet";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        return apply(image, mask, settings, new int[3], image.geometry().size());
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings, int[] boxStart,
                                int[] boxSize) {
        WaveletFilterBank bank = WaveletFilterBank.byName(settings.wavelet());
        int startLevel = settings.startLevel();
        int levels = settings.level();
        boolean[] active = {true, true, true};
        if (settings.force2D()) {
            active[2 - settings.force2Ddimension()] = false; // PyRadiomics' dimension counts NumPy axes z, y, x
        }
        Geometry g = image.geometry();
        ImageFilters.checkBox(g, boxStart, boxSize);
        int taps = bank.length();
        int left = StationaryWavelet.leftExtent(taps);
        requireMemory(boxSize, active, taps, startLevel, levels);
        int total = startLevel + levels;
        int[] period = new int[3];
        int[] winStart = new int[3];
        int[] winSize = new int[3];
        for (int a = 0; a < 3; a++) {
            period[a] = g.size(a) + g.size(a) % 2;
            winStart[a] = active[a] ? boxStart[a] - total * left : boxStart[a];
            winSize[a] = active[a] ? boxSize[a] + total * (taps - 1) : boxSize[a];
        }
        boolean single = image.pixelType() == PixelType.FLOAT32;
        Object data = gather(image, winStart, winSize, period, single);
        List<String> names = new ArrayList<>();
        List<Object> bands = new ArrayList<>();
        int[] size = winSize;
        for (int k = 1; k <= total; k++) {
            // outputs of this level: the box extended by the support of the levels still to come
            int[] outStart = new int[3];
            for (int a = 0; a < 3; a++) {
                outStart[a] = active[a] ? boxStart[a] - (total - k) * left : boxStart[a];
            }
            Level level = decompose(data, size, active, bank, outStart, period, single);
            data = level.bands.get(0);
            size = level.size;
            if (k > startLevel) {
                String prefix = k == startLevel + 1 ? "wavelet-" : "wavelet" + (k - startLevel) + "-";
                for (int b = 1; b < level.bands.size(); b++) {
                    names.add(prefix + level.keys.get(b));
                    bands.add(crop(level.bands.get(b), size, active, (total - k) * left, boxSize));
                }
            }
        }
        names.add((levels == 1 ? "wavelet-" : "wavelet" + levels + "-") + "L".repeat(Masks.count(active)));
        bands.add(crop(data, size, active, 0, boxSize));

        Geometry out = g.region(boxStart, boxSize);
        PixelType type = single ? PixelType.FLOAT32 : PixelType.FLOAT64;
        List<Filtered> result = new ArrayList<>(names.size());
        for (int b = 0; b < names.size(); b++) {
            result.add(new Filtered(names.get(b), new Volume(out, type, toDouble(bands.get(b)))));
        }
        return List.copyOf(result);
    }

    /**
     * Checks what the decomposition will hold before it starts: one level's sub-bands on the window (the ROI box grown
     * by the filters' support for every level) and the sub-bands returned for each level on the box.
     */
    private static void requireMemory(int[] boxSize, boolean[] active, int taps, int startLevel, int levels) {
        double total = (double) startLevel + levels;
        double window = 1;
        double box = 1;
        int bands = 1;
        for (int a = 0; a < 3; a++) {
            window *= active[a] ? boxSize[a] + total * (taps - 1) : boxSize[a];
            box *= boxSize[a];
            bands *= active[a] ? 2 : 1;
        }
        Limits.require("Wavelet: level " + levels + " from start_level " + startLevel + " filters a window of "
                + Limits.number(window) + " voxels around the ROI box", window,
                8 * ((bands + 1) * window + ((bands - 1.0) * levels + 1) * box), "lower level or start_level");
    }

    /** One level's bands on a window, in PyWavelets' order (LLL first), and the window size. */
    private record Level(List<String> keys, List<Object> bands, int[] size) {
    }

    private static Level decompose(Object data, int[] size, boolean[] active, WaveletFilterBank bank,
                                   int[] outStart, int[] period, boolean single) {
        List<String> keys = List.of("");
        List<Object> bands = List.of(data);
        int[] cur = size;
        for (int a = 0; a < 3; a++) {
            if (!active[a]) {
                continue;
            }
            List<String> nextKeys = new ArrayList<>();
            List<Object> next = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                Object in = bands.get(b);
                if (single) {
                    next.add(StationaryWavelet.filter((float[]) in, cur, a, bank.loF(), outStart[a], period[a]));
                    next.add(StationaryWavelet.filter((float[]) in, cur, a, bank.hiF(), outStart[a], period[a]));
                } else {
                    next.add(StationaryWavelet.filter((double[]) in, cur, a, bank.lo(), outStart[a], period[a]));
                    next.add(StationaryWavelet.filter((double[]) in, cur, a, bank.hi(), outStart[a], period[a]));
                }
                nextKeys.add(keys.get(b) + "L");
                nextKeys.add(keys.get(b) + "H");
            }
            cur = cur.clone();
            cur[a] -= bank.length() - 1;
            keys = nextKeys;
            bands = next;
        }
        return new Level(keys, bands, cur);
    }

    /** The window's values: positions modulo the padded length, the padding voxel (N of an odd axis) being voxel 0. */
    private static Object gather(Volume image, int[] start, int[] size, int[] period, boolean single) {
        Geometry g = image.geometry();
        double[] src = image.data();
        int[][] idx = new int[3][];
        for (int a = 0; a < 3; a++) {
            idx[a] = new int[size[a]];
            for (int t = 0; t < size[a]; t++) {
                int r = Math.floorMod(start[a] + t, period[a]);
                idx[a][t] = r < g.size(a) ? r : 0;
            }
        }
        int nx = g.nx(), ny = g.ny();
        int count = size[0] * size[1] * size[2];
        float[] f = single ? new float[count] : null;
        double[] d = single ? null : new double[count];
        int n = 0;
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                int row = nx * (idx[1][y] + ny * idx[2][z]);
                for (int x = 0; x < size[0]; x++, n++) {
                    double v = src[row + idx[0][x]];
                    if (single) {
                        f[n] = (float) v;
                    } else {
                        d[n] = v;
                    }
                }
            }
        }
        return single ? f : d;
    }

    /** The box part of a band: offset {@code off} along the active axes. */
    private static Object crop(Object band, int[] size, boolean[] active, int off, int[] box) {
        int ox = active[0] ? off : 0, oy = active[1] ? off : 0, oz = active[2] ? off : 0;
        int count = box[0] * box[1] * box[2];
        boolean single = band instanceof float[];
        float[] bf = single ? (float[]) band : null;
        double[] bd = single ? null : (double[]) band;
        float[] of = single ? new float[count] : null;
        double[] od = single ? null : new double[count];
        int n = 0;
        for (int z = 0; z < box[2]; z++) {
            for (int y = 0; y < box[1]; y++) {
                int row = ox + size[0] * (y + oy + size[1] * (z + oz));
                if (single) {
                    System.arraycopy(bf, row, of, n, box[0]);
                } else {
                    System.arraycopy(bd, row, od, n, box[0]);
                }
                n += box[0];
            }
        }
        return single ? of : od;
    }

    private static double[] toDouble(Object band) {
        if (band instanceof double[] d) {
            return d;
        }
        float[] f = (float[]) band;
        double[] d = new double[f.length];
        for (int n = 0; n < f.length; n++) {
            d[n] = f[n];
        }
        return d;
    }
}
