package org.nacrad.image.dicom;

import java.util.List;
import java.util.Map;

import org.nacrad.image.ImageFormatException;
import org.nacrad.image.dicom.codec.CodecException;
import org.nacrad.image.dicom.codec.DecodedFrame;
import org.nacrad.image.dicom.codec.EncapsulatedFrames;
import org.nacrad.image.dicom.codec.JpegLosslessDecoder;
import org.nacrad.image.dicom.codec.JpegLsDecoder;

/**
 * Decodes monochrome pixel data, one sample per pixel, to stored values: native (uncompressed) data of 1, 8, 16
 * or 32 bits allocated, little endian (PS3.5 §8.1); RLE Lossless ({@link #decodeRle}, PS3.5 Annex G); JPEG
 * lossless, process 14, any selection value (transfer syntaxes .4.57 and .4.70, {@link JpegLosslessDecoder});
 * JPEG-LS lossless and near-lossless (.4.80 and .4.81, {@link JpegLsDecoder}).
 * Stored values are masked to BitsStored and sign-extended when PixelRepresentation is 1, whatever the coding.
 * The frames of encapsulated data are found by {@link EncapsulatedFrames}. Other compressed transfer syntaxes are
 * refused with the file, the syntax's name and UID, and a hint how to decompress.
 */
final class PixelDecoder {

    static final int SAMPLES_PER_PIXEL = DicomObject.tag(0x0028, 0x0002);
    static final int ROWS = DicomObject.tag(0x0028, 0x0010);
    static final int COLUMNS = DicomObject.tag(0x0028, 0x0011);
    static final int BITS_ALLOCATED = DicomObject.tag(0x0028, 0x0100);
    static final int BITS_STORED = DicomObject.tag(0x0028, 0x0101);
    static final int PIXEL_REPRESENTATION = DicomObject.tag(0x0028, 0x0103);

    static final int EXTENDED_OFFSET_TABLE = DicomObject.tag(0x7FE0, 0x0001);

    static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

    private static final Map<String, String> COMPRESSED = Map.of(
            "1.2.840.10008.1.2.4.50", "JPEG baseline",
            "1.2.840.10008.1.2.4.51", "JPEG extended",
            "1.2.840.10008.1.2.4.57", "JPEG lossless",
            "1.2.840.10008.1.2.4.70", "JPEG lossless SV1",
            "1.2.840.10008.1.2.4.80", "JPEG-LS lossless",
            "1.2.840.10008.1.2.4.81", "JPEG-LS near-lossless",
            "1.2.840.10008.1.2.4.90", "JPEG 2000 lossless",
            "1.2.840.10008.1.2.4.91", "JPEG 2000",
            "1.2.840.10008.1.2.5", "RLE lossless");

    private PixelDecoder() {
    }

