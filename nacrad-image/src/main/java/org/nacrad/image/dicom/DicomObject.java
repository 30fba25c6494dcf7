package org.nacrad.image.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.nacrad.image.ImageFormatException;

/**
 * One parsed DICOM data set: its elements by tag ({@code group << 16 | element}), values kept as the raw
 * little-endian bytes of the file and decoded on request. Sequences are parsed into nested objects.
 *
 * <p>Value decoding follows PS3.5 §6.2: text values are trimmed of padding spaces and NULs, multiple values
 * are separated by {@code \}; DS and IS are decimal strings, US/SS/UL/SL/FL/FD binary. Because implicit-VR files
 * carry no VR, the caller picks the accessor that fits the tag ({@link #string}, {@link #doubles},
 * {@link #uint16}, ...), as a data dictionary would.
 *
 * <p>Immutable once parsed.
 */
public final class DicomObject {

    /** One element: its VR ("UN" when implicit and unknown), raw value, or items when a sequence. */
    record Element(String vr, byte[] value, List<DicomObject> items, List<byte[]> fragments) {
    }

    /**
     * A value that cannot be decoded as its accessor asks (a DS or IS that is not a number): unchecked, because
     * accessors are called everywhere; the readers' public methods turn it into an {@link ImageFormatException}
     * naming the file ({@link #toImageFormatException}).
     */
    public static final class BadValueException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String file;

        BadValueException(String file, String problem) {
            super(problem);
            this.file = file;
        }

        /** The problem as an image error naming the file. */
        public ImageFormatException toImageFormatException() {
            return new ImageFormatException(file, getMessage(), this);
        }
    }

    private final Map<Integer, Element> elements;
    private final String file;

    DicomObject(Map<Integer, Element> elements, String file) {
        this.elements = Collections.unmodifiableMap(elements);
        this.file = file;
    }

    /** The file this data set was read from (for messages). */
    String file() {
        return file;
    }

    private double parse(int tag, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadValueException(file, "element " + format(tag) + " holds " + ImageFormatException.quote(text)
                    + ", not a number");
        }
    }

    /** The tag as an int, e.g. {@code tag(0x0020, 0x0032)} for ImagePositionPatient. */
    public static int tag(int group, int element) {
        return group << 16 | element;
    }

    /** Tag in the usual (gggg,eeee) notation. */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** The text value (all values joined by backslash), trimmed; null when absent or empty. */
    public String string(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value == null) {
            return null;
        }
        String s = new String(e.value, StandardCharsets.ISO_8859_1);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return start == end ? null : s.substring(start, end);
    }

    /** The values of a multi-valued text element, each trimmed; empty when absent. */
    public String[] strings(int tag) {
        String s = string(tag);
        if (s == null) {
            return new String[0];
        }
        String[] parts = s.split("\\\\", -1);
        for (int n = 0; n < parts.length; n++) {
            parts[n] = parts[n].trim();
        }
        return parts;
    }

    /** Decimal string values (DS or IS); null when absent. @throws BadValueException on a malformed value */
    public double[] doubles(int tag) {
        Element e = elements.get(tag);
        if (e != null && e.value != null && ("FD".equals(e.vr) || "FL".equals(e.vr))) {
            return binaryFloats(e);
        }
        if (e == null || string(tag) == null) {
            return null;
        }
        String[] s = strings(tag);
        double[] v = new double[s.length];
        for (int n = 0; n < s.length; n++) {
            v[n] = parse(tag, s[n]);
        }
        return v;
    }

    /** The first decimal value, or {@code fallback} when absent. */
    public double decimal(int tag, double fallback) {
        double[] v = doubles(tag);
        return v == null || v.length == 0 ? fallback : v[0];
    }

    /** An unsigned 16-bit binary value (US), or {@code fallback} when absent. */
    public int uint16(int tag, int fallback) {
        Element e = elements.get(tag);
        if (e == null || e.value == null || e.value.length < 2) {
            return fallback;
        }
        return (e.value[0] & 0xFF) | (e.value[1] & 0xFF) << 8;
    }

    /** An IS value or a binary integer (US/UL/SS/SL by length), or {@code fallback} when absent. */
    public long integer(int tag, long fallback) {
        Element e = elements.get(tag);
        if (e == null || e.value == null || e.value.length == 0) {
            return fallback;
        }
        if ("IS".equals(e.vr) || "DS".equals(e.vr) || "UN".equals(e.vr) && isText(e.value)) {
            String s = string(tag);
            return s == null ? fallback : Math.round(parse(tag, strings(tag)[0]));
        }
        ByteBuffer b = ByteBuffer.wrap(e.value).order(ByteOrder.LITTLE_ENDIAN);
        return switch (e.vr) {
            case "SS" -> b.getShort();
            case "SL" -> b.getInt();
            case "UL" -> b.getInt() & 0xFFFFFFFFL;
            default -> e.value.length >= 4 ? b.getInt() & 0xFFFFFFFFL : b.getShort() & 0xFFFF;
        };
    }

    /** The items of a sequence; empty when absent. */
    public List<DicomObject> sequence(int tag) {
        Element e = elements.get(tag);
        return e == null || e.items == null ? List.of() : e.items;
    }

    /** The first item of a sequence, or null. */
    public DicomObject item(int tag) {
        List<DicomObject> s = sequence(tag);
        return s.isEmpty() ? null : s.get(0);
    }

    /** The raw value bytes (native pixel data, binary values); null when absent or encapsulated. */
    public byte[] bytes(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.value;
    }

    /** The fragments of encapsulated pixel data (the basic offset table first); null when native. */
    public List<byte[]> fragments(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.fragments;
    }

    private static boolean isText(byte[] v) {
        for (byte b : v) {
            if (b < 0x20 && b != 0 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static double[] binaryFloats(Element e) {
        ByteBuffer b = ByteBuffer.wrap(e.value).order(ByteOrder.LITTLE_ENDIAN);
        boolean dbl = "FD".equals(e.vr);
        double[] v = new double[e.value.length / (dbl ? 8 : 4)];
        for (int n = 0; n < v.length; n++) {
            v[n] = dbl ? b.getDouble() : b.getFloat();
        }
        return v;
    }
}
