package org.nacrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

import org.nacrad.io.AtomicFile;

/**
 * Where a command's result goes: standard output when asked ({@code --out -}, or no {@code --out} where a command
 * allows it), otherwise a regular file written atomically ({@link AtomicFile}), never one of the command's inputs.
 */
public final class Outputs {

    private Outputs() {
    }

    /** Whether an {@code --out} value means standard output. */
    public static boolean isStandardOutput(Path out) {
        return out == null || out.toString().equals("-");
    }

    /**
     * Checks an output file before any work: a regular file (or absent) in an existing folder, and none of the
     * inputs (named by what they are, e.g. "the image").
     */
    public static void check(Path out, Map<String, Path> inputs) throws IOException {
        if (!isStandardOutput(out)) {
            AtomicFile.target(out);
            AtomicFile.requireNotAnInput(out, inputs);
        }
    }

    /** A command's inputs by what they are: alternating names and paths (null paths left out), in order. */
    public static Map<String, Path> inputs(Object... namesAndPaths) {
        Map<String, Path> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < namesAndPaths.length; k += 2) {
            if (namesAndPaths[k + 1] != null) {
                m.put((String) namesAndPaths[k], (Path) namesAndPaths[k + 1]);
            }
        }
        return m;
    }

    /** Writes text to standard output or to the file. */
    public static void write(Path out, String text, PrintWriter stdout) throws IOException {
        if (isStandardOutput(out)) {
            stdout.print(text);
            stdout.flush();
        } else {
            AtomicFile.writeString(out, text);
        }
    }
}
