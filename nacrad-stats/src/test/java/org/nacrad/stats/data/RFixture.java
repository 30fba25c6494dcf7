package org.nacrad.stats.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: the committed R outputs ({@code key,value} CSV) and datasets under {@code src/test/resources/r/}. */
public final class RFixture {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final String name;

    private RFixture(String name) {
        this.name = name;
        try {
            List<String> lines = Files.readAllLines(resource(name));
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.indexOf("\",\"");
                values.put(line.substring(1, comma), line.substring(comma + 3, line.length() - 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RFixture load(String name) {
        return new RFixture(name);
    }

    public static Path resource(String name) {
        try {
            return Path.of(RFixture.class.getResource("/r/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource r/" + name, e);
        }
    }

    public static Dataset dataset(String name) {
        try {
            return Dataset.read(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double num(String key) {
        return Double.parseDouble(str(key));
    }

    public double[] vector(String prefix) {
        int n = 0;
        while (values.containsKey(prefix + "." + (n + 1))) {
            n++;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = num(prefix + "." + (i + 1));
        }
        return v;
    }

    public String str(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no key '" + key + "'");
        }
        return v;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
