package org.nacrad.image.dicom.codec;

/**
 * Decodes a greyscale JPEG-LS code stream, lossless or near-lossless: ITU-T T.87 (ISO/IEC 14495-1), the LOCO-I
 * algorithm, as used by DICOM transfer syntaxes 1.2.840.10008.1.2.4.80 and .81 (PS3.5 §A.4.3).
 *
 * <p>Per sample, from the reconstructed neighbours Ra (left), Rb (above), Rc (above-left) and Rd (above-right),
 * with the edge rules of T.87 §A.2.1 (first line: zeros above; first column: Ra = Rb, Rc = the first sample two
 * lines up; last column: Rd = Rb):
 * <ul>
 * <li><b>regular mode</b> (some local gradient exceeds NEAR): the gradients Rd−Rb, Rb−Rc, Rc−Ra are quantised by
 *     T1, T2, T3 into one of 365 sign-folded contexts (A.3); the median edge detector prediction (A.4.1) is
 *     corrected by the context's bias C and clamped to [0, MAXVAL]; the mapped error is read as a
 *     limited-length Golomb code whose k follows from the context's A and N (A.5); the context's A, B, C, N are
 *     updated and halved every RESET samples (A.6);</li>
 * <li><b>run mode</b> (all gradients within NEAR): run lengths coded with the adaptive J table and RUNindex
 *     (A.7.1), then a run-interruption sample coded in one of two special contexts (A.7.2).</li>
 * </ul>
 * Near-lossless reconstruction multiplies the decoded error by 2·NEAR+1 and reduces it modulo
 * RANGE·(2·NEAR+1) (A.4.4), so every sample is within NEAR of the encoder's input. Default thresholds follow
 * C.2.4.1.1; an LSE segment of preset parameters (ID 1) overrides them.
 *
 * <p>Written by hand because no JPEG-LS decoder for Java is on Maven Central (the reference implementation,
 * CharLS, is C++). Refused: several components, mapping tables (LSE 2/3, SOS Tm), restart intervals, point
 * transform, a missing line count (LSE 4/DNL).
 */
