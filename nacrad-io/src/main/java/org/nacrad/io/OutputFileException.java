package org.nacrad.io;

import java.io.IOException;
import java.nio.file.Path;

/** An output file that cannot be written; the message is one line, "{@code FILE: what is wrong}". */
public final class OutputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    public OutputFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public OutputFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
