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

    /**
     * A value read from a file's header, fit to quote in a message: in single quotes when it is at most 64
     * printable ASCII characters, else described by its length only. Messages never carry more of a file than this
     * (never voxel data, never the bytes of a file that was not recognised as an image), so an error cannot reveal
     * what a mistaken or malicious path points at, and stays on one line.
     */
    public static String quote(String value) {
        String shown = shown(value);
        return shown.equals(value) ? "'" + value + "'" : shown;
    }

    /** As {@link #quote}, without the quotes: the value itself, or its description when it may not be shown. */
    public static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        if (value.length() > 64) {
            return "(a value of " + value.length() + " characters)";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "(a value of " + value.length() + " characters, not all printable)";
            }
        }
        return value;
    }

    /** The file the problem is about. */
    public String file() {
        return file;
    }
}
