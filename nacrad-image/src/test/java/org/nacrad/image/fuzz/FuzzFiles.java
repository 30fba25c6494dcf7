package org.nacrad.image.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;

import org.nacrad.image.ImageLimits;

/**
 * What the fuzz tests share: a scratch folder for the file under test (the readers read paths) with a small
 * detached NRRD data file beside it, and the memory cap under which every input must end in an image or a clear
 * exception. The cap ({@link ImageLimits#PROPERTY}, 64 MB) makes a header that claims a huge image fail fast at the
 * readers' own check, as it would under a small heap, instead of allocating gigabytes per input.
 */
public final class FuzzFiles {

    /** The cap on one image array while fuzzing: 64 MB. */
    public static final long MAX_BYTES = 64L << 20;

    private static Path dir;

    private FuzzFiles() {
    }

    /** Sets the memory cap; returns the previous value of the property (null when unset) for {@link #restore}. */
    public static String capMemory() {
        String before = System.getProperty(ImageLimits.PROPERTY);
        System.setProperty(ImageLimits.PROPERTY, String.valueOf(MAX_BYTES));
        return before;
    }

    public static void restore(String before) {
        if (before == null) {
            System.clearProperty(ImageLimits.PROPERTY);
        } else {
            System.setProperty(ImageLimits.PROPERTY, before);
        }
    }

    /** The time one input may take. */
    public static final Duration TIME_BOUND = Duration.ofSeconds(10);

    /** A reader call that may refuse its input with a checked exception of the expected kind. */
    public interface Read {
        void run() throws Exception;
    }

    /**
     * Runs one input within {@link #TIME_BOUND}. As a regression test (no {@code JAZZER_FUZZ}) the call runs on
     * another thread and is abandoned at the bound, so a hang fails the test instead of stalling the build; while
     * fuzzing it runs in place (libFuzzer's own timeout catches a hang) and a slow input is reported afterwards.
     */
    public static void bounded(Read read) throws Exception {
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()) {
            Assertions.assertTimeoutPreemptively(TIME_BOUND, read::run);
            return;
        }
        long start = System.nanoTime();
        read.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_BOUND) > 0) {
            throw new AssertionError("input took " + took.toMillis() + " ms, more than the " + TIME_BOUND.toSeconds()
                    + " s bound");
        }
    }

    /** Writes {@code data} to a file of that name in the scratch folder (made once, with {@code data.raw}). */
    public static synchronized Path write(String name, byte[] data) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("nacrad-fuzz");
                dir.toFile().deleteOnExit();
                Path raw = dir.resolve("data.raw");
                Files.write(raw, new byte[64]);
                raw.toFile().deleteOnExit();
            }
            Path f = dir.resolve(name);
            Files.write(f, data);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
