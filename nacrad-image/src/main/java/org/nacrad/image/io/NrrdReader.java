package org.nacrad.image.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Reads 3D scalar NRRD images ({@code .nrrd} with attached header, or {@code .nhdr} with a detached
 * {@code data file}) as ITK's {@code NrrdImageIO} does, keeping the stored scalar type.
 *
 * <h2>Geometry conventions</h2>
 * <ul>
 * <li>Each {@code space directions} vector is the physical step of one index axis: its length is the spacing
 *     and its unit vector the matching <em>column</em> of the direction matrix. {@code space origin} is the
 *     centre of voxel (0, 0, 0).</li>
 * <li>ITK works in LPS. A {@code space} of {@code right-anterior-superior} (RAS) negates the first two physical
 *     coordinates of the directions and origin; {@code left-anterior-superior} (LAS) negates the second (as
 *     current ITK does; ITK 5.2 and earlier negated the first, a bug: see {@code ItkReadTest});
 *     {@code left-posterior-superior} (LPS) is taken as is, and so are {@code scanner-xyz} and
 *     {@code 3D-right-handed}, which name no patient frame (ITK does the same).</li>
 * <li>Without {@code space directions}, {@code spacings} gives the spacing (default 1) and the direction is the
 *     identity; without {@code space origin} the origin is 0.</li>
 * </ul>
 *
 * <h2>Encodings</h2>
 * {@code raw}, {@code gzip}, {@code bzip2} and {@code ascii}; {@code endian} little or big; {@code line skip}
 * and {@code byte skip} (−1 for raw data means "the last bytes of the file"). Vector, 4D and detached multi-file
 * images are rejected with a message naming the file.
 */
public final class NrrdReader {

    /**
     * System property: when {@code true}, a detached header may name a data file outside its own folder (by a
     * relative path with {@code ..}, an absolute path or a symbolic link). Off by default.
     */
    public static final String ALLOW_OUTSIDE = "nacrad.nrrd.allowDataOutsideHeaderFolder";

    private NrrdReader() {
    }

