package org.nacrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every output of nacrad follows. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private static String listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Test
    void anExistingFileKeepsItsModeAndANewOneGetsTheUmasks() throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");

        // a new file: what the process's umask gives a file created by Files.write
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path g = dir.resolve("new.csv");
        AtomicFile.writeString(g, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(g)).isEqualTo(expected);
        assertThat(PosixFilePermissions.toString(expected)).isNotEqualTo("rw-------"); // not the temp file's 0600
        assertThat(listing(dir)).isEqualTo("[new.csv, out.csv, plain]");
    }

    @Test
    void aFailedBodyLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("out.csv"), "old");
        assertThatThrownBy(() -> AtomicFile.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(listing(dir)).isEqualTo("[out.csv]");
    }

    @Test
    void aBodyThatClosesItsStreamStillWritesEverything() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFile.write(f, out -> {
            out.write("abc".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertThat(Files.readString(f)).isEqualTo("abc");
    }

    @Test
    void onlyRegularFilesAreReplaced() throws Exception {
        assertThatThrownBy(() -> AtomicFile.writeString(Path.of("/dev/null"), "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessage("/dev/null: is not a regular file (a device, pipe or socket); outputs are written to "
                        + "regular files only (standard output: -)");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        assertThatThrownBy(() -> AtomicFile.writeString(fifo, "x")).hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThatThrownBy(() -> AtomicFile.writeString(Path.of("/dev/stdout"), "x"))
                .hasMessage("/dev/stdout: is a stream of this process, not a file; outputs are written to regular "
                        + "files only (standard output: -)");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFile.writeString(sub, "x"))
                .hasMessage(sub + ": is a directory; outputs are written to regular files only");
        Path noDir = dir.resolve("missing/out.csv");
        assertThatThrownBy(() -> AtomicFile.writeString(noDir, "x"))
                .hasMessage(noDir + ": cannot write: directory " + dir.resolve("missing") + " does not exist");
        assertThat(listing(dir)).isEqualTo("[fifo, sub]");
    }

    @Test
    void aLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        AtomicFile.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> AtomicFile.writeString(dangling, "x")).hasMessageContaining("symbolic link to a missing file");
    }

    @Test
    void anInputIsNeverAnOutput() throws IOException {
        Path image = Files.writeString(dir.resolve("image.nrrd"), "voxels");
        Path link = Files.createSymbolicLink(dir.resolve("alias.nrrd"), image);
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("the image", image);
        inputs.put("the mask", null);
        assertThatThrownBy(() -> AtomicFile.requireNotAnInput(link, inputs))
                .hasMessage(link + ": is the image this command reads; write the output to another file");
        assertThatThrownBy(() -> AtomicFile.requireNotAnInput(dir.resolve("./image.nrrd"), inputs))
                .isInstanceOf(OutputFileException.class);
        AtomicFile.requireNotAnInput(dir.resolve("features.csv"), inputs);
        assertThat(Files.readString(image)).isEqualTo("voxels");
    }
}