public final class JpegLsDecoder extends MarkerStream {

    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9,
        10, 11, 12, 13, 14, 15};
    private static final int CONTEXTS = 9 * 9 * 9; // regular contexts indexed 81·(Q1+4) + 9·(Q2+4) + (Q3+4)
    private static final int RUN_CONTEXT_0 = CONTEXTS;
    private static final int RUN_CONTEXT_1 = CONTEXTS + 1;

    private int precision;
    private int rows;
    private int columns;
    private int componentId = -1;
    private int maxVal;
    private int t1;
    private int t2;
    private int t3;
    private int reset;

    // scan state
    private int near;
    private int range;
    private int qbpp;
    private int limit;
    private final int[] a = new int[CONTEXTS + 2];
    private final int[] b = new int[CONTEXTS + 2];
    private final int[] c = new int[CONTEXTS + 2];
    private final int[] n = new int[CONTEXTS + 2];
    private final int[] nn = new int[CONTEXTS + 2];
    private int runIndex;
    private Bits bits;
    private int line;

    private final int expectedColumns;
    private final int expectedRows;

    private JpegLsDecoder(byte[] in, int expectedColumns, int expectedRows) {
        super(in, "JPEG-LS");
        this.expectedColumns = expectedColumns;
        this.expectedRows = expectedRows;
    }

    /** Decodes one image of any size up to 2^28 samples. @throws CodecException when malformed or unsupported */
    public static DecodedFrame decode(byte[] stream) throws CodecException {
        return new JpegLsDecoder(stream, -1, -1).run();
    }

    /**
     * Decodes one image that must be {@code columns} × {@code rows} (checked before any sample is decoded).
     *
     * @throws CodecException when the stream is malformed, unsupported or of another size
     */
    public static DecodedFrame decode(byte[] stream, int columns, int rows) throws CodecException {
        return new JpegLsDecoder(stream, columns, rows).run();
    }

    private DecodedFrame run() throws CodecException {
        if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
            throw new CodecException("not a JPEG-LS stream (no SOI marker FFD8 at its start)");
        }
        pos = 2;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xF7 -> readFrameHeader();
                case 0xF8 -> readPresetParameters();
                case 0xDA -> {
                    if (componentId < 0) {
                        throw new CodecException("scan (SOS) before the JPEG-LS frame header (SOF55)");
                    }
                    return new DecodedFrame(columns, rows, precision, readScan());
                }
                case 0xDD -> {
                    int end = pos + u16();
                    if (u16() != 0) {
                        throw new CodecException("JPEG-LS restart intervals are not supported");
                    }
                    pos = end;
                }
                case 0xD9, -1 -> throw new CodecException("JPEG-LS stream without a scan");
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new CodecException("JPEG frame (SOF" + (marker - 0xC0)
                                + ") where a JPEG-LS frame (SOF55) was expected");
                    }
                    skipSegment();
                }
            }
        }
    }





    /** SOF55, T.87 C.2.2. */
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
        pos = end;
        if (precision < 2 || precision > 16) {
            throw new CodecException("JPEG-LS precision " + precision + " is outside 2..16");
        }
        if (rows == 0 || columns == 0) {
            throw new CodecException("frame header with " + columns + "×" + rows + " samples (line count in an "
                    + "LSE or DNL segment is not supported)");
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
    }

    /** LSE, T.87 C.2.4.1: only preset coding parameters (ID 1). */
    private void readPresetParameters() throws CodecException {
        int end = pos + u16();
        int id = u8();
        if (id != 1) {
            throw new CodecException("JPEG-LS LSE segment of type " + id
                    + " (mapping table or oversize dimensions) is not supported");
        }
        maxVal = u16();
        t1 = u16();
        t2 = u16();
        t3 = u16();
        reset = u16();
        pos = end;
    }

    private static int clamp(int v, int lo, int max) {
        return v > max || v < lo ? lo : v;
    }

    /** Thresholds: those of an LSE segment, else the defaults of C.2.4.1.1 for MAXVAL and NEAR. */
    private void setParameters() throws CodecException {
        int mv = maxVal != 0 ? maxVal : (1 << precision) - 1;
        int dt1, dt2, dt3;
        if (mv >= 128) {
            int factor = (Math.min(mv, 4095) + 128) >> 8;
            dt1 = clamp(factor * (3 - 2) + 2 + 3 * near, near + 1, mv);
            dt2 = clamp(factor * (7 - 3) + 3 + 5 * near, dt1, mv);
            dt3 = clamp(factor * (21 - 4) + 4 + 7 * near, dt2, mv);
        } else {
            int factor = 256 / (mv + 1);
            dt1 = clamp(Math.max(2, 3 / factor + 3 * near), near + 1, mv);
            dt2 = clamp(Math.max(3, 7 / factor + 5 * near), dt1, mv);
            dt3 = clamp(Math.max(4, 21 / factor + 7 * near), dt2, mv);
        }
        maxVal = mv;
        t1 = t1 != 0 ? t1 : dt1;
        t2 = t2 != 0 ? t2 : dt2;
        t3 = t3 != 0 ? t3 : dt3;
        reset = reset != 0 ? reset : 64;
        if (near > Math.min(255, mv / 2)) {
            throw new CodecException("NEAR " + near + " is too large for MAXVAL " + mv);
        }
        range = (mv + 2 * near) / (2 * near + 1) + 1;
        qbpp = 32 - Integer.numberOfLeadingZeros(range - 1);
        int bpp = Math.max(2, 32 - Integer.numberOfLeadingZeros(mv));
        limit = 2 * (bpp + Math.max(8, bpp));
        int initialA = Math.max(2, (range + 32) / 64);
        java.util.Arrays.fill(a, initialA);
        java.util.Arrays.fill(b, 0);
        java.util.Arrays.fill(c, 0);
        java.util.Arrays.fill(n, 1);
        java.util.Arrays.fill(nn, 0);
        runIndex = 0;
        tabulateQuantisation();
    }

    /** SOS (C.2.3) and the scan's coded data. */
    private int[] readScan() throws CodecException {
        int end = pos + u16();
        int ns = u8();
        if (ns != 1) {
            throw new CodecException("scan of " + ns + " components: only greyscale is supported");
        }
        int cs = u8();
        int mapping = u8();
        near = u8();
        u8(); // ILV: irrelevant for one component
        int pointTransform = u8() & 0x0F;
        pos = end;
        if (cs != componentId) {
            throw new CodecException("scan component " + cs + " is not the frame's component " + componentId);
        }
        if (mapping != 0) {
            throw new CodecException("JPEG-LS mapping tables are not supported");
        }
        if (pointTransform != 0) {
            throw new CodecException("JPEG-LS point transform " + pointTransform + " is not supported");
        }
        setParameters();
        bits = new Bits(in, pos);
        int[] out = new int[rows * columns];
        int[] prev = new int[columns + 2]; // sample x at index x + 1; index 0 and columns + 1 are the edges
        int[] cur = new int[columns + 2];
        for (line = 0; line < rows; line++) {
            prev[columns + 1] = prev[columns];
            cur[0] = prev[1];
            decodeLine(prev, cur);
            if (bits.overrun) {
                throw truncated();
            }
            System.arraycopy(cur, 1, out, line * columns, columns);
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return out;
    }

    private CodecException truncated() {
        return new CodecException("coded data end at line " + (line + 1) + " of " + rows
                + " (truncated or corrupt stream)");
    }

    private void decodeLine(int[] prev, int[] cur) throws CodecException {
        int x = 1;
        while (x <= columns) {
            int ra = cur[x - 1], rb = prev[x], rc = prev[x - 1], rd = prev[x + 1];
            int d1 = rd - rb, d2 = rb - rc, d3 = rc - ra;
            if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
                x = runMode(x, prev, cur);
            } else {
                cur[x] = regular(quantise(d1), quantise(d2), quantise(d3), ra, rb, rc);
                x++;
            }
        }
    }

    /** Q(d) for d in [−MAXVAL, MAXVAL], index d + MAXVAL (A.3.3). */
    private byte[] quantised;

    private int quantise(int d) {
        return quantised[d + maxVal];
    }

    private void tabulateQuantisation() {
        quantised = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            quantised[d + maxVal] = (byte) quantiseDirect(d);
        }
    }

    private int quantiseDirect(int d) {
        if (d <= -t3) {
            return -4;
        } else if (d <= -t2) {
            return -3;
        } else if (d <= -t1) {
            return -2;
        } else if (d < -near) {
            return -1;
        } else if (d <= near) {
            return 0;
        } else if (d < t1) {
            return 1;
        } else if (d < t2) {
            return 2;
        } else if (d < t3) {
            return 3;
        }
        return 4;
    }

    /** Regular mode, A.3–A.6. */
    private int regular(int q1, int q2, int q3, int ra, int rb, int rc) throws CodecException {
        int sign = 1;
        if (q1 < 0 || q1 == 0 && (q2 < 0 || q2 == 0 && q3 < 0)) {
            sign = -1;
            q1 = -q1;
            q2 = -q2;
            q3 = -q3;
        }
        int q = 81 * (q1 + 4) + 9 * (q2 + 4) + q3 + 4;
        int px;
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        } else {
            px = ra + rb - rc;
        }
        px += sign * c[q];
        px = px < 0 ? 0 : Math.min(px, maxVal);
        int k = golombK(n[q], a[q]);
        int m = golomb(k, limit);
        int err;
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            err = (m & 1) != 0 ? (m - 1) >> 1 : -(m >> 1) - 1;
        } else {
            err = (m & 1) == 0 ? m >> 1 : -((m + 1) >> 1);
        }
        update(q, err);
        return reconstruct(px + sign * err * (2 * near + 1));
    }

    /** Context update and bias correction, A.6. */
    private void update(int q, int err) {
        b[q] += err * (2 * near + 1);
        a[q] += Math.abs(err);
        if (n[q] == reset) {
            a[q] >>= 1;
            b[q] >>= 1;
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > -128) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < 127) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
    }

    /** Modular reduction and clamping of a reconstructed value, A.4.4 / A.5.1. */
    private int reconstruct(int v) {
        if (v < -near) {
            v += range * (2 * near + 1);
        } else if (v > maxVal + near) {
            v -= range * (2 * near + 1);
        }
        return v < 0 ? 0 : Math.min(v, maxVal);
    }

    /** Run mode, A.7: returns the index after the run (and its interruption sample). */
    private int runMode(int x, int[] prev, int[] cur) throws CodecException {
        int ra = cur[x - 1];
        int remaining = columns - x + 1;
        int run = 0;
        while (bits.bit() == 1) {
            int count = Math.min(1 << J[runIndex], remaining - run);
            run += count;
            if (count == 1 << J[runIndex] && runIndex < 31) {
                runIndex++;
            }
            if (run == remaining) {
                break;
            }
        }
        boolean interrupted = run != remaining;
        if (interrupted && J[runIndex] > 0) {
            run += bits.read(J[runIndex]);
        }
        if (run > remaining) {
            if (bits.overrun) {
                throw truncated();
            }
            throw new CodecException("run of " + run + " samples past the end of a line (corrupt stream)");
        }
        for (int k = 0; k < run; k++) {
            cur[x + k] = ra;
        }
        x += run;
        if (!interrupted) {
            return x;
        }
        int rb = prev[x];
        int riType = Math.abs(ra - rb) <= near ? 1 : 0;
        int q = riType == 1 ? RUN_CONTEXT_1 : RUN_CONTEXT_0;
        int temp = riType == 1 ? a[q] + (n[q] >> 1) : a[q];
        int k = golombK(n[q], temp);
        int em = golomb(k, limit - J[runIndex] - 1);
        int t = em + riType;
        int map = t & 1;
        int abs = (t + map) >> 1;
        int err = ((k != 0 || 2 * nn[q] >= n[q]) ? 1 : 0) == map ? -abs : abs;
        if (err < 0) {
            nn[q]++;
        }
        a[q] += (em + 1 - riType) >> 1;
        if (n[q] == reset) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
        if (riType == 1) {
            cur[x] = reconstruct(ra + err * (2 * near + 1));
        } else {
            cur[x] = reconstruct(rb + (rb >= ra ? 1 : -1) * err * (2 * near + 1));
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return x + 1;
    }

    /** The Golomb parameter: the least k with N·2^k ≥ A (A.5.1); over 24 only in a corrupt stream. */
    private int golombK(int count, int sum) throws CodecException {
        int k = 0;
        while ((long) count << k < sum) {
            if (++k > 24) {
                throw new CodecException("context statistics out of range at line " + (line + 1)
                        + " (corrupt stream)");
            }
        }
        return k;
    }

    /** A limited-length Golomb code, A.5.3: unary prefix, then k bits, or an escape of qbpp bits. */
    private int golomb(int k, int lim) throws CodecException {
        int prefix = bits.zeros(lim - qbpp);
        if (prefix > lim - qbpp - 1) {
            if (bits.overrun) {
                throw truncated();
            }
            throw new CodecException("Golomb code longer than LIMIT near byte " + bits.pos + " (corrupt stream)");
        }
        if (prefix >= lim - qbpp - 1) {
            return bits.read(qbpp) + 1;
        }
        return k == 0 ? prefix : (prefix << k) + bits.read(k);
    }

    /** Coded data of T.87 with its bit stuffing: after a 0xFF byte only 7 bits of the next byte are data. */
    static final class Bits {
        private final byte[] in;
        private int pos;
        private long acc;
        private int count;
        private int fake;
        private boolean afterFF;
        boolean overrun;

        Bits(byte[] in, int pos) {
            this.in = in;
            this.pos = pos;
        }

        private void fill() {
            while (count <= 56) {
                if (fake == 0 && pos < in.length) {
                    int v = in[pos] & 0xFF;
                    if (v == 0xFF && pos + 1 < in.length && (in[pos + 1] & 0xFF) >= 0x80) {
                        fake += 8; // a marker: the coded data end here
                        acc <<= 8;
                        count += 8;
                        continue;
                    }
                    if (afterFF) {
                        acc = acc << 7 | v;
                        count += 7;
                    } else {
                        acc = acc << 8 | v;
                        count += 8;
                    }
                    afterFF = v == 0xFF;
                    pos++;
                } else {
                    fake += 8;
                    acc <<= 8;
                    count += 8;
                }
            }
        }

        /** Counts 0 bits up to and consuming the next 1 bit; stops early (returning more than max) past max. */
        int zeros(int max) {
            int zeros = 0;
            while (true) {
                if (count == 0) {
                    fill();
                }
                int lz = Long.numberOfLeadingZeros(acc << (64 - count));
                if (lz < count) {
                    count -= lz + 1;
                    if (count < fake) {
                        overrun = true;
                    }
                    return zeros + lz;
                }
                zeros += count;
                count = 0;
                if (zeros > max) {
                    overrun |= fake > 0;
                    return zeros;
                }
            }
        }

        int bit() {
            if (count < 1) {
                fill();
            }
            count--;
            if (count < fake) {
                overrun = true;
            }
            return (int) (acc >>> count) & 1;
        }

        int read(int k) {
            if (count < k) {
                fill();
            }
            count -= k;
            if (count < fake) {
                overrun = true;
            }
            return (int) (acc >>> count) & ((1 << k) - 1);
        }
    }
}
