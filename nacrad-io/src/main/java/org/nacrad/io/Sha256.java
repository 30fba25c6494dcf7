package org.nacrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 checksums as lowercase hex: of text, of a file's bytes, and of a DICOM series folder (every regular file
 * below it, in path order, each contributing its relative path and its bytes, so a renamed, added, removed or changed
 * file changes the checksum).
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A new SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
    }

    /** The checksum of UTF-8 text. */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The checksum of a file's bytes, or of a folder's files (see the class comment). */
    public static String ofPath(Path p) throws IOException {
        MessageDigest md = digest();
        if (Files.isDirectory(p)) {
            for (Path f : files(p)) {
                md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                update(md, f);
            }
        } else {
            update(md, p);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The regular files below a folder, in path order. */
    public static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }

    private static void update(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        }
    }
}
