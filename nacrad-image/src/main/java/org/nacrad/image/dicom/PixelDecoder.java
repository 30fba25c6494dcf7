package org.nacrad.image.dicom;

import java.util.Map;

import org.nacrad.image.ImageFormatException;

/**
 * Decodes native (uncompressed) monochrome pixel data, PS3.5 §8.1: one sample per pixel, 1, 8, 16 or 32 bits
 * allocated, little endian, rows of columns, frame after frame. Stored values are masked to BitsStored and
 * sign-extended when PixelRepresentation is 1. Compressed (encapsulated) pixel data is refused with the name of
 * its transfer syntax: no maintained Java codec for JPEG lossless or JPEG 2000 is served from Maven Central
 * under a non-GPL licence.
 */
final class PixelDecoder {

    static final int SAMPLES_PER_PIXEL = DicomObject.tag(0x0028, 0x0002);
    static final int ROWS = DicomObject.tag(0x0028, 0x0010);
    static final int COLUMNS = DicomObject.tag(0x0028, 0x0011);
    static final int BITS_ALLOCATED = DicomObject.tag(0x0028, 0x0100);
    static final int BITS_STORED = DicomObject.tag(0x0028, 0x0101);
    static final int PIXEL_REPRESENTATION = DicomObject.tag(0x0028, 0x0103);

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
        if (d.fragments(DicomFrame.PIXEL_DATA) != null) {
            String ts = d.string(DicomObject.tag(0x0002, 0x0010));
            throw new ImageFormatException(where, "compressed pixel data (" + COMPRESSED.getOrDefault(ts, ts)
                    + ", transfer syntax " + ts + ") is not supported: decompress first, e.g. "
                    + "'gdcmconv --raw IN OUT' or 'dcmdjpeg IN OUT'");
        }
        if (d.uint16(SAMPLES_PER_PIXEL, 1) != 1) {
            throw new ImageFormatException(where, "colour images (SamplesPerPixel " + d.uint16(SAMPLES_PER_PIXEL, 1)
                    + ") are not supported");
        }
        int rows = d.uint16(ROWS, -1), cols = d.uint16(COLUMNS, -1);
        int allocated = d.uint16(BITS_ALLOCATED, -1);
        int stored = d.uint16(BITS_STORED, allocated);
        boolean signed = d.uint16(PIXEL_REPRESENTATION, 0) == 1;
        byte[] px = d.bytes(DicomFrame.PIXEL_DATA);
        if (rows < 1 || cols < 1 || px == null) {
            throw new ImageFormatException(where, "no Rows, Columns or PixelData");
        }
        int plane = rows * cols;
        if (allocated == 1) {
            long bit0 = (long) f.index() * plane;
            if ((bit0 + plane + 7) / 8 > px.length) {
                throw new ImageFormatException(where, "pixel data too short for " + rows + "×" + cols + " bits");
            }
            for (int n = 0; n < plane; n++) {
                long bit = bit0 + n;
                out[offset + n] = (px[(int) (bit >>> 3)] >>> (bit & 7)) & 1;
            }
            return;
        }
        if (allocated != 8 && allocated != 16 && allocated != 32) {
            throw new ImageFormatException(where, "BitsAllocated " + allocated + " is not supported");
        }
        int bytes = allocated / 8;
        long start = (long) f.index() * plane * bytes;
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

    /** The range of stored values: [0, 2^BitsStored − 1] or [−2^(BitsStored−1), 2^(BitsStored−1) − 1]. */
    static double[] storedRange(DicomObject d) {
        int allocated = d.uint16(BITS_ALLOCATED, 16);
        int stored = d.uint16(BITS_STORED, allocated);
        boolean signed = d.uint16(PIXEL_REPRESENTATION, 0) == 1;
        double span = Math.pow(2, stored);
        return signed ? new double[] {-span / 2, span / 2 - 1} : new double[] {0, span - 1};
    }
}