    /** Reads a NRRD file ({@code .nrrd} or {@code .nhdr}). */
    public static Volume read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(file, "file not found", e);
        }
    }

    private static Volume read(InputStream in, Path path) throws IOException {
        String name = path.toString();
        byte[] head = in.readNBytes(7);
        if (!new String(head, StandardCharsets.ISO_8859_1).equals("NRRD000")) {
            throw new ImageFormatException(name, "not a NRRD file (it does not start with the NRRD000x magic)");
        }
        readLine(in, name);
        Map<String, String> fields = new LinkedHashMap<>();
        String line;
        int number = 1;
        long headerBytes = 0;
        while ((line = readLine(in, name)) != null && !line.isEmpty()) {
            number++;
            headerBytes += line.length() + 1;
            if (headerBytes > MAX_HEADER) {
                throw new ImageFormatException(name, "NRRD header longer than " + MAX_HEADER + " bytes");
            }
            if (line.startsWith("#") || line.contains(":=")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new ImageFormatException(name, "malformed NRRD header line " + number
                        + " (not 'field: value', nor a comment)");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
        }
        int dimension = parseInt(require(fields, "dimension", name), "dimension", name);
        if (dimension != 3) {
            throw new ImageFormatException(name, "only 3D scalar NRRD images are supported, this one has dimension "
                    + dimension);
        }
        String[] sizeTokens = require(fields, "sizes", name).split("\\s+");
        if (sizeTokens.length != 3) {
            throw new ImageFormatException(name, "inconsistent NRRD header: dimension 3 but " + sizeTokens.length
                    + " sizes");
        }
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[a] = parseInt(sizeTokens[a], "sizes", name);
            if (size[a] < 1) {
                throw new ImageFormatException(name, "inconsistent NRRD header: size " + size[a] + " on axis " + a);
            }
        }
        ImageLimits.require(name, "image of " + size[0] + "×" + size[1] + "×" + size[2] + " voxels",
                ImageLimits.product(size[0], size[1], size[2]), Double.BYTES);
        PixelType type = pixelType(require(fields, "type", name), name);
        String encoding = require(fields, "encoding", name).toLowerCase(Locale.ROOT);
        String endian = fields.getOrDefault("endian", "little").toLowerCase(Locale.ROOT);
        if (!endian.equals("little") && !endian.equals("big")) {
            throw new ImageFormatException(name, "NRRD endian " + ImageFormatException.quote(endian)
                    + " is neither little nor big");
        }
        ByteOrder order = endian.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Geometry geometry = geometry(fields, size, name);

        InputStream source = in;
        String dataName = name;
        Path detached = null;
        String dataFile = fields.containsKey("data file") ? fields.get("data file") : fields.get("datafile");
        if (dataFile != null) {
            detached = detachedDataFile(path, dataFile);
            dataName = detached.toString();
            try {
                source = new BufferedInputStream(Files.newInputStream(detached), 1 << 16);
            } catch (NoSuchFileException e) {
                throw new ImageFormatException(name, "detached data file " + detached + " not found", e);
            }
        }
        try {
            return new Volume(geometry, type, readData(source, fields, encoding, order, type, geometry.voxelCount(),
                    dataName, detached));
        } finally {
            if (detached != null) {
                source.close();
            }
        }
    }

    /**
     * The detached data file a header names, which must lie in the header's folder or below it once symbolic links
     * are resolved (so a header cannot read {@code ../../etc/passwd}, or a link to it, as voxels), unless the system
     * property {@value #ALLOW_OUTSIDE} is {@code true}. Split data ({@code LIST}, {@code %d} patterns, several
     * files) are not supported.
     */
    private static Path detachedDataFile(Path header, String dataFile) throws IOException {
        String name = header.toString();
        if (dataFile.startsWith("LIST") || dataFile.contains("%") || dataFile.split("\\s+").length > 1) {
            throw new ImageFormatException(name, "NRRD data split over several files (data file "
                    + ImageFormatException.quote(dataFile) + ") is not supported");
        }
        Path folder = header.toAbsolutePath().getParent();
        Path data;
        try {
            data = folder == null ? Path.of(dataFile) : folder.resolve(dataFile);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ImageFormatException(name, "detached data file " + ImageFormatException.quote(dataFile)
                    + " is not a valid path", e);
        }
        if (Boolean.getBoolean(ALLOW_OUTSIDE)) {
            return data;
        }
        Path realFolder;
        Path realData;
        try {
            realFolder = folder == null ? Path.of("").toRealPath() : folder.toRealPath();
            realData = data.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(name, "detached data file " + data + " not found", e);
        }
        if (!realData.startsWith(realFolder)) {
            throw new ImageFormatException(name, "detached data file " + data + (realData.equals(data)
                    ? "" : " (" + realData + ")") + " lies outside the header's folder " + realFolder
                    + ": move the data beside the header, or allow it with -D" + ALLOW_OUTSIDE + "=true");
        }
        if (!Files.isRegularFile(realData)) {
            throw new ImageFormatException(name, "detached data file " + data + " is not a regular file");
        }
        return realData;
    }

    private static double[] readData(InputStream in, Map<String, String> fields, String encoding, ByteOrder order,
            PixelType type, long count, String name, Path detached) throws IOException {
        int lineSkip = parseInt(fields.getOrDefault("line skip", fields.getOrDefault("lineskip", "0")), "line skip",
                name);
        if (lineSkip < 0) {
            throw new ImageFormatException(name, "NRRD line skip " + lineSkip + " is negative");
        }
        for (int l = 0; l < lineSkip; l++) {
            if (!skipLine(in)) {
                throw new ImageFormatException(name, "data is truncated: file ends within the " + lineSkip
                        + " skipped lines");
            }
        }
        long byteSkip = parseLong(fields.getOrDefault("byte skip", fields.getOrDefault("byteskip", "0")), "byte skip",
                name);
        if (byteSkip < -1 || byteSkip > Integer.MAX_VALUE) {
            throw new ImageFormatException(name, "NRRD byte skip " + byteSkip + " is out of range (-1 to 2^31)");
        }
        if (byteSkip == -1) {
            if (!encoding.equals("raw") || detached == null) {
                throw new ImageFormatException(name, "byte skip -1 is only supported for raw detached data");
            }
            byteSkip = Files.size(detached) - count * type.bytes();
            if (byteSkip < 0) {
                throw new ImageFormatException(name, "data is truncated: header says " + count * type.bytes()
                        + " bytes, the file holds " + Files.size(detached));
            }
        }
        InputStream data = switch (encoding) {
            case "raw" -> in;
            case "gzip", "gz" -> CompressedInput.gzip(in, name);
            case "bzip2", "bz2" -> CompressedInput.bzip2(in, name);
            case "ascii", "text", "txt" -> null;
            default -> throw new ImageFormatException(name, "NRRD encoding " + ImageFormatException.quote(encoding)
                    + " is not supported (raw, gzip, bzip2, ascii)");
        };
        if (data == null) {
            return readAscii(in, count, name);
        }
        try {
            data.skipNBytes(byteSkip);
        } catch (EOFException e) {
            throw new ImageFormatException(name, "data is truncated: file ends within the byte skip", e);
        }
        double[] values = VoxelCodec.read(data, count, type, order, name, !encoding.equals("raw"));
        CompressedInput.requireEnd(data);
        return values;
    }

    /**
     * ASCII data: {@code count} numbers separated by white space or commas, read one at a time (the text is never
     * held whole). Values are never quoted in messages.
     */
    private static double[] readAscii(InputStream in, long count, String name) throws IOException {
        double[] out = ImageLimits.allocateDoubles(name, "image of " + count + " voxels", count);
        StringBuilder token = new StringBuilder(32);
        int c = in.read();
        for (int n = 0; n < count; n++) {
            while (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                c = in.read();
            }
            if (c < 0) {
                throw new ImageFormatException(name, "data is truncated: header says " + count
                        + " values, the file holds " + n);
            }
            token.setLength(0);
            while (c >= 0 && c != ' ' && c != ',' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                if (token.length() < 64) {
                    token.append((char) c);
                }
                c = in.read();
            }
            try {
                out[n] = Double.parseDouble(token.toString());
            } catch (NumberFormatException e) {
                throw new ImageFormatException(name, "ASCII value " + (n + 1) + " is not a number");
            }
        }
        return out;
    }

    private static Geometry geometry(Map<String, String> fields, int[] size, String name) throws IOException {
        double[] spacing = {1, 1, 1};
        double[] direction = Geometry.identity();
        double[] origin = {0, 0, 0};
        String space = fields.getOrDefault("space", "left-posterior-superior").toLowerCase(Locale.ROOT);
        boolean negX, negY;
        switch (space) {
            case "right-anterior-superior", "ras" -> {
                negX = true;
                negY = true;
            }
            case "left-anterior-superior", "las" -> {
                negX = false;
                negY = true;
            }
            case "left-posterior-superior", "lps", "scanner-xyz", "3d-right-handed" -> {
                negX = false;
                negY = false;
            }
            default -> throw new ImageFormatException(name, "NRRD space " + ImageFormatException.quote(space)
                    + " is not a 3D space nacrad can read (RAS, LAS, LPS, scanner-xyz, 3D-right-handed)");
        }
        if (fields.containsKey("space directions")) {
            double[][] vecs = parseVectors(fields.get("space directions"), 3, "space directions", name);
            for (int c = 0; c < 3; c++) {
                double norm = Math.sqrt(vecs[c][0] * vecs[c][0] + vecs[c][1] * vecs[c][1] + vecs[c][2] * vecs[c][2]);
                if (!(norm > 0) || !Double.isFinite(norm)) {
                    throw new ImageFormatException(name, "inconsistent NRRD header: space direction " + (c + 1)
                            + " has length " + norm);
                }
                spacing[c] = norm;
                for (int r = 0; r < 3; r++) {
                    direction[3 * r + c] = vecs[c][r] / norm;
                }
            }
        } else if (fields.containsKey("spacings")) {
            String[] t = fields.get("spacings").split("\\s+");
            if (t.length != 3) {
                throw new ImageFormatException(name, "inconsistent NRRD header: " + t.length + " spacings for 3 axes");
            }
            for (int a = 0; a < 3; a++) {
                double s = parseDouble(t[a], "spacings", name);
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new ImageFormatException(name, "NRRD spacings value " + s + " on axis " + a + " is "
                            + (Double.isNaN(s) ? "unknown (nan)" : s == 0 ? "zero" : s < 0 ? "negative" : "infinite")
                            + ": a voxel size must be a positive number (an axis flip is written with 'space "
                            + "directions')");
                }
                spacing[a] = s;
            }
        }
        if (fields.containsKey("space origin")) {
            origin = parseVectors(fields.get("space origin"), 1, "space origin", name)[0];
        }
        for (int c = 0; c < 3; c++) {
            if (negX) {
                direction[c] = -direction[c] + 0.0;
            }
            if (negY) {
                direction[3 + c] = -direction[3 + c] + 0.0;
            }
        }
        if (negX) {
            origin[0] = -origin[0] + 0.0;
        }
        if (negY) {
            origin[1] = -origin[1] + 0.0;
        }
        try {
            return new Geometry(size, spacing, origin, direction);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(name, "inconsistent NRRD header: " + e.getMessage(), e);
        }
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
            default -> throw new ImageFormatException(name, "NRRD type " + ImageFormatException.quote(t)
                    + " is not a supported scalar type");
        };
    }

    private static String require(Map<String, String> fields, String key, String name) throws IOException {
        String v = fields.get(key);
        if (v == null) {
            throw new ImageFormatException(name, "NRRD header has no '" + key + "' field");
        }
        return v;
    }

    private static int parseInt(String s, String field, String name) throws IOException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ImageFormatException(name, "NRRD field '" + field + "' has a non-integer value "
                    + ImageFormatException.quote(s.trim()));
        }
    }

    private static long parseLong(String s, String field, String name) throws IOException {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ImageFormatException(name, "NRRD field '" + field + "' has a non-integer value "
                    + ImageFormatException.quote(s.trim()));
        }
    }

    /** A number as NRRD writes it: Java's syntax, or nan, inf, -inf in any case (teem's spellings). */
    private static double parseDouble(String s, String field, String name) throws IOException {
        String t = s.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "-nan", "+nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ImageFormatException(name, "NRRD field '" + field + "' has a non-numeric value "
                    + ImageFormatException.quote(s.trim()));
        }
    }

    /** Parses "(a,b,c) (d,e,f) …" into vectors; a "none" entry (non-spatial axis) is rejected. */
    private static double[][] parseVectors(String s, int count, String field, String name) throws IOException {
        if (s.toLowerCase(Locale.ROOT).contains("none")) {
            throw new ImageFormatException(name, "NRRD '" + field + "' has a 'none' axis (vector or 4D image); only "
                    + "3D scalar images are supported");
        }
        double[][] out = new double[count][3];
        int pos = 0;
        for (int v = 0; v < count; v++) {
            int open = s.indexOf('(', pos);
            int close = open < 0 ? -1 : s.indexOf(')', open + 1);
            if (open < 0 || close < 0) {
                throw new ImageFormatException(name, "NRRD '" + field + "' needs " + count + " vectors '(x,y,z)': "
                        + ImageFormatException.quote(s));
            }
            String[] t = s.substring(open + 1, close).split(",");
            if (t.length != 3) {
                throw new ImageFormatException(name, "NRRD '" + field + "' vector "
                        + ImageFormatException.quote(s.substring(open, close + 1)) + " must have 3 components");
            }
            for (int c = 0; c < 3; c++) {
                out[v][c] = parseDouble(t[c], field, name);
            }
            pos = close + 1;
        }
        return out;
    }

    /** The longest header line read (a longer one is refused, so a binary file cannot fill the heap). */
    private static final int MAX_LINE = 1 << 20;
    /** The longest header read. */
    private static final int MAX_HEADER = 1 << 24;

    /** One header line without its terminator; null at the end of the file. */
    private static String readLine(InputStream in, String name) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (b.size() >= MAX_LINE) {
                throw new ImageFormatException(name, "NRRD header line longer than " + MAX_LINE
                        + " bytes (not a NRRD header, or one without the blank line that ends it)");
            }
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Skips one line of data ({@code line skip}); false at the end of the file. */
    private static boolean skipLine(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            return false;
        }
        while (c >= 0 && c != '\n') {
            c = in.read();
        }
        return true;
    }
}
