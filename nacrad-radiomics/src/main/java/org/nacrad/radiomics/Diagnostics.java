package org.nacrad.radiomics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.preprocess.BoundingBox;
import org.nacrad.radiomics.preprocess.Masks;

/**
 * The {@code diagnostics_*} entries of an extraction, as PyRadiomics' {@code generalinfo.GeneralInfo} writes them:
 * image hash, dimensionality, spacing, size, mean/minimum/maximum; mask hash, spacing, size, bounding box, voxel
 * count, number of 26-connected volumes, centre of mass (index and physical) and, when an image is given, the
 * mean/minimum/maximum inside the ROI. Tuples are written as Python prints them (see {@link PythonRepr}).
 */
public final class Diagnostics {

    static final String PREFIX = "diagnostics_";

    private Diagnostics() {
    }

    /**
     * SimpleITK's {@code sitk.Hash(image)}: the SHA-1 of the voxel buffer in the stored pixel type, little-endian,
     * as lower-case hex.
     */
    public static String sha1(double[] data, PixelType type) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        // encode in chunks of 8192 voxels (at most 64 KiB) rather than a copy of the whole buffer
        ByteBuffer buf = ByteBuffer.allocate(8192 * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < data.length; start += 8192) {
            buf.clear();
            int end = Math.min(data.length, start + 8192);
            for (int n = start; n < end; n++) {
                double v = data[n];
                switch (type) {
                    case UINT8, INT8 -> buf.put((byte) (long) v);
                    case UINT16, INT16 -> buf.putShort((short) (long) v);
                    case UINT32, INT32 -> buf.putInt((int) (long) v);
                    case UINT64, INT64 -> buf.putLong((long) v);
                    case FLOAT32 -> buf.putFloat((float) v);
                    case FLOAT64 -> buf.putDouble(v);
                    default -> throw new AssertionError(type);
                }
            }
            sha.update(buf.array(), 0, buf.position());
        }
        StringBuilder sb = new StringBuilder(40);
        for (byte b : sha.digest()) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** {@code Image-<prefix>_*} entries (hash and dimensionality only for {@code original}). */
    static void addImage(Map<String, Object> out, Volume image, String prefix) {
        String p = PREFIX + "Image-" + prefix + "_";
        Geometry g = image.geometry();
        if (prefix.equals("original")) {
            out.put(p + "Hash", sha1(image.data(), image.pixelType()));
            out.put(p + "Dimensionality", "3D");
        }
        out.put(p + "Spacing", PythonRepr.tuple(g.spacing()));
        out.put(p + "Size", PythonRepr.tuple(g.size()));
        double[] d = image.data();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : d) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        out.put(p + "Mean", pairwiseSum(d, 0, d.length) / d.length);
        out.put(p + "Minimum", min);
        out.put(p + "Maximum", max);
    }

    /**
     * {@code Mask-<prefix>_*} entries; with an image also the ROI mean, minimum and maximum.
     *
     * @param labelMap the label map (hashed as UInt32, as PyRadiomics casts it) or null to hash the ROI itself
     */
    static void addMask(Map<String, Object> out, Volume image, Geometry g, Volume labelMap, boolean[] roi,
                        String prefix) {
        String p = PREFIX + "Mask-" + prefix + "_";
        if (prefix.equals("original")) {
            out.put(p + "Hash", sha1(labelMap.data(), PixelType.UINT32));
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

    /** NumPy's pairwise summation (blocks of 8 unrolled, split at 128), so means equal {@code np.mean}'s. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[from + j];
            }
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
}
