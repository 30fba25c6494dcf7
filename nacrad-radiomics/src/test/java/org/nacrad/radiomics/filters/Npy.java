package org.nacrad.radiomics.filters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal reader of NumPy {@code .npy} files (format 1.0/2.0, C order, little-endian float64, float32 or uint8)
 * for test fixtures.
 *
 * @param shape  the array shape
 * @param values the values in C order, as doubles
 * @param dtype  NumPy's descr, e.g. {@code <f8}
 */
record Npy(int[] shape, double[] values, String dtype) {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static Npy read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    static Npy resource(String name) throws IOException {
        try (InputStream in = Npy.class.getResourceAsStream("/filters/" + name)) {
            if (in == null) {
                throw new IOException("test resource /filters/" + name + " missing");
            }
            return read(in.readAllBytes(), name);
        }
    }

    static Npy read(byte[] bytes, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw new IOException(name + ": not a .npy file");
        }
        int major = bytes[6];
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int offset = major == 1 ? 10 : 12;
        String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) {
            throw new IOException(name + ": Fortran order not supported");
        }
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IOException(name + ": malformed header " + header);
        }
        String[] dims = s.group(1).split(",");
        int count = 0;
        int[] shape = new int[dims.length];
        int total = 1;
        for (String dim : dims) {
            if (!dim.isBlank()) {
                shape[count] = Integer.parseInt(dim.trim());
                total *= shape[count++];
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        double[] v = new double[total];
        b.position(offset + headerLen);
        String dtype = d.group(1);
        for (int n = 0; n < total; n++) {
            v[n] = switch (dtype) {
                case "<f8" -> b.getDouble();
                case "<f4" -> b.getFloat();
                case "|u1" -> Byte.toUnsignedInt(b.get());
                default -> throw new IOException(name + ": unsupported dtype " + dtype);
            };
        }
        return new Npy(shape, v, dtype);
    }
}
