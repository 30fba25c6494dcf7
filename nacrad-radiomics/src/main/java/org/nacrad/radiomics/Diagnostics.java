package org.nacrad.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.preprocess.BoundingBox;
import org.nacrad.radiomics.preprocess.LabelMap;
import org.nacrad.radiomics.preprocess.Masks;
import org.nacrad.radiomics.preprocess.SitkHash;

/**
 * The {@code diagnostics_*} entries of an extraction, as PyRadiomics' {@code generalinfo.GeneralInfo} writes them:
 * image hash, dimensionality, spacing, size, mean/minimum/maximum; mask hash, spacing, size, bounding box, voxel
 * count, number of 26-connected volumes, centre of mass (index and physical) and, when an image is given, the
 * mean/minimum/maximum inside the ROI. Tuples are written as Python prints them (see {@link PythonRepr}).
 *
 * <p>One recorder per extraction: the configuration first, then each preprocessing step records the image and mask
 * it produced, in PyRadiomics' order. With {@code additionalInfo: false} it records nothing.
 */
final class Diagnostics {

    static final String PREFIX = "diagnostics_";

    private final Map<String, Object> out;

    private Diagnostics(Map<String, Object> out) {
        this.out = out;
    }

    /** A recorder; with {@code enabled} false (PyRadiomics' {@code additionalInfo: false}) it records nothing. */
    static Diagnostics recorder(boolean enabled) {
        return new Diagnostics(enabled ? new LinkedHashMap<>() : null);
    }

    /** The entries recorded, in order. */
    Map<String, Object> entries() {
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** {@code Versions_*} (nacrad's, the PyRadiomics reference, Java's) and {@code Configuration_*}. */
    void configuration(RadiomicsSettings settings, Map<String, Map<String, Object>> imageTypes) {
        if (out == null) {
            return;
        }
        String v = Diagnostics.class.getPackage().getImplementationVersion();
        out.put(PREFIX + "Versions_nacrad", v == null ? "dev" : v);
        out.put(PREFIX + "Versions_PyRadiomicsReference", PyRadiomicsReference.VERSION);
        out.put(PREFIX + "Versions_Java", System.getProperty("java.version"));
        out.put(PREFIX + "Configuration_Settings", PythonRepr.of(settings.pyRadiomicsConfiguration()));
        out.put(PREFIX + "Configuration_EnabledImageTypes", PythonRepr.of(imageTypes));
    }

    /** {@code Image-<prefix>_*} entries (hash and dimensionality only for {@code original}). */
    void image(String prefix, Volume image) {
        if (out == null) {
            return;
        }
        String p = PREFIX + "Image-" + prefix + "_";
        Geometry g = image.geometry();
        if (prefix.equals("original")) {
            out.put(p + "Hash", SitkHash.sha1(image.data(), image.pixelType()));
            out.put(p + "Dimensionality", "3D");
        }
        out.put(p + "Spacing", PythonRepr.tuple(g.spacing()));
        out.put(p + "Size", PythonRepr.tuple(g.size()));
        double[] d = image.data();
        double[] minMax = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        out.put(p + "Mean", sumMinMax(d, 0, d.length, minMax) / d.length);
        out.put(p + "Minimum", minMax[0]);
        out.put(p + "Maximum", minMax[1]);
    }

    /**
     * {@code Mask-<prefix>_*} entries; with an image also the ROI mean, minimum and maximum.
     *
     * @param labelMap the label map, hashed (as UInt32, as PyRadiomics casts it) for {@code original} only; may be
     *                 null for the other prefixes
     */
    void mask(String prefix, Volume image, Geometry g, LabelMap labelMap, boolean[] roi) {
        if (out == null) {
            return;
        }
        String p = PREFIX + "Mask-" + prefix + "_";
        if (prefix.equals("original")) {
            out.put(p + "Hash", labelMap.sha1UInt32());
        }
        out.put(p + "Spacing", PythonRepr.tuple(g.spacing()));
        out.put(p + "Size", PythonRepr.tuple(g.size()));
        BoundingBox bb = Masks.boundingBox(g, roi);
        out.put(p + "BoundingBox", PythonRepr.tuple(bb.asStartAndSize()));
        int count = Masks.count(g, roi, bb);
        out.put(p + "VoxelNum", count);
        out.put(p + "VolumeNum", Masks.connectedComponents(g, roi, bb, count));
        // centre of mass: the mean voxel index over the ROI (its box holds every ROI voxel)
        double si = 0, sj = 0, sk = 0;
        int[] lo = bb.lower();
        int[] hi = bb.upper();
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int i = lo[0], n = g.index(lo[0], j, k); i <= hi[0]; i++, n++) {
                    if (roi[n]) {
                        si += i;
                        sj += j;
                        sk += k;
                    }
                }
            }
        }
        double[] c = {si / count, sj / count, sk / count};
        out.put(p + "CenterOfMassIndex", PythonRepr.tuple(c));
        out.put(p + "CenterOfMass", PythonRepr.tuple(g.indexToPhysical(c[0], c[1], c[2])));
        if (image == null) {
            return;
        }
        double[] d = image.data();
        double[] inside = new double[count];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int m = 0;
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int n = g.index(lo[0], j, k), end = n + hi[0] - lo[0]; n <= end; n++) {
                    if (roi[n]) {
                        inside[m++] = d[n];
                        min = Math.min(min, d[n]);
                        max = Math.max(max, d[n]);
                    }
                }
            }
        }
        out.put(p + "Mean", pairwiseSum(inside, 0, count) / count);
        out.put(p + "Minimum", min);
        out.put(p + "Maximum", max);
    }

    /**
     * {@link #pairwiseSum} of {@code a[from..from+n)}, and its minimum and maximum folded into {@code minMax[0..1]}
     * ({@link Math#min}/{@link Math#max}, so NaN and −0.0 as before), in one pass over memory: each block of at most
     * 128 values is scanned for its extremes while in cache, then summed.
     */
    static double sumMinMax(double[] a, int from, int n, double[] minMax) {
        if (n > 128) {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return sumMinMax(a, from, n2, minMax) + sumMinMax(a, from + n2, n - n2, minMax);
        }
        double min = minMax[0];
        double max = minMax[1];
        for (int i = from; i < from + n; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        minMax[0] = min;
        minMax[1] = max;
        return pairwiseSum(a, from, n);
    }

    /**
     * NumPy's pairwise summation (blocks of 8 unrolled, split at 128), so means equal {@code np.mean}'s. The eight
     * partial sums are locals rather than an array (the same additions in the same order, 2.5× faster).
     */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        if (n <= 128) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int end = from + n - (n % 8);
            int i;
            for (i = from + 8; i < end; i += 8) {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            double s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < from + n; i++) {
                s += a[i];
            }
            return s;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
}
