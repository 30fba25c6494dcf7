package org.nacrad.image.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.nacrad.image.ImageFormatException;

/**
 * The decompressed content of a gzip or bzip2 file (NIfTI {@code .nii.gz}, NRRD gzip/bzip2 encodings), read with
 * its integrity checks: every reader of compressed data goes through here.
 *
 * <p>Why this exists: a gzip member ends with a trailer holding the CRC-32 and the length of the uncompressed data,
 * and {@link GZIPInputStream} checks it only when it is asked for a byte past the end of the data. An image reader
 * stops at the last voxel it needs, so the trailer was never read: a file with bytes flipped inside the deflate
 * stream (which often still inflates, to wrong values) was read without complaint. bzip2 is the same with its
 * block and stream CRCs: a block's CRC is checked when the block ends. {@link #requireEnd} therefore asks for one
 * byte more after the data: the decompressor then reads and checks the trailer (gzip) or the last block and
 * stream CRCs (bzip2), and a byte that does come back means the stream holds more than the header declares, which
 * is refused too — without inflating the rest, so a small file that expands to gigabytes past its declared data
 * costs nothing.
 *
 * <p>Every failure of the decompressor (a corrupt deflate or bzip2 block, a CRC or length mismatch, a stream that
 * ends early) becomes an {@link ImageFormatException} naming the file; the decompressor's own words are kept in
 * brackets (they never quote the file's content).
 */
final class CompressedInput extends FilterInputStream {

    private final String file;
    private final String format;

    private CompressedInput(InputStream decompressor, String file, String format) {
        super(decompressor);
        this.file = file;
        this.format = format;
    }

    /** The content of a gzip stream (one or more members) read from {@code raw}. */
    static CompressedInput gzip(InputStream raw, String file) throws ImageFormatException {
        try {
            return new CompressedInput(new GZIPInputStream(raw, 1 << 16), file, "gzip");
        } catch (IOException e) {
            throw new ImageFormatException(file, "not a valid gzip stream (" + reason(e) + ")", e);
        }
    }

    /** The content of a bzip2 stream read from {@code raw}. */
    static CompressedInput bzip2(InputStream raw, String file) throws ImageFormatException {
        try {
            return new CompressedInput(new BZip2CompressorInputStream(raw), file, "bzip2");
        } catch (IOException e) {
            throw new ImageFormatException(file, "not a valid bzip2 stream (" + reason(e) + ")", e);
        }
    }

    /**
     * After the last byte the reader needs: checks that the compressed stream ends there and that its checksums
     * hold. Does nothing for a stream that is not a {@code CompressedInput} (uncompressed data carry no check).
     *
     * @throws ImageFormatException when the checksum or length does not match, or more data follow
     */
    static void requireEnd(InputStream in) throws IOException {
        if (in instanceof CompressedInput c) {
            c.requireEnd();
        }
    }

    private void requireEnd() throws IOException {
        int next = read();
        if (next >= 0) {
            throw new ImageFormatException(file, "compressed data holds more bytes than the header declares (the "
                    + format + " stream goes on past the image data: a corrupt file, or a header that does not "
                    + "belong to these data)");
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private IOException translate(IOException e) {
        if (e instanceof ImageFormatException) {
            return e;
        }
        if (e instanceof EOFException) {
            return new ImageFormatException(file, "compressed data is truncated (the " + format
                    + " stream ends early: " + reason(e) + ")", e);
        }
        String r = reason(e);
        if (e instanceof ZipException && r.contains("trailer")) {
            return new ImageFormatException(file, "compressed data fails the gzip integrity check (CRC-32 or length "
                    + "in the trailer does not match the data): the file is corrupt", e);
        }
        if (r.toLowerCase(java.util.Locale.ROOT).contains("crc")) {
            return new ImageFormatException(file, "compressed data fails the " + format + " integrity check ("
                    + r + "): the file is corrupt", e);
        }
        return new ImageFormatException(file, "compressed data is corrupt (" + format + ": " + r + ")", e);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
