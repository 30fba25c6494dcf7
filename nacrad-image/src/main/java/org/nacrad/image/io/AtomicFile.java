package org.nacrad.image.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.nacrad.image.ImageFormatException;
import org.nacrad.io.OutputFileException;

/**
 * The image writers' door to {@link org.nacrad.io.AtomicFile} (temporary sibling, then a rename; regular files
 * only; the umask's or the existing file's mode): the same write, with its problems reported as
 * {@link ImageFormatException}s like every other problem of an image file.
 */
final class AtomicFile {

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path file, Body body) throws IOException {
        try {
            org.nacrad.io.AtomicFile.write(file, body::write);
        } catch (OutputFileException e) {
            throw new ImageFormatException(file, e.problem(), e);
        }
    }
}
