package org.nacrad.image.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Reads 3D scalar NRRD files (attached header, {@code raw} or {@code gzip} encoding) as ITK's NrrdImageIO does.
 *
 * <p>Geometry: each {@code space directions} vector is the physical step of one index axis; its length is the
 * spacing and its unit vector a column of the direction matrix. {@code space origin} is the centre of voxel 0.
 * A right-handed "RAS" space is converted to LPS by negating the first two physical coordinates.
 */
public final class NrrdReader {

    private NrrdReader() {
    }

    /** Reads a NRRD file. */
    public static Volume read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(raw, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        }
    }

    static Volume read(InputStream in, String name) throws IOException {
        String magic = readLine(in);
        if (magic == null || !magic.startsWith("NRRD000")) {
            throw new IOException(name + ": not a NRRD file (no NRRD magic line)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            if (line.startsWith("#") || line.contains(":=")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IOException(name + ": malformed NRRD header line '" + line + "'");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
        }
        int dimension = Integer.parseInt(require(fields, "dimension", name));
        if (dimension != 3) {
            throw new IOException(name + ": only 3D NRRD images are supported, this one has dimension " + dimension);
        }
        String[] sizeTokens = require(fields, "sizes", name).split("\\s+");
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[a] = Integer.parseInt(sizeTokens[a]);
        }
        PixelType type = pixelType(require(fields, "type", name), name);
        String encoding = require(fields, "encoding", name).toLowerCase(Locale.ROOT);
        ByteOrder order = "big".equalsIgnoreCase(fields.getOrDefault("endian", "little"))
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;

        double[] spacing = {1, 1, 1};
        double[] direction = Geometry.identity();
        double[] origin = {0, 0, 0};
        String space = fields.getOrDefault("space", "left-posterior-superior").toLowerCase(Locale.ROOT);
        boolean ras = space.equals("ras") || space.equals("right-anterior-superior");
        if (fields.containsKey("space directions")) {
            double[][] vecs = parseVectors(fields.get("space directions"), 3, name);
            for (int c = 0; c < 3; c++) {
                double norm = Math.sqrt(vecs[c][0] * vecs[c][0] + vecs[c][1] * vecs[c][1] + vecs[c][2] * vecs[c][2]);
                spacing[c] = norm;
                for (int r = 0; r < 3; r++) {
                    direction[3 * r + c] = vecs[c][r] / norm;
                }
            }
        } else if (fields.containsKey("spacings")) {
            String[] t = fields.get("spacings").split("\\s+");
            for (int a = 0; a < 3; a++) {
                spacing[a] = Double.parseDouble(t[a]);
            }
        }
        if (fields.containsKey("space origin")) {
            origin = parseVectors(fields.get("space origin"), 1, name)[0];
        }
        if (ras) {
            for (int c = 0; c < 3; c++) {
                direction[c] = -direction[c];
                direction[3 + c] = -direction[3 + c];
            }
            origin[0] = -origin[0];
            origin[1] = -origin[1];
        }
        Geometry geometry = new Geometry(size, spacing, origin, direction);

        long count = geometry.voxelCount();
        long bytes = count * type.bytes();
        InputStream data = switch (encoding) {
            case "raw" -> in;
            case "gzip", "gz" -> new GZIPInputStream(in, 1 << 16);
            default -> throw new IOException(name + ": NRRD encoding '" + encoding + "' is not supported (raw, gzip)");
        };
        byte[] buf;
        try {
            buf = data.readNBytes((int) bytes);
        } catch (EOFException e) {
            throw new IOException(name + ": compressed data is truncated", e);
        }
        if (buf.length < bytes) {
            throw new IOException(name + ": data is truncated: header says " + bytes + " bytes, file has " + buf.length);
        }
        return new Volume(geometry, type, decode(ByteBuffer.wrap(buf).order(order), type, (int) count));
    }

    static double[] decode(ByteBuffer bb, PixelType type, int count) {
        double[] out = new double[count];
        for (int n = 0; n < count; n++) {
            out[n] = switch (type) {
                case UINT8 -> bb.get() & 0xff;
                case INT8 -> bb.get();
                case UINT16 -> bb.getShort() & 0xffff;
                case INT16 -> bb.getShort();
                case UINT32 -> bb.getInt() & 0xffffffffL;
                case INT32 -> bb.getInt();
                case UINT64 -> {
                    long v = bb.getLong();
                    yield v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
                }
                case INT64 -> bb.getLong();
                case FLOAT32 -> bb.getFloat();
                case FLOAT64 -> bb.getDouble();
            };
        }
        return out;
    }

    static PixelType pixelType(String t, String name) throws IOException {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "signed char", "int8", "int8_t" -> PixelType.INT8;
            case "uchar", "unsigned char", "uint8", "uint8_t" -> PixelType.UINT8;
            case "short", "short int", "signed short", "signed short int", "int16", "int16_t" -> PixelType.INT16;
            case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> PixelType.UINT16;
            case "int", "signed int", "int32", "int32_t" -> PixelType.INT32;
            case "uint", "unsigned int", "uint32", "uint32_t" -> PixelType.UINT32;
            case "longlong", "long long", "long long int", "signed long long", "signed long long int", "int64",
                    "int64_t" -> PixelType.INT64;
            case "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t" -> PixelType.UINT64;
            case "float" -> PixelType.FLOAT32;
            case "double" -> PixelType.FLOAT64;
            default -> throw new IOException(name + ": NRRD type '" + t + "' is not supported");
        };
    }

    private static String require(Map<String, String> fields, String key, String name) throws IOException {
        String v = fields.get(key);
        if (v == null) {
            throw new IOException(name + ": NRRD header has no '" + key + "' field");
        }
        return v;
    }

    /** Parses "(a,b,c) (d,e,f) …" into vectors; "none" entries are rejected. */
    private static double[][] parseVectors(String s, int count, String name) throws IOException {
        double[][] out = new double[count][3];
        int pos = 0;
        for (int v = 0; v < count; v++) {
            int open = s.indexOf('(', pos);
            int close = s.indexOf(')', open + 1);
            if (open < 0 || close < 0) {
                throw new IOException(name + ": malformed NRRD vector list '" + s + "'");
            }
            String[] t = s.substring(open + 1, close).split(",");
            if (t.length != 3) {
                throw new IOException(name + ": NRRD vector '" + s.substring(open, close + 1) + "' must have 3 components");
            }
            for (int c = 0; c < 3; c++) {
                out[v][c] = Double.parseDouble(t[c].trim());
            }
            pos = close + 1;
        }
        return out;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
