package org.nacrad.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixtures printed by {@code src/test/fixtures-gen/itk_dump.cxx} (ITK 5.2.1): one block per image, with its
 * header line ("file …" or "case …"), ITK's pixel type, size, spacing, origin, direction and voxel values.
 */
public record ItkDump(String header, String type, String error, int[] size, double[] spacing, double[] origin,
        double[] direction, double[] values) {

    /** A test resource as a path. */
    public static Path resource(String name) {
        try {
            return Path.of(ItkDump.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** Parses a dump; a block starts at each line beginning with {@code startWord}. */
    public static List<ItkDump> parse(String resourceName, String startWord) {
        List<String> lines;
        try {
            lines = Files.readAllLines(resource(resourceName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ItkDump> out = new ArrayList<>();
        String header = null, type = null, error = null;
        int[] size = null;
        double[] spacing = null, origin = null, direction = null, values = null;
        for (String line : lines) {
            String key = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
            String rest = line.substring(Math.min(line.length(), key.length() + 1));
            if (key.equals(startWord)) {
                if (header != null) {
                    out.add(new ItkDump(header, type, error, size, spacing, origin, direction, values));
                }
                header = rest;
                type = error = null;
                size = null;
                spacing = origin = direction = values = null;
                continue;
            }
            switch (key) {
                case "type" -> type = rest;
                case "error" -> error = rest;
                case "size" -> size = Arrays.stream(rest.split(" ")).mapToInt(Integer::parseInt).toArray();
                case "spacing" -> spacing = numbers(rest);
                case "origin" -> origin = numbers(rest);
                case "direction" -> direction = numbers(rest);
                case "values" -> values = numbers(rest);
                default -> { }
            }
        }
        if (header != null) {
            out.add(new ItkDump(header, type, error, size, spacing, origin, direction, values));
        }
        return out;
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** nacrad's pixel type for ITK's component type name. */
    public static PixelType pixelType(String itk) {
        return switch (itk) {
            case "unsigned_char" -> PixelType.UINT8;
            case "char" -> PixelType.INT8;
            case "unsigned_short" -> PixelType.UINT16;
            case "short" -> PixelType.INT16;
            case "unsigned_int" -> PixelType.UINT32;
            case "int" -> PixelType.INT32;
            case "unsigned_long", "unsigned_long_long" -> PixelType.UINT64;
            case "long", "long_long" -> PixelType.INT64;
            case "float" -> PixelType.FLOAT32;
            case "double" -> PixelType.FLOAT64;
            default -> throw new IllegalArgumentException(itk);
        };
    }
}
