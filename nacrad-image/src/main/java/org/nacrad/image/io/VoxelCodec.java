package org.nacrad.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;
import org.nacrad.image.PixelType;

/** Reading, decoding and encoding of raw voxel buffers shared by the NRRD and NIfTI readers and writers. */
final class VoxelCodec {

    private VoxelCodec() {
    }

    /**
     * Reads and decodes exactly {@code count} values of {@code type} from {@code in}, about 1 MB at a time, so the
     * raw bytes are never held whole beside the decoded array (a 512 × 512 × 160 int16 image then needs its 335 MB
     * of doubles and one small buffer, not 84 MB of bytes and their copy besides). The array is checked against the
     * heap before it is allocated ({@link ImageLimits}). A stream that ends early gives an
     * {@link ImageFormatException} naming the file (a compressed stream's own errors come from
     * {@link CompressedInput}).
     */
    static double[] read(InputStream in, long count, PixelType type, ByteOrder order, String file, boolean compressed)
            throws IOException {
        int per = type.bytes();
        long bytes = count * per;
        double[] out = ImageLimits.allocateDoubles(file, "image of " + count + " voxels", count);
        int chunkValues = Math.max(1, (1 << 20) / per);
        byte[] buf = new byte[(int) Math.min(bytes, (long) chunkValues * per)];
        int done = 0;
        while (done < count) {
            int values = (int) Math.min(chunkValues, count - done);
            int want = values * per;
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw new ImageFormatException(file, (compressed ? "compressed data is truncated: " : "data is truncated: ")
                        + "header says " + count + " voxels of " + per + " bytes (" + bytes + " bytes), the file holds "
                        + ((long) done * per + got));
            }
            decodeInto(buf, order, type, out, done, values);
            done += values;
        }
        return out;
    }

    /** Decodes {@code count} values from the start of {@code buf} into {@code out} from {@code offset}. */
    private static void decodeInto(byte[] buf, ByteOrder order, PixelType type, double[] out, int offset, int count) {
        ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
        int end = offset + count;
        switch (type) {
            case UINT8 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = buf[n - offset] & 0xff;
                }
            }
            case INT8 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = buf[n - offset];
                }
            }
            case UINT16 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getShort() & 0xffff;
                }
            }
            case INT16 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getShort();
                }
            }
            case UINT32 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getInt() & 0xffffffffL;
                }
            }
            case INT32 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getInt();
                }
            }
            case UINT64 -> {
                for (int n = offset; n < end; n++) {
                    long v = bb.getLong();
                    out[n] = v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
                }
            }
            case INT64 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getLong();
                }
            }
            case FLOAT32 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getFloat();
                }
            }
            case FLOAT64 -> {
                for (int n = offset; n < end; n++) {
                    out[n] = bb.getDouble();
                }
            }
        }
    }

    /**
     * Encodes values as {@code type} in byte order {@code order}. Values must already be representable in the
     * type (a Volume read from a file always is); a value that is not gives an IllegalArgumentException rather
     * than a silently wrapped number.
     */
    static void encode(double[] data, PixelType type, ByteOrder order, OutputStream out) throws IOException {
        int chunk = 1 << 14;
        ByteBuffer bb = ByteBuffer.allocate(chunk * type.bytes()).order(order);
        for (int start = 0; start < data.length; start += chunk) {
            bb.clear();
            int end = Math.min(data.length, start + chunk);
            for (int n = start; n < end; n++) {
                double v = data[n];
                if (type.isInteger() && (v != Math.rint(v) || v < type.min() || v > type.max())) {
                    throw new IllegalArgumentException("voxel " + n + " = " + v + " cannot be stored as " + type);
                }
                switch (type) {
                    case UINT8, INT8 -> bb.put((byte) (long) v);
                    case UINT16, INT16 -> bb.putShort((short) (long) v);
                    case UINT32, INT32 -> bb.putInt((int) (long) v);
                    case INT64 -> bb.putLong((long) v);
                    case UINT64 -> bb.putLong(v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v);
                    case FLOAT32 -> bb.putFloat((float) v);
                    case FLOAT64 -> bb.putDouble(v);
                }
            }
            out.write(bb.array(), 0, bb.position());
        }
    }
}