    /** Writes frame {@code f}'s stored values (before rescaling) to {@code out} from {@code offset}. */
    static void decode(DicomFrame f, double[] out, int offset) throws ImageFormatException {
        DicomObject d = f.dataset();
        String where = DicomSeriesReader.where(f);
        String ts = d.string(DicomObject.tag(0x0002, 0x0010));
        boolean encapsulated = d.fragments(DicomFrame.PIXEL_DATA) != null;
        boolean rle = RLE_LOSSLESS.equals(ts) && encapsulated;
        boolean jpeg = encapsulated && (JPEG_LOSSLESS.equals(ts) || JPEG_LOSSLESS_SV1.equals(ts)
                || JPEG_LS_LOSSLESS.equals(ts) || JPEG_LS_NEAR_LOSSLESS.equals(ts));
        if (encapsulated && !rle && !jpeg) {
            throw new ImageFormatException(where, "compressed pixel data (" + COMPRESSED.getOrDefault(ts, ts)
                    + ", transfer syntax " + ts + ") is not supported: decompress first, e.g. "
                    + (ts != null && ts.startsWith("1.2.840.10008.1.2.4.9")
                    // dcmtk's dcmdjpeg decodes JPEG baseline/extended, not JPEG 2000 (no free JPEG 2000 codec in dcmtk)
                    ? "'gdcmconv --raw IN OUT'" : "'gdcmconv --raw IN OUT' or 'dcmdjpeg IN OUT'"));
        }
        if (d.uint16(SAMPLES_PER_PIXEL, 1) != 1) {
            throw new ImageFormatException(where, "colour images (SamplesPerPixel " + d.uint16(SAMPLES_PER_PIXEL, 1)
                    + ") are not supported");
        }
        int rows = d.uint16(ROWS, -1), cols = d.uint16(COLUMNS, -1);
        int allocated = d.uint16(BITS_ALLOCATED, -1);
        int stored = d.uint16(BITS_STORED, allocated);
        boolean signed = d.uint16(PIXEL_REPRESENTATION, 0) == 1;
        if (rows < 1 || cols < 1 || !d.contains(DicomFrame.PIXEL_DATA)) {
            throw new ImageFormatException(where, "no Rows, Columns or PixelData");
        }
        if (allocated != 1 && allocated != 8 && allocated != 16 && allocated != 32) {
            throw new ImageFormatException(where, "BitsAllocated " + allocated + " is not supported");
        }
        if (stored < 1 || stored > allocated) {
            throw new ImageFormatException(where, "BitsStored " + stored + " is not between 1 and BitsAllocated "
                    + allocated);
        }
        int plane = rows * cols; // at most 65535² < 2³¹ − 1 would overflow: checked by the caller's allocation
        if (jpeg) {
            decodeJpeg(where, f, ts, rows, cols, stored, signed, out, offset);
            return;
        }
        byte[] px = d.bytes(DicomFrame.PIXEL_DATA);
        int frameIndex = f.index();
        if (rle) {
            if (allocated == 1) {
                throw new ImageFormatException(where, "RLE with BitsAllocated " + allocated + " is not supported");
            }
            px = decodeRle(where, rleFrame(where, d, f.index()), plane, allocated / 8);
            frameIndex = 0;
        }
        if (allocated == 1) {
            long bit0 = (long) frameIndex * plane;
            if ((bit0 + plane + 7) / 8 > px.length) {
                throw new ImageFormatException(where, "pixel data too short for " + rows + "×" + cols + " bits");
            }
            for (int n = 0; n < plane; n++) {
                long bit = bit0 + n;
                out[offset + n] = (px[(int) (bit >>> 3)] >>> (bit & 7)) & 1;
            }
            return;
        }
        int bytes = allocated / 8;
        long start = (long) frameIndex * plane * bytes;
        if (start + (long) plane * bytes > px.length) {
            throw new ImageFormatException(where, "pixel data holds " + px.length + " bytes, too few for frame "
                    + (f.index() + 1) + " of " + rows + "×" + cols + " pixels of " + allocated + " bits");
        }
        long mask = stored >= 64 ? -1L : (1L << stored) - 1;
        long signBit = 1L << (stored - 1);
        int p = (int) start;
        for (int n = 0; n < plane; n++) {
            long v = 0;
            for (int b = 0; b < bytes; b++) {
                v |= (long) (px[p++] & 0xFF) << (8 * b);
            }
            v &= mask;
            if (signed && (v & signBit) != 0) {
                v -= 1L << stored;
            }
            out[offset + n] = v;
        }
    }

    /** Decodes one frame of a JPEG-family transfer syntax and stores its masked, sign-extended values. */
    private static void decodeJpeg(String where, DicomFrame f, String ts, int rows, int cols, int stored,
            boolean signed, double[] out, int offset) throws ImageFormatException {
        DicomObject d = f.dataset();
        String name = COMPRESSED.get(ts);
        DecodedFrame frame;
        try {
            byte[] bytes = EncapsulatedFrames.frame(d.fragments(DicomFrame.PIXEL_DATA), d.bytes(EXTENDED_OFFSET_TABLE),
                    (int) d.integer(DicomFrame.NUMBER_OF_FRAMES, 1), f.index());
            boolean ls = JPEG_LS_LOSSLESS.equals(ts) || JPEG_LS_NEAR_LOSSLESS.equals(ts);
            frame = ls ? JpegLsDecoder.decode(bytes, cols, rows) : JpegLosslessDecoder.decode(bytes, cols, rows);
        } catch (CodecException e) {
            throw new ImageFormatException(where, name + " pixel data (transfer syntax " + ts + "): "
                    + e.getMessage());
        }
        int[] s = frame.samples();
        int mask = stored >= 32 ? -1 : (int) ((1L << stored) - 1);
        int signBit = 1 << (stored - 1);
        for (int n = 0; n < s.length; n++) {
            int v = s[n] & mask;
            out[offset + n] = signed && (v & signBit) != 0 ? v - (1L << stored) : v;
        }
    }

