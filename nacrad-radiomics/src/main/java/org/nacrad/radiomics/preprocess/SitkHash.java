package org.nacrad.radiomics.preprocess;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.nacrad.image.PixelType;

/**
 * SimpleITK's {@code sitk.Hash(image)}, which PyRadiomics' diagnostics show for the image and the mask: the SHA-1 of
 * the voxel buffer in the stored pixel type, little-endian, as lower-case hex. Here, beside {@link LabelMap}, because
 * the compact label map hashes its bytes without a {@code double} copy.
 */
public final class SitkHash {

    private SitkHash() {
    }

    /** The hash of a voxel buffer held as doubles, encoded in its stored pixel type. */
    public static String sha1(double[] data, PixelType type) {
        MessageDigest sha = newDigest();
        // encode in chunks of 8192 voxels (at most 64 KiB) rather than a copy of the whole buffer
        byte[] buf = new byte[HASH_CHUNK * type.bytes()];
        for (int start = 0; start < data.length; start += HASH_CHUNK) {
            int length = encodeLittleEndian(data, start, Math.min(data.length, start + HASH_CHUNK), type, buf);
            sha.update(buf, 0, length);
        }
        return hex(sha.digest());
    }

    private static final int HASH_CHUNK = 8192;

    /** {@link #sha1} of labels 0…255 (one unsigned byte each) written as UInt32, without a {@code double} copy. */
    public static String sha1UInt32(byte[] labels) {
        MessageDigest sha = newDigest();
        byte[] buf = new byte[HASH_CHUNK * 4];
        for (int start = 0; start < labels.length; start += HASH_CHUNK) {
            int end = Math.min(labels.length, start + HASH_CHUNK);
            int o = 0;
            for (int n = start; n < end; n++, o += 4) {
                INT_LE.set(buf, o, labels[n] & 0xff);
            }
            sha.update(buf, 0, o);
        }
        return hex(sha.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    private static String hex(byte[] digest) {
        StringBuilder sb = new StringBuilder(40);
        for (byte b : digest) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** Little-endian views of a byte array: one store per voxel (see {@link #encodeLittleEndian}). */
    private static final VarHandle SHORT_LE =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Writes {@code data[from..to)} into {@code out} in the stored type, little-endian, and returns the number of
     * bytes. Integer types are truncated through {@code long} as a cast of the stored value; floats keep their raw
     * bits. One loop per type (the type is not re-examined per voxel) with one store per voxel through a byte-array
     * view: a ByteBuffer, or four byte stores, made this encoding take longer than the SHA-1 itself (brain1's
     * UInt32 mask: 3.7 ms to encode against 0.9 ms now and 3.5 ms for the digest).
     */
    private static int encodeLittleEndian(double[] data, int from, int to, PixelType type, byte[] out) {
        int o = 0;
        switch (type) {
            case UINT8, INT8 -> {
                for (int n = from; n < to; n++) {
                    out[o++] = (byte) (long) data[n];
                }
            }
            case UINT16, INT16 -> {
                for (int n = from; n < to; n++, o += 2) {
                    SHORT_LE.set(out, o, (short) (long) data[n]);
                }
            }
            case UINT32, INT32 -> {
                for (int n = from; n < to; n++, o += 4) {
                    INT_LE.set(out, o, (int) (long) data[n]);
                }
            }
            case FLOAT32 -> {
                for (int n = from; n < to; n++, o += 4) {
                    INT_LE.set(out, o, Float.floatToRawIntBits((float) data[n]));
                }
            }
            case UINT64, INT64 -> {
                for (int n = from; n < to; n++, o += 8) {
                    LONG_LE.set(out, o, (long) data[n]);
                }
            }
            case FLOAT64 -> {
                for (int n = from; n < to; n++, o += 8) {
                    LONG_LE.set(out, o, Double.doubleToRawLongBits(data[n]));
                }
            }
            default -> throw new AssertionError(type);
        }
        return o;
    }
}
