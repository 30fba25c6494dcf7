package org.nacrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code nacrad} in a child JVM of the test's class path: for what only a separate process shows (kill, heap). */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code nacrad ARGS} in {@code dir} with the heap {@code xmx}; stdout and stderr go to {@code log}. */
    static Process start(Path dir, String xmx, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), NacradCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    /** Runs to the end (at most ten minutes); the exit code. */
    static int run(Path dir, String xmx, Path log, String... args) throws IOException, InterruptedException {
        Process p = start(dir, xmx, log, args);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nacrad " + String.join(" ", args) + " did not finish in ten minutes");
        }
        return p.exitValue();
    }
}
