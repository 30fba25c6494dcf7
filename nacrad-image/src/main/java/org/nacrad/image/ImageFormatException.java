package org.nacrad.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be read or written: missing, truncated, not in the format its name says, or with a
 * header that contradicts itself. The message is one line, "{@code <file>: <what is wrong>}", fit to show a user
 * as is.
 */
public final class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /** @param file the file concerned, @param problem what is wrong with it (no file name, no trailing period) */
    public ImageFormatException(Path file, String problem) {
        this(String.valueOf(file), problem, null);
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), problem, cause);
    }

    public ImageFormatException(String file, String problem) {
        this(file, problem, null);
    }

    public ImageFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public String file() {
        return file;
    }
}
