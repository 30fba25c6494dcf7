package org.nacrad.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared reference data ({@code ../shared/reference} beside the repository) for tests.
 *
 * <p>The data is never copied into the repository. Surefire passes its location as the system property
 * {@code nacrad.reference}. Where the folder is absent a test is skipped with a clear message, except under
 * {@code CI=true}, where a missing reference is a failure: CI must never pass by skipping.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** The reference root, or a skip (outside CI) / failure (under CI) when it is absent. */
    public static Path root() {
        String prop = System.getProperty("nacrad.reference");
        Path root = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "reference");
        root = root.toAbsolutePath().normalize();
        require(root);
        return root;
    }

    /** A file or folder below the reference root, required to exist (skip outside CI, fail under CI). */
    public static Path file(String first, String... more) {
        Path p = root().resolve(Path.of(first, more));
        require(p);
        return p;
    }

    private static void require(Path p) {
        if (Files.exists(p)) {
            return;
        }
        String msg = "reference data not found: " + p
                + " (expected ../shared/reference beside the repository; see shared/reference/README.md)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(msg + " -- under CI=true missing reference data is a failure");
        }
        Assumptions.assumeTrue(false, msg);
    }
}
