package org.nacrad.image.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;

/**
 * Reads a DICOM Part 10 file (PS3.10 §7: 128-byte preamble, {@code DICM}, explicit-VR little-endian file meta
 * group) into a {@link DicomObject}.
 *
 * <p>Written by hand because no maintained DICOM toolkit is served from Maven Central (dcm4che and PixelMed are
 * published only from their own repositories; see {@code docs/dicom.md}). It covers the transfer syntaxes of
 * PS3.5 §A.1–A.5 that need no image codec: implicit VR little endian, explicit VR little endian, deflated
 * explicit VR little endian, and the encapsulated syntaxes (whose fragments are kept, undecoded). Explicit VR
 * big endian (retired) is refused. Sequences of defined and undefined length are parsed into items; in
 * implicit-VR files an element whose value opens with an item tag is taken as a sequence, as the absence of a
 * VR forces every dictionary-less reader to do.
 */
public final class DicomParser {

    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int UNDEFINED = -1;

    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    /** VRs of the binary elements nacrad reads, for implicit-VR files (PS3.6 data dictionary). */
    private static final Map<Integer, String> IMPLICIT_VRS = new HashMap<>();

    static {
        for (int e : new int[] {0x0002, 0x0010, 0x0011, 0x0100, 0x0101, 0x0102, 0x0103}) {
            IMPLICIT_VRS.put(DicomObject.tag(0x0028, e), "US");
        }
        IMPLICIT_VRS.put(DicomObject.tag(0x0062, 0x0004), "US");
        IMPLICIT_VRS.put(DicomObject.tag(0x0062, 0x000B), "US");
        IMPLICIT_VRS.put(DicomObject.tag(0x0062, 0x000E), "US");
        IMPLICIT_VRS.put(DicomObject.tag(0x0020, 0x9128), "UL");
        IMPLICIT_VRS.put(DicomObject.tag(0x0018, 0x9087), "FD");
        IMPLICIT_VRS.put(DicomObject.tag(0x2001, 0x1003), "FL");
        IMPLICIT_VRS.put(PIXEL_DATA, "OW");
    }

    /** A parsed file: its transfer syntax and data set (meta group included). */
    public record Parsed(Path file, String transferSyntax, DicomObject dataset) {
    }

    /** Deepest nesting of sequences read (real data sets nest a few levels; this bounds the recursion). */
    private static final int MAX_DEPTH = 64;

    private final Path file;
    private final ByteBuffer buf;
    private final boolean explicit;
    private final int depth;

    private DicomParser(Path file, ByteBuffer buf, boolean explicit) {
        this(file, buf, explicit, 0);
    }

    private DicomParser(Path file, ByteBuffer buf, boolean explicit, int depth) {
        this.file = file;
        this.buf = buf;
        this.explicit = explicit;
        this.depth = depth;
    }

