package org.nacrad.radiomics.preprocess;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * A label map as the extraction uses it: one byte per voxel when every label is a whole number from 0 to 255 (after
 * PyRadiomics' cast to UInt32, {@link Masks#labelValue}), else the label map's own {@code double} values.
 *
 * <p>Why: a {@link Volume} holds 8 bytes per voxel, so a 512 × 512 × 160 label map takes 335 MB, as much as the
 * image itself, although masks are almost always 0/1 or a few labels. The compact form answers everything the
 * extraction asks of the label map outside the resampling paths — the label check, the ROI of a label, the
 * {@code sitk.Hash} of the UInt32 label map, the grid — with the same results as the {@code double} values (the
 * byte is the cast value, so the ROI and the hashed bytes are unchanged). {@link #toVolume} rebuilds a {@link Volume}
 * (values as cast) for the paths that resample or crop the label map.
 */
public final class LabelMap {

    private final Geometry geometry;
    private final PixelType pixelType;
    /** The cast labels, or null when some label does not fit a byte (then {@link #values} holds the map). */
    private final byte[] labels;
    private final Volume values;

    private LabelMap(Geometry geometry, PixelType pixelType, byte[] labels, Volume values) {
        this.geometry = geometry;
        this.pixelType = pixelType;
        this.labels = labels;
        this.values = values;
    }

    /**
     * The compact form of a label map, or the map itself when a label is outside 0…255 or has a fractional part
     * (fractions are truncated by the cast, but the map is then kept as given, so nothing depends on that).
     */
    public static LabelMap of(Volume labelMap) {
        double[] d = labelMap.data();
        byte[] b = new byte[d.length];
        for (int n = 0; n < d.length; n++) {
            double v = d[n];
            int x = (int) v;
            if (x != v || x < 0 || x > 255) { // also NaN
                return new LabelMap(labelMap.geometry(), labelMap.pixelType(), null, labelMap);
            }
            b[n] = (byte) x;
        }
        return new LabelMap(labelMap.geometry(), labelMap.pixelType(), b, null);
    }

    /** The label map as given, not made compact (when the caller holds its values anyway). */
    public static LabelMap wrap(Volume labelMap) {
        return new LabelMap(labelMap.geometry(), labelMap.pixelType(), null, labelMap);
    }

    public Geometry geometry() {
        return geometry;
    }

    /** True when held as one byte per voxel. */
    public boolean isCompact() {
        return labels != null;
    }

    /** As {@link Masks#checkLabel}: the map labels something, and {@code label} is present. */
    public void checkLabel(int label) {
        if (labels == null) {
            Masks.checkLabel(values, label);
            return;
        }
        if (label >= 1 && label <= 255) {
            for (byte b : labels) {
                if (b == (byte) label) {
                    return;
                }
            }
        }
        Masks.checkLabel(toVolume(), label); // absent: the message lists the labels present
    }

    /** As {@link Masks#roi}: true where the label is {@code label}. */
    public boolean[] roi(int label) {
        if (labels == null) {
            return Masks.roi(values, label);
        }
        boolean[] m = new boolean[labels.length];
        if (label < 0 || label > 255) {
            return m;
        }
        byte l = (byte) label;
        for (int n = 0; n < labels.length; n++) {
            m[n] = labels[n] == l;
        }
        return m;
    }

    /** SimpleITK's hash of the label map cast to UInt32, as {@link SitkHash#sha1} of its values. */
    public String sha1UInt32() {
        if (labels == null) {
            return SitkHash.sha1(values.data(), PixelType.UINT32);
        }
        return SitkHash.sha1UInt32(labels);
    }

    /**
     * The label map as a {@link Volume}: the one given, or when compact a new {@code double} array with the same
     * values and pixel type (the values were whole numbers 0…255). For resampling and cropping.
     */
    public Volume toVolume() {
        if (labels == null) {
            return values;
        }
        double[] d = new double[labels.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = labels[n] & 0xff;
        }
        return new Volume(geometry, pixelType, d);
    }
}
