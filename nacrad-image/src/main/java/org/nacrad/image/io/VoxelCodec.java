package org.nacrad.image.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipException;

import org.nacrad.image.ImageFormatException;
import org.nacrad.image.PixelType;

/** Reading, decoding and encoding of raw voxel buffers shared by the NRRD and NIfTI readers and writers. */
final class VoxelCodec {

    private VoxelCodec() {
    }

    /**
     * Reads exactly {@code count} values of {@code type} from {@code in}. A stream that ends early or a gzip
     * stream that is cut off or corrupt gives an {@link ImageFormatException} naming the file.
     */
    static byte[] readBytes(InputStream in, long count, PixelType type, String file, boolean compressed)
            throws IOException {
        long bytes = count * type.bytes();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new ImageFormatException(file, "image of " + count + " voxels (" + bytes
                    + " bytes) is larger than the 2 GB nacrad can hold in one array");
        }
        byte[] buf;
        try {
            buf = in.readNBytes((int) bytes);
        } catch (EOFException | ZipException e) {
            throw new ImageFormatException(file, "compressed data is truncated or corrupt (" + e.getMessage() + ")", e);
        }
        if (buf.length < bytes) {
            throw new ImageFormatException(file, (compressed ? "compressed data is truncated: " : "data is truncated: ")
                    + "header says " + count + " voxels of " + type.bytes() + " bytes (" + bytes
                    + " bytes), the file holds " + buf.length);
        }
        return buf;
    }

    /** Decodes {@code count} values of {@code type} in byte order {@code order}. */
    static double[] decode(byte[] buf, ByteOrder order, PixelType type, int count) {
        ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
        double[] out = new double[count];
        switch (type) {
            case UINT8 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = buf[n] & 0xff;
                }
            }
            case INT8 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = buf[n];
                }
            }
            case UINT16 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getShort() & 0xffff;
                }
            }
            case INT16 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getShort();
                }
            }
            case UINT32 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getInt() & 0xffffffffL;
                }
            }
            case INT32 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getInt();
                }
            }
            case UINT64 -> {
                for (int n = 0; n < count; n++) {
                    long v = bb.getLong();
                    out[n] = v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
                }
            }
            case INT64 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getLong();
                }
            }
            case FLOAT32 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getFloat();
                }
            }
            case FLOAT64 -> {
                for (int n = 0; n < count; n++) {
                    out[n] = bb.getDouble();
                }
            }
        }
        return out;
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