    /**
     * The compressed bytes of one RLE frame: for a single-frame image all fragments after the basic offset table
     * joined, for a multi-frame image fragment {@code frame + 1} (PS3.5 §A.4: each frame is one fragment in RLE).
     */
    private static byte[] rleFrame(String where, DicomObject d, int frame) throws ImageFormatException {
        List<byte[]> fragments = d.fragments(DicomFrame.PIXEL_DATA);
        long frames = d.integer(DicomFrame.NUMBER_OF_FRAMES, 1);
        if (frames == 1) {
            int length = 0;
            for (int n = 1; n < fragments.size(); n++) {
                length += fragments.get(n).length;
            }
            byte[] all = new byte[length];
            int p = 0;
            for (int n = 1; n < fragments.size(); n++) {
                System.arraycopy(fragments.get(n), 0, all, p, fragments.get(n).length);
                p += fragments.get(n).length;
            }
            return all;
        }
        if (fragments.size() - 1 != frames) {
            throw new ImageFormatException(where, "RLE pixel data has " + (fragments.size() - 1) + " fragments for "
                    + frames + " frames");
        }
        return fragments.get(frame + 1);
    }

    /**
     * Decodes one RLE Lossless frame (PS3.5 Annex G): a 64-byte header (segment count, then up to 15 segment
     * offsets), one PackBits-coded segment per byte of a sample, most significant byte first. Returns the frame as
     * native little-endian bytes. Written by hand: the format is a few lines and has no Java library on Central.
     */
    static byte[] decodeRle(String where, byte[] in, int plane, int bytes) throws ImageFormatException {
        if (in.length < 64) {
            throw new ImageFormatException(where, "RLE frame shorter than its 64-byte header");
        }
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(in, 0, 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int segments = h.getInt();
        if (segments != bytes) {
            throw new ImageFormatException(where, "RLE frame has " + segments + " segments, expected " + bytes);
        }
        if (segments < 1 || segments > 15) {
            throw new ImageFormatException(where, "RLE header has " + segments + " segments (1 to 15 allowed)");
        }
        int[] offsets = new int[segments + 1];
        for (int s = 0; s < segments; s++) {
            offsets[s] = h.getInt();
            if (offsets[s] < 64 || offsets[s] > in.length || s > 0 && offsets[s] < offsets[s - 1]) {
                throw new ImageFormatException(where, "RLE segment " + (s + 1) + " offset " + (offsets[s] & 0xFFFFFFFFL)
                        + " is outside the frame's " + in.length + " bytes or out of order");
            }
        }
        offsets[segments] = in.length;
        byte[] out = new byte[plane * bytes];
        for (int s = 0; s < segments; s++) {
            int byteIndex = bytes - 1 - s; // segment 0 holds the most significant bytes
            int p = offsets[s], end = offsets[s + 1], n = 0;
            while (n < plane && p < end) {
                int c = in[p++];
                if (c >= 0) {
                    int take = Math.min(c + 1, plane - n);
                    if (p + take > end) {
                        throw new ImageFormatException(where, "RLE segment " + (s + 1) + " literal run of " + (c + 1)
                                + " bytes runs past the segment's end");
                    }
                    for (int q = 0; q < take; q++) {
                        out[n++ * bytes + byteIndex] = in[p + q];
                    }
                    p += c + 1;
                } else if (c != -128) {
                    if (p >= end) {
                        throw new ImageFormatException(where, "RLE segment " + (s + 1) + " ends inside a replicate run");
                    }
                    byte v = in[p++];
                    for (int q = 0; q < 1 - c && n < plane; q++) {
                        out[n++ * bytes + byteIndex] = v;
                    }
                }
            }
            if (n < plane) {
                throw new ImageFormatException(where, "RLE segment " + (s + 1) + " decodes to " + n + " of " + plane
                        + " bytes");
            }
        }
        return out;
    }

    /** The range of stored values: [0, 2^BitsStored − 1] or [−2^(BitsStored−1), 2^(BitsStored−1) − 1]. */
    static double[] storedRange(DicomObject d) {
        int allocated = d.uint16(BITS_ALLOCATED, 16);
        int stored = d.uint16(BITS_STORED, allocated);
        boolean signed = d.uint16(PIXEL_REPRESENTATION, 0) == 1;
        double span = Math.pow(2, stored);
        return signed ? new double[] {-span / 2, span / 2 - 1} : new double[] {0, span - 1};
    }
}
