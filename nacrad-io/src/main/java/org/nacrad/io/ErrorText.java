package org.nacrad.io;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one line a user is shown for a failure. Java's own exceptions often carry only a path
 * ({@link NoSuchFileException}), {@code null}, or nothing a user can act on ({@link OutOfMemoryError}); this says
 * what went wrong in words, never prints a stack trace and never more than one line.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /** One line describing {@code t}. */
    public static String of(Throwable t) {
        t = unwrap(t);
        if (t instanceof NoSuchFileException f) {
            return fileProblem(f, "file not found");
        }
        if (t instanceof AccessDeniedException f) {
            return fileProblem(f, "permission denied");
        }
        if (t instanceof NotDirectoryException f) {
            return fileProblem(f, "not a directory");
        }
        if (t instanceof FileAlreadyExistsException f) {
            return fileProblem(f, "already exists");
        }
        if (t instanceof DirectoryNotEmptyException f) {
            return fileProblem(f, "directory not empty");
        }
        if (t instanceof FileSystemException f) {
            return fileProblem(f, f.getReason() == null ? "file system error" : f.getReason());
        }
        if (t instanceof OutOfMemoryError) {
            return outOfMemory();
        }
        if (t instanceof StackOverflowError) {
            return "internal error: stack overflow; please report it";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank() || m.equals("null")) {
            StackTraceElement[] st = t.getStackTrace();
            return "internal error (" + t.getClass().getName() + (st.length > 0 ? " at " + st[0] : "")
                    + "); please report it";
        }
        return firstLine(m);
    }

    /** The message of running out of heap: how large the heap was and how to raise it. */
    public static String outOfMemory() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        return String.format(Locale.ROOT, "out of memory (Java heap %d MB): raise it with NACRAD_JAVA_OPTS=-Xmx…, "
                + "or run fewer cases at once (--jobs)", mb);
    }

    /** The first line of a message. */
    public static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof UncheckedIOException || t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String fileProblem(FileSystemException e, String what) {
        String file = e.getFile();
        String other = e.getOtherFile();
        return (file == null ? "" : file + (other == null ? "" : " -> " + other) + ": ") + what;
    }
}
