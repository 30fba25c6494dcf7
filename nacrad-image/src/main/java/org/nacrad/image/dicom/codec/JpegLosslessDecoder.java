package org.nacrad.image.dicom.codec;

/**
 * Decodes a greyscale lossless JPEG code stream: ITU-T T.81 (ISO/IEC 10918-1) Annex H, process 14 (SOF3,
 * Huffman coding), as used by DICOM transfer syntaxes 1.2.840.10008.1.2.4.57 (any selection value) and .70
 * (selection value 1), PS3.5 §A.4.1.
 *
 * <p>Supported: precision 2–16 bits, one component, selection values (predictors) 1–7, point transform
 * (H.1.2.3: the decoded values are shifted left by Pt), restart intervals (DRI/RSTn, with the prediction reset of
 * H.1.2.1), several DHT segments, APPn/COM segments skipped. Refused with a {@link CodecException}: DCT, hierarchical
 * or arithmetic-coded frames, several components, a DNL marker instead of a line count, and streams whose entropy
 * data end early or hold a code that is not in the Huffman table.
 *
 * <p>Prediction (Table H.1, with Ra left, Rb above, Rc above-left): 1 Ra, 2 Rb, 3 Rc, 4 Ra+Rb−Rc,
 * 5 Ra+((Rb−Rc)>>1), 6 Rb+((Ra−Rc)>>1), 7 (Ra+Rb)>>1. The first line of the scan and of every restart interval is
 * predicted by Ra, its first sample by 2<sup>P−Pt−1</sup>; the first sample of every other line by Rb. The
 * reconstructed value is (prediction + difference) modulo 2<sup>16</sup> (H.1.2); a difference category of 16
 * means 32768 with no additional bits (Table H.2).
 *
 * <p>Written by hand: the candidate library, TwelveMonkeys imageio-jpeg 3.14.0 (BSD-3), decodes the 12- and 16-bit
 * test streams exactly but gets the last sample before each restart marker wrong in an 8-bit stream with restart
 * intervals (4 of 3072 samples, where dcmdjpeg and GDCM agree with the original); see {@code docs/dicom.md}.
 */
public final class JpegLosslessDecoder extends MarkerStream {

    private final Huffman[] tables = new Huffman[4];
    private int restartInterval;
    private int precision;
    private int rows;
    private int columns;
    private int componentId = -1;

    private final int expectedColumns;
    private final int expectedRows;

    private JpegLosslessDecoder(byte[] in, int expectedColumns, int expectedRows) {
        super(in, "JPEG");
        this.expectedColumns = expectedColumns;
        this.expectedRows = expectedRows;
    }

    /** Decodes one image of any size up to 2^28 samples. @throws CodecException when malformed or unsupported */
    public static DecodedFrame decode(byte[] stream) throws CodecException {
        return new JpegLosslessDecoder(stream, -1, -1).run();
    }

    /**
     * Decodes one image that must be {@code columns} × {@code rows} (checked before any sample is decoded).
     *
     * @throws CodecException when the stream is malformed, unsupported or of another size
     */
    public static DecodedFrame decode(byte[] stream, int columns, int rows) throws CodecException {
        return new JpegLosslessDecoder(stream, columns, rows).run();
    }

