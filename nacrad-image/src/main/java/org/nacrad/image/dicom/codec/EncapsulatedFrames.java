package org.nacrad.image.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the compressed bytes of one frame in encapsulated pixel data (DICOM PS3.5 §A.4): a sequence of fragments
 * whose first item is the Basic Offset Table. A frame may span several fragments; fragments never hold parts of
 * two frames. The frame boundaries are taken from, in this order:
 * <ol>
 * <li>the Extended Offset Table (7FE0,0001), 64-bit offsets, when present (its Basic Offset Table is empty);</li>
 * <li>the Basic Offset Table, 32-bit offsets;</li>
 * <li>for a single frame: all fragments;</li>
 * <li>one fragment per frame when there are as many fragments as frames;</li>
 * <li>otherwise a fragment that opens with a JPEG SOI marker (FFD8, also JPEG-LS) or a JPEG 2000 code stream or
 *     JP2 signature starts a frame (the rule pydicom and GDCM follow).</li>
 * </ol>
 * Offsets count bytes from the first byte of the item tag of the first fragment after the offset table, item
 * headers (8 bytes each) included.
 */
public final class EncapsulatedFrames {

    private EncapsulatedFrames() {
    }

    /**
     * The bytes of frame {@code index} (0-based).
     *
     * @param fragments       the items of the pixel data sequence, the Basic Offset Table first
     * @param extendedOffsets the value of (7FE0,0001) as little-endian bytes, or null
     * @param frames          NumberOfFrames
     */
    public static byte[] frame(List<byte[]> fragments, byte[] extendedOffsets, int frames, int index)
            throws CodecException {
        if (fragments.size() < 2) {
            throw new CodecException("encapsulated pixel data without fragments");
        }
        int count = fragments.size() - 1;
        long[] starts = new long[count];
        long p = 0;
        for (int k = 0; k < count; k++) {
            starts[k] = p;
            p += 8 + fragments.get(k + 1).length;
        }
        long[] offsets = null;
        if (extendedOffsets != null && extendedOffsets.length > 0) {
            offsets = read(extendedOffsets, 8, "Extended Offset Table");
        } else if (fragments.get(0).length > 0) {
            offsets = read(fragments.get(0), 4, "Basic Offset Table");
        }
        List<Integer> first = new ArrayList<>(); // first fragment of each frame
        if (offsets != null) {
            if (offsets.length != frames) {
                throw new CodecException("offset table lists " + offsets.length + " frames, NumberOfFrames is "
                        + frames);
            }
            for (long off : offsets) {
                int k = java.util.Arrays.binarySearch(starts, off);
                if (k < 0) {
                    throw new CodecException("offset table entry " + off + " does not point at a fragment");
                }
                first.add(k);
            }
        } else if (frames == 1) {
            first.add(0);
        } else if (count == frames) {
            for (int k = 0; k < count; k++) {
                first.add(k);
            }
        } else {
            for (int k = 0; k < count; k++) {
                if (startsCodeStream(fragments.get(k + 1))) {
                    first.add(k);
                }
            }
            if (first.size() != frames || first.get(0) != 0) {
                throw new CodecException(count + " fragments without offset table, and " + first.size()
                        + " of them open a code stream, for " + frames + " frames");
            }
        }
        if (index >= first.size()) {
            throw new CodecException("frame " + (index + 1) + " not found among " + count + " fragments");
        }
        int from = first.get(index), to = index + 1 < first.size() ? first.get(index + 1) : count;
        if (to <= from) {
            throw new CodecException("offset table is not increasing at frame " + (index + 1));
        }
        if (to - from == 1) {
            return fragments.get(from + 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = from; k < to; k++) {
            out.writeBytes(fragments.get(k + 1));
        }
        return out.toByteArray();
    }

    private static long[] read(byte[] table, int width, String name) throws CodecException {
        if (table.length % width != 0) {
            throw new CodecException(name + " of " + table.length + " bytes is not a multiple of " + width);
        }
        ByteBuffer b = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[table.length / width];
        for (int k = 0; k < v.length; k++) {
            v[k] = width == 8 ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
        }
        return v;
    }

    private static boolean startsCodeStream(byte[] f) {
        if (f.length < 4) {
            return false;
        }
        int b0 = f[0] & 0xFF, b1 = f[1] & 0xFF;
        return b0 == 0xFF && (b1 == 0xD8 || b1 == 0x4F)
                || b0 == 0 && b1 == 0 && f[2] == 0 && f[3] == 0x0C; // JP2 signature box
    }
}
