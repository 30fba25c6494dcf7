package org.nacrad.image.dicom.codec;

/**
 * The marker-segment layer that JPEG (ITU-T T.81 B.1.1) and JPEG-LS (T.87 C.1, the same syntax) share: a marker is
 * 0xFF, optional 0xFF fill bytes, then its code; a marker segment carries a big-endian length that counts itself.
 * The decoders extend it with their own frame and scan headers. Errors name the format.
 */
abstract class MarkerStream {

    /** The whole coded stream. */
    final byte[] in;
    /** The read position in {@link #in}. */
    int pos;
    private final String format;

    MarkerStream(byte[] in, String format) {
        this.in = in;
        this.format = format;
    }

    /** The next marker code after any fill bytes, or −1 at the end of the data. */
    int nextMarker() throws CodecException {
        if (pos >= in.length) {
            return -1;
        }
        if ((in[pos] & 0xFF) != 0xFF) {
            throw new CodecException("expected a " + format + " marker at byte " + pos + " (corrupt stream)");
        }
        while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        return pos < in.length ? in[pos++] & 0xFF : -1;
    }

    /** One byte of a marker segment. */
    int u8() throws CodecException {
        if (pos >= in.length) {
            throw new CodecException(format + " stream truncated in a marker segment at byte " + pos);
        }
        return in[pos++] & 0xFF;
    }

    /** A big-endian 16-bit field of a marker segment. */
    int u16() throws CodecException {
        return u8() << 8 | u8();
    }

    /** Skips a marker segment by its length (APPn, COM and other segments the decoder does not use). */
    void skipSegment() throws CodecException {
        int length = u16();
        pos += length - 2;
        if (length < 2 || pos > in.length) {
            throw new CodecException(format + " marker segment runs past the end of the stream");
        }
    }
}