    private DecodedFrame run() throws CodecException {
        if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
            throw new CodecException("not a JPEG stream (no SOI marker FFD8 at its start)");
        }
        pos = 2;
        int[] samples = null;
        while (true) {
            int marker = nextMarker();
            if (marker < 0 || marker == 0xD9) {
                break;
            }
            switch (marker) {
                case 0xC3 -> readFrameHeader();
                case 0xC4 -> readHuffmanTables();
                case 0xDD -> readRestartInterval();
                case 0xDA -> {
                    if (componentId < 0) {
                        throw new CodecException("scan (SOS) before the frame header (SOF3)");
                    }
                    if (samples != null) {
                        throw new CodecException("more than one scan: only single-component images are supported");
                    }
                    samples = readScan();
                }
                case 0xC0, 0xC1, 0xC2 -> throw new CodecException("DCT-based JPEG frame (SOF" + (marker - 0xC0)
                        + ") where a lossless frame (SOF3) was expected");
                case 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw new CodecException(
                        "hierarchical or arithmetic-coded JPEG (SOF" + (marker - 0xC0) + ") is not supported");
                case 0xDC -> throw new CodecException("DNL marker (line count after the scan) is not supported");
                default -> skipSegment();
            }
        }
        if (samples == null) {
            throw new CodecException("JPEG stream without a scan");
        }
        return new DecodedFrame(columns, rows, precision, samples);
    }





    /** SOF3, T.81 B.2.2. */
    private void readFrameHeader() throws CodecException {
        int end = pos + u16();
        precision = u8();
        rows = u16();
        columns = u16();
        int components = u8();
        if (components != 1) {
            throw new CodecException(components + " components: only greyscale (one component) is supported");
        }
        componentId = u8();
        u8(); // sampling factors
        u8(); // quantisation table (unused in lossless mode)
        if (precision < 2 || precision > 16) {
            throw new CodecException("lossless JPEG precision " + precision + " is outside 2..16");
        }
        if (rows == 0) {
            throw new CodecException("DNL marker (line count after the scan) is not supported");
        }
        if (columns == 0) {
            throw new CodecException("frame header with 0 samples per line");
        }
        if (expectedColumns >= 0 && (columns != expectedColumns || rows != expectedRows)) {
            throw new CodecException("code stream is " + columns + "×" + rows + " but Columns×Rows is "
                    + expectedColumns + "×" + expectedRows);
        }
        if ((long) columns * rows > 1 << 28) {
            throw new CodecException("code stream of " + columns + "×" + rows + " samples is too large");
        }
        if ((long) columns * rows * Integer.BYTES > org.nacrad.image.ImageLimits.maxBytes()) {
            throw new CodecException("code stream of " + columns + "×" + rows + " samples needs more memory than is "
                    + "available to nacrad (raise the Java heap)");
        }
        pos = end;
    }

    /** DHT, T.81 B.2.4.2: only the DC (lossless) tables are kept. */
    private void readHuffmanTables() throws CodecException {
        int end = pos + u16();
        while (pos < end) {
            int tc = u8();
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = u8();
                total += counts[l];
            }
            if (total > 256 || pos + total > in.length) {
                throw new CodecException("malformed Huffman table (" + total + " codes)");
            }
            int[] symbols = new int[total];
            for (int k = 0; k < total; k++) {
                symbols[k] = u8();
            }
            if ((tc >> 4) == 0) {
                tables[tc & 3] = new Huffman(counts, symbols);
            }
        }
        pos = end;
    }

    private void readRestartInterval() throws CodecException {
        int end = pos + u16();
        restartInterval = u16();
        pos = end;
    }

    /** SOS then the entropy-coded data, T.81 B.2.3 and H.2. */
    private int[] readScan() throws CodecException {
        int end = pos + u16();
        int ns = u8();
        if (ns != 1) {
            throw new CodecException("scan of " + ns + " components: only greyscale is supported");
        }
        int cs = u8();
        int table = u8() >> 4 & 3;
        int predictor = u8();
        u8(); // Se, unused
        int pointTransform = u8() & 0x0F;
        pos = end;
        if (cs != componentId) {
            throw new CodecException("scan component " + cs + " is not the frame's component " + componentId);
        }
        Huffman h = tables[table];
        if (h == null) {
            throw new CodecException("scan uses Huffman table " + table + ", which is not defined");
        }
        if (predictor < 1 || predictor > 7) {
            throw new CodecException("predictor (selection value) " + predictor + " is outside 1..7");
        }
        if (pointTransform >= precision) {
            throw new CodecException("point transform " + pointTransform + " not below precision " + precision);
        }
        int[] out = new int[rows * columns];
        BitReader bits = new BitReader(in, pos);
        int initial = 1 << (precision - pointTransform - 1);
        int left = restartInterval; // samples until the next restart marker
        int nextRestart = 0;
        int intervalStart = 0; // index of the first sample of the current restart interval
        int n = 0;
        for (int y = 0; y < rows; y++) {
            int row = y * columns;
            for (int x = 0; x < columns; x++, n++) {
                if (restartInterval > 0 && left == 0) {
                    bits.restart(nextRestart);
                    nextRestart = (nextRestart + 1) & 7;
                    left = restartInterval;
                    intervalStart = n;
                }
                left--;
                int px;
                if (n == intervalStart) {
                    px = initial;
                } else if (n - columns < intervalStart) {
                    px = out[n - 1]; // first line of the scan or of the restart interval
                } else if (x == 0) {
                    px = out[n - columns];
                } else {
                    int ra = out[n - 1], rb = out[n - columns], rc = out[n - columns - 1];
                    px = switch (predictor) {
                        case 1 -> ra;
                        case 2 -> rb;
                        case 3 -> rc;
                        case 4 -> ra + rb - rc;
                        case 5 -> ra + ((rb - rc) >> 1);
                        case 6 -> rb + ((ra - rc) >> 1);
                        default -> (ra + rb) >> 1;
                    };
                }
                int ssss = bits.decode(h);
                int diff;
                if (ssss == 0) {
                    diff = 0;
                } else if (ssss == 16) {
                    diff = 32768;
                } else if (ssss > 16) {
                    throw new CodecException("difference category " + ssss + " above 16 at line " + (y + 1));
                } else {
                    int v = bits.read(ssss);
                    diff = v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v;
                }
                out[row + x] = (px + diff) & 0xFFFF;
            }
            if (bits.overrun()) {
                throw new CodecException("entropy-coded data end at line " + (y + 1) + " of " + rows
                        + " (truncated or corrupt stream)");
            }
        }
        if (pointTransform > 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] <<= pointTransform;
            }
        }
        pos = bits.markerPosition();
        return out;
    }

    /** A canonical Huffman table (T.81 Annex C and F.2.2.3) with a 9-bit look-up for the short codes. */
    static final class Huffman {
        static final int FAST = 9;
        final int[] maxCode = new int[18];
        final int[] offset = new int[17];
        final int[] symbols;
        final short[] fast = new short[1 << FAST]; // (length << 8 | symbol), 0 when longer than FAST

        Huffman(int[] counts, int[] symbols) throws CodecException {
            this.symbols = symbols;
            int code = 0, k = 0;
            for (int l = 1; l <= 16; l++) {
                offset[l] = k - code;
                if (code + counts[l] > 1 << l) {
                    throw new CodecException("malformed Huffman table: " + counts[l] + " codes of length " + l
                            + " do not fit");
                }
                for (int c = 0; c < counts[l]; c++, k++, code++) {
                    if (l <= FAST) {
                        int first = code << (FAST - l);
                        for (int f = 0; f < 1 << (FAST - l); f++) {
                            fast[first + f] = (short) (l << 8 | symbols[k]);
                        }
                    }
                }
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }

    /** Entropy-coded data: bytes with 0xFF00 stuffing (T.81 F.1.2.3), stopping at the first marker. */
    static final class BitReader {
        private final byte[] in;
        private int pos;
        private long acc;
        private int count; // bits in acc
        private int fake; // zero bits appended after a marker or the end of the data, at the low end of acc
        private boolean overrun;

        BitReader(byte[] in, int pos) {
            this.in = in;
            this.pos = pos;
        }

        private void fill() {
            while (count <= 56) {
                int b = 0;
                if (fake == 0 && pos < in.length) {
                    b = in[pos] & 0xFF;
                    if (b == 0xFF) {
                        int next = pos + 1 < in.length ? in[pos + 1] & 0xFF : -1;
                        if (next == 0) {
                            pos += 2;
                        } else {
                            b = 0;
                            fake += 8;
                        }
                    } else {
                        pos++;
                    }
                } else {
                    fake += 8;
                }
                acc = acc << 8 | b;
                count += 8;
            }
        }

        int decode(Huffman h) throws CodecException {
            if (count < 16) {
                fill();
            }
            int look = (int) (acc >>> (count - Huffman.FAST)) & ((1 << Huffman.FAST) - 1);
            int e = h.fast[look];
            if (e != 0) {
                consume(e >> 8);
                return e & 0xFF;
            }
            int code = (int) (acc >>> (count - 16)) & 0xFFFF;
            for (int l = Huffman.FAST + 1; l <= 16; l++) {
                int c = code >>> (16 - l);
                if (c <= h.maxCode[l]) {
                    consume(l);
                    return h.symbols[h.offset[l] + c];
                }
            }
            throw new CodecException("invalid Huffman code near byte " + pos + " (corrupt stream)");
        }

        int read(int n) {
            if (count < n) {
                fill();
            }
            int v = (int) (acc >>> (count - n)) & ((1 << n) - 1);
            consume(n);
            return v;
        }

        private void consume(int n) {
            count -= n;
            if (count < fake) {
                overrun = true;
            }
        }

        boolean overrun() {
            return overrun;
        }

        /** Skips to the expected RSTn marker after the padding bits and starts afresh behind it (T.81 E.2.4). */
        void restart(int expected) throws CodecException {
            if (overrun) {
                throw new CodecException("entropy-coded data end before restart marker RST" + expected
                        + " (truncated or corrupt stream)");
            }
            int p = markerPosition();
            while (p < in.length && (in[p] & 0xFF) == 0xFF) {
                p++;
            }
            if (p >= in.length || (in[p] & 0xFF) != 0xD0 + expected) {
                throw new CodecException("expected restart marker RST" + expected + " at byte " + p
                        + " (corrupt stream)");
            }
            pos = p + 1;
            acc = 0;
            count = 0;
            fake = 0;
        }

        /** Where the marker that ended the entropy-coded data starts (or the end of the data). */
        int markerPosition() {
            return pos;
        }
    }
}
