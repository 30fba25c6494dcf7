package org.nacrad.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-patient cache of computed features, so that a rerun recomputes only what changed and an interrupted run
 * resumes: each patient's features are stored in {@code <dir>/<id>.csv} under a key — the SHA-256 of everything
 * they depend on (settings text and the bytes of the input files). A file whose key differs is recomputed. Files
 * are written to a temporary name and moved into place, so a stopped run never leaves a half-written entry.
 */
final class FeatureCache {

    private final Path dir;

    FeatureCache(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** The key of a computation: a digest of its settings and input files. */
    static String key(String settings, List<Path> inputs) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(settings.getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[1 << 16];
            for (Path p : inputs) {
                md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        md.update(buf, 0, r);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached features of a patient under a key, or null. */
    Map<String, Double> get(String id, String key) throws IOException {
        Path f = dir.resolve(id + ".csv");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("key," + key)) {
            return null;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            int c = l.lastIndexOf(',');
            m.put(l.substring(0, c), Double.parseDouble(l.substring(c + 1)));
        }
        return m;
    }

    /** Stores a patient's features under a key. */
    void put(String id, String key, Map<String, Double> features) throws IOException {
        StringBuilder b = new StringBuilder("key,").append(key).append('\n');
        for (Map.Entry<String, Double> e : features.entrySet()) {
            b.append(e.getKey()).append(',').append(e.getValue()).append('\n');
        }
        Path f = dir.resolve(id + ".csv");
        Path tmp = dir.resolve("." + id + ".csv.tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
