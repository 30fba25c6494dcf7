package org.nacrad.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress indicator for long steps, shown only when the process writes to a terminal (so logs and
 * pipes stay clean). Thread-safe.
 */
public final class Progress {

    private final String what;
    private final int total;
    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;

    public Progress(String what, int total, PrintWriter out) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.terminal = System.console() != null;
    }

    /** Reports that {@code done} items are finished. */
    public synchronized void update(int done) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? 0 : elapsed * (total - done) / done;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d  %.0fs elapsed, %.0fs left ", what, "#".repeat(filled),
                ".".repeat(width - filled), done, total, elapsed, eta);
        out.flush();
    }

    /** Ends the progress line. */
    public synchronized void done() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }
}