    /** Whether a file starts with a DICOM Part 10 preamble ({@code DICM} at byte 128). */
    public static boolean isDicom(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses a whole file. @throws ImageFormatException naming the file when it is not readable DICOM */
    public static Parsed parse(Path file) throws IOException {
        byte[] bytes;
        try {
            ImageLimits.require(file.toString(), "DICOM file of " + Files.size(file) + " bytes", Files.size(file), 1);
            try {
                bytes = Files.readAllBytes(file);
            } catch (OutOfMemoryError e) {
                throw new ImageFormatException(file, "DICOM file of " + (Files.size(file) >> 20) + " MB does not fit in "
                        + "the memory left to nacrad: raise the Java heap (e.g. NACRAD_JAVA_OPTS=-Xmx8g)");
            }
        } catch (ImageFormatException e) {
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImageFormatException(file, "file not found", e);
        } catch (IOException e) {
            throw new ImageFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length < 132 || bytes[128] != 'D' || bytes[129] != 'I' || bytes[130] != 'C' || bytes[131] != 'M') {
            throw new ImageFormatException(file, "not a DICOM file (no DICM marker after the 128-byte preamble)");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            b.position(132);
            // File meta group: always explicit VR little endian.
            Map<Integer, DicomObject.Element> all = new LinkedHashMap<>();
            DicomParser meta = new DicomParser(file, b, true);
            while (b.remaining() >= 4 && (b.getShort(b.position()) & 0xFFFF) == 0x0002) {
                meta.readElement(all);
            }
            String ts = new DicomObject(all, file.toString()).string(DicomObject.tag(0x0002, 0x0010));
            if (ts == null) {
                throw new ImageFormatException(file, "DICOM file meta has no transfer syntax (0002,0010)");
            }
            ByteBuffer body = b.slice().order(ByteOrder.LITTLE_ENDIAN);
            boolean explicitVr;
            switch (ts) {
                case IMPLICIT_LE -> explicitVr = false;
                case EXPLICIT_LE -> explicitVr = true;
                case DEFLATED_LE -> {
                    body = ByteBuffer.wrap(inflate(file, body)).order(ByteOrder.LITTLE_ENDIAN);
                    explicitVr = true;
                }
                case EXPLICIT_BE -> throw new ImageFormatException(file,
                        "explicit VR big endian (retired transfer syntax " + ts + ") is not supported");
                default -> explicitVr = true; // encapsulated syntaxes: explicit VR little endian data set
            }
            DicomParser p = new DicomParser(file, body, explicitVr);
            all.putAll(p.readDataset(body.limit()));
            return new Parsed(file, ts, new DicomObject(all, file.toString()));
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ImageFormatException(file, "truncated or malformed DICOM data set", e);
        }
    }

    /**
     * Inflates a deflated data set (PS3.5 §A.5: raw deflate, RFC 1951, without a checksum: a truncated stream is
     * the only damage that can be told). The output is bounded by {@link ImageLimits} as it grows, so a small file
     * that inflates to gigabytes is refused, not held.
     */
    private static byte[] inflate(Path file, ByteBuffer in) throws IOException {
        byte[] src = new byte[in.remaining()];
        in.get(src);
        Inflater inf = new Inflater(true);
        inf.setInput(src);
        long limit = Math.min(ImageLimits.maxBytes(), ImageLimits.MAX_ARRAY_LENGTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, Math.max(1024L, src.length * 4L)));
        byte[] chunk = new byte[65536];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ImageFormatException(file, "deflated data set is truncated (the deflate stream ends "
                            + "early)");
                }
                if ((long) out.size() + n > limit) {
                    throw new ImageFormatException(file, "deflated data set inflates to more than " + ((limit + (1 << 20) - 1) >> 20)
                            + " MB, more than the memory available to nacrad: raise the Java heap (e.g. "
                            + "NACRAD_JAVA_OPTS=-Xmx8g)");
                }
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new ImageFormatException(file, "deflated data set is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    /** Reads elements until {@code end} or an item delimiter. */
    private Map<Integer, DicomObject.Element> readDataset(int end) throws IOException {
        Map<Integer, DicomObject.Element> map = new LinkedHashMap<>();
        while (buf.position() < end) {
            int tag = peekTag();
            if (tag == ITEM_END) {
                buf.position(buf.position() + 8);
                break;
            }
            readElement(map);
        }
        return map;
    }

    private int peekTag() {
        int p = buf.position();
        return (buf.getShort(p) & 0xFFFF) << 16 | (buf.getShort(p + 2) & 0xFFFF);
    }

    private void readElement(Map<Integer, DicomObject.Element> map) throws IOException {
        int tag = (buf.getShort() & 0xFFFF) << 16 | (buf.getShort() & 0xFFFF);
        String vr;
        int length;
        if (explicit) {
            vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr)) {
                buf.getShort();
                length = buf.getInt();
            } else {
                length = buf.getShort() & 0xFFFF;
            }
        } else {
            vr = IMPLICIT_VRS.getOrDefault(tag, "UN");
            length = buf.getInt();
        }
        if (length == UNDEFINED) {
            if (tag == PIXEL_DATA) {
                map.put(tag, new DicomObject.Element(vr, null, null, readFragments()));
            } else if (explicit && "UN".equals(vr)) {
                // PS3.5 §6.2.2: a UN element of undefined length is a sequence encoded in implicit VR.
                DicomParser implicit = new DicomParser(file, buf, false, depth);
                map.put(tag, new DicomObject.Element("SQ", null, implicit.readItems(Integer.MAX_VALUE), null));
            } else {
                map.put(tag, new DicomObject.Element("SQ", null, readItems(Integer.MAX_VALUE), null));
            }
            return;
        }
        if (length < 0 || length > buf.remaining()) {
            throw new ImageFormatException(file, "element " + DicomObject.format(tag) + " claims " + (length & 0xFFFFFFFFL)
                    + " bytes but only " + buf.remaining() + " remain (truncated file?)");
        }
        boolean sequence = "SQ".equals(vr)
                || !explicit && tag != PIXEL_DATA && length >= 8 && peekTag() == ITEM;
        if (sequence) {
            int end = buf.position() + length;
            map.put(tag, new DicomObject.Element("SQ", null, readItems(end), null));
            buf.position(end);
            return;
        }
        byte[] value = new byte[length];
        buf.get(value);
        map.put(tag, new DicomObject.Element(vr, value, null, null));
    }

    /** Sequence items until {@code end} (defined length) or a sequence delimiter. */
    private List<DicomObject> readItems(int end) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new ImageFormatException(file, "sequences nested more than " + MAX_DEPTH + " deep (malformed data set)");
        }
        DicomParser nested = new DicomParser(file, buf, explicit, depth + 1);
        return nested.readItemsHere(end);
    }

    private List<DicomObject> readItemsHere(int end) throws IOException {
        List<DicomObject> items = new ArrayList<>();
        while (buf.position() < end && buf.remaining() >= 8) {
            int tag = (buf.getShort() & 0xFFFF) << 16 | (buf.getShort() & 0xFFFF);
            int length = buf.getInt();
            if (tag == SEQUENCE_END) {
                break;
            }
            if (tag != ITEM) {
                throw new ImageFormatException(file, "expected a sequence item, found " + DicomObject.format(tag));
            }
            int itemEnd = length == UNDEFINED ? Integer.MAX_VALUE : buf.position() + length;
            items.add(new DicomObject(readDataset(Math.min(itemEnd, buf.limit())), file.toString()));
            if (length != UNDEFINED) {
                buf.position(itemEnd);
            }
        }
        return items;
    }

    private List<byte[]> readFragments() throws IOException {
        List<byte[]> fragments = new ArrayList<>();
        while (buf.remaining() >= 8) {
            int tag = (buf.getShort() & 0xFFFF) << 16 | (buf.getShort() & 0xFFFF);
            int length = buf.getInt();
            if (tag == SEQUENCE_END) {
                return fragments;
            }
            if (tag != ITEM || length < 0 || length > buf.remaining()) {
                throw new ImageFormatException(file, "malformed encapsulated pixel data");
            }
            byte[] f = new byte[length];
            buf.get(f);
            fragments.add(f);
        }
        throw new ImageFormatException(file, "encapsulated pixel data without sequence delimiter (truncated file?)");
    }
}
