package org.nacrad.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every output file of nacrad is written here, the same way: into a new temporary file beside the target, forced to
 * disk, then renamed over the target, so a failed or killed write never leaves half a file and a reader sees either
 * the old file or the new one.
 *
 * <p>Rules (one place for all of them):
 * <ul>
 *   <li>Only regular files are written. A target that exists and is a directory, a device node, a FIFO or a socket
 *       (e.g. {@code /dev/full}, {@code /dev/stdout}) is refused: renaming over it would replace it. Standard output
 *       is written only when a command is asked to ({@code --out -}).</li>
 *   <li>A symbolic link to a regular file is written through: its target is replaced, the link stays.</li>
 *   <li>A new file gets the mode the umask gives ({@code 0666 & ~umask}); an existing file keeps its mode.</li>
 * </ul>
 * Errors are {@link OutputFileException}s whose message is one line, "{@code FILE: what is wrong}".
 */
public final class AtomicFile {

    /** Writes the content of a file to a stream (buffered; closed by {@link AtomicFile}). */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes text as UTF-8. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        writeBytes(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes. */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /**
     * Writes a file: {@code body} fills a temporary sibling, which then replaces {@code file}. When {@code body}
     * throws, the target is untouched and the temporary file removed.
     */
    public static void write(Path file, Body body) throws IOException {
        Path target = target(file);
        Path dir = target.getParent();
        Path tmp = createSibling(file, target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.write(new KeepOpen(out)); // a body that closes its stream must not close the file before the sync
                out.flush();
                ch.force(true);
            }
            keepMode(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw new OutputFileException(file, "cannot write: directory " + dir + " disappeared while writing", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks that {@code file} may be written by {@link #write}: it is absent or a regular file (or a link to one),
     * in an existing directory. Commands call it before long work, so a bad {@code --out} fails at once.
     *
     * @return the path that will be replaced (the link's target for a symbolic link)
     */
    public static Path target(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        String name = abs.normalize().toString();
        if (name.startsWith("/dev/std") || name.startsWith("/dev/fd/") || name.startsWith("/proc/")) {
            // a process's own streams: replacing whatever they point to would be a surprise
            throw new OutputFileException(file, "is a stream of this process, not a file; outputs are written to "
                    + "regular files only (standard output: -)");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            a = null;
        }
        if (a != null) {
            if (!a.isRegularFile()) {
                throw new OutputFileException(file, "is " + (a.isDirectory() ? "a directory" : "not a regular file "
                        + "(a device, pipe or socket)") + "; outputs are written to regular files only"
                        + (a.isDirectory() ? "" : " (standard output: -)"));
            }
            abs = abs.toRealPath();
        } else if (Files.isSymbolicLink(abs)) {
            throw new OutputFileException(file, "is a symbolic link to a missing file (" + Files.readSymbolicLink(abs)
                    + "); remove it or write elsewhere");
        }
        Path dir = abs.getParent();
        if (!Files.isDirectory(dir)) {
            throw new OutputFileException(file, "cannot write: directory " + dir + " does not exist");
        }
        return abs;
    }

    /**
     * Refuses an output that would replace one of the command's own inputs (the same file, by any path or link).
     *
     * @param inputs what each input is (e.g. "the image") → its path; null paths are skipped
     */
    public static void requireNotAnInput(Path out, java.util.Map<String, Path> inputs) throws IOException {
        Path o = out.toAbsolutePath().normalize();
        for (java.util.Map.Entry<String, Path> in : inputs.entrySet()) {
            Path p = in.getValue();
            if (p == null) {
                continue;
            }
            boolean same = Files.exists(o) && Files.exists(p) ? Files.isSameFile(o, p)
                    : o.equals(p.toAbsolutePath().normalize());
            if (same) {
                throw new OutputFileException(out, "is " + in.getKey() + " this command reads; write the output to "
                        + "another file");
            }
        }
    }

    /**
     * Removes what killed writes left in a folder: the temporary files of {@link #write} ({@code .NAME.XXXXXXXX.tmp}).
     * A folder a command owns (a cache, a study's outputs) is cleaned when the command starts.
     */
    public static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                if (LEFTOVER.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Removes the temporary files a killed {@link #write} of this one file left beside it. */
    public static void removeLeftoversOf(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        java.util.regex.Pattern mine = java.util.regex.Pattern.compile("\\." + java.util.regex.Pattern.quote(
                abs.getFileName().toString()) + "\\.[0-9a-f]{8}\\.tmp");
        if (!Files.isDirectory(abs.getParent())) {
            return;
        }
        try (var s = Files.newDirectoryStream(abs.getParent(), ".*.tmp")) {
            for (Path p : s) {
                if (mine.matcher(p.getFileName().toString()).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The name of a temporary file of {@link #write}. */
    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]{8}\\.tmp");

    /** A new empty file beside the target, created with the umask's mode. */
    private static Path createSibling(Path file, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "."
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            } catch (NoSuchFileException e) {
                throw new OutputFileException(file, "cannot write: directory " + target.getParent()
                        + " does not exist", e);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new OutputFileException(file, "cannot write: permission denied in directory "
                        + target.getParent(), e);
            }
        }
    }

    /** An existing target's permissions are given to its replacement (POSIX file systems only). */
    private static void keepMode(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.exists(target)) {
            Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
        }
    }

    /** A stream whose close only flushes. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
