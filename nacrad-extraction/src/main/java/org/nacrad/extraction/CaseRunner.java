package org.nacrad.extraction;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.nacrad.io.ErrorText;

/**
 * Runs a {@link CaseExtractor} over many cases on {@code jobs} threads, resumably: the scheduling half of case
 * extraction, shared by {@code nacrad extract --batch} and the study's feature step.
 *
 * <ul>
 *   <li><b>Resume and reuse.</b> Each finished case is saved in a {@link CaseStore} under its key (settings, nacrad
 *       version, label and segments, SHA-256 of every input file). A case is reused only when its stored entry is
 *       intact and its key equals the key of the inputs as they are now; otherwise it is extracted again and a
 *       {@link Note} says why (another parameter file, changed input files, a damaged entry). Failed cases are
 *       never stored: a rerun tries them again.</li>
 *   <li><b>Isolation.</b> A case that fails, runs out of memory or exceeds the per-case time limit gives a row with
 *       that error; the others go on. A case over its time limit is abandoned (its thread is interrupted and
 *       replaced; its late result is discarded).</li>
 *   <li><b>Order.</b> Rows come back in the order of the cases, whatever order they finish in.</li>
 * </ul>
 */
public final class CaseRunner {

    /** The per-case time limit of the batch and the study unless set otherwise: a case taking longer is stuck. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(30);

    private final CaseExtractor extractor;
    private final CaseStore store;
    private final int jobs;
    private final Duration timeLimit;

    /**
     * @param jobs      cases extracted at once (each single-threaded)
     * @param timeLimit longest time one case may take, or null for none
     */
    public CaseRunner(CaseExtractor extractor, CaseStore store, int jobs, Duration timeLimit) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("the per-case time limit must be positive, got " + timeLimit);
        }
        this.extractor = extractor;
        this.store = store;
        this.jobs = jobs;
        this.timeLimit = timeLimit;
    }

    /** Told each time a case is finished (from worker threads; may be null). */
    @FunctionalInterface
    public interface Listener {
        void finished(int done, int total, int failed);
    }

    /** Why a stored result was not reused. */
    public record Note(String id, String reason) {

        /**
         * Notes as lines for a person: one line per reason, with the cases it concerns ("3 cases (P1, P2, P3):
         * reason"; at most {@code maxIds} ids named).
         */
        public static List<String> summary(List<Note> notes, int maxIds) {
            Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
            for (Note n : notes) {
                byReason.computeIfAbsent(n.reason(), k -> new ArrayList<>()).add(n.id());
            }
            List<String> lines = new ArrayList<>();
            byReason.forEach((reason, ids) -> lines.add((ids.size() == 1 ? ids.get(0) : ids.size() + " cases ("
                    + String.join(", ", ids.subList(0, Math.min(maxIds, ids.size())))
                    + (ids.size() > maxIds ? ", …" : "") + ")") + ": " + reason));
            return lines;
        }
    }

    /**
     * What a run gave.
     *
     * @param rows      one row per case, in the order of the cases
     * @param extracted cases extracted now, successfully
     * @param reused    cases whose stored result was reused
     * @param failed    cases whose row has an error (extracted + reused + failed = cases)
     * @param notes     stored results that were not reused, and why
     * @param keys      each case's key ({@link CaseExtractor#key}), or null where its inputs could not be read
     */
    public record Result(List<CaseRow> rows, int extracted, int reused, int failed, List<Note> notes,
                         List<String> keys) {
    }

    /**
     * Runs the cases.
     *
     * @throws IOException the store cannot be written (no result is lost that was stored before)
     */
    public Result run(List<CaseSpec> cases, Listener listener) throws IOException {
        Set<String> ids = new HashSet<>();
        for (CaseSpec c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("case id " + c.id() + " appears twice");
            }
        }
        return new Run(cases, listener).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final List<CaseSpec> cases;
        private final Listener listener;
        private final CaseRow[] rows;
        private final boolean[] reused;
        private final String[] keys;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final CountDownLatch finished;
        private final List<Note> notes = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService watchdog;
        private volatile IOException storeFailure;
        private final AtomicInteger threads = new AtomicInteger();

        Run(List<CaseSpec> cases, Listener listener) {
            this.cases = cases;
            this.listener = listener;
            this.rows = new CaseRow[cases.size()];
            this.reused = new boolean[cases.size()];
            this.keys = new String[cases.size()];
            this.finished = new CountDownLatch(cases.size());
            if (timeLimit == null) {
                this.watchdog = null;
            } else {
                java.util.concurrent.ScheduledThreadPoolExecutor w = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                        r -> {
                            Thread t = new Thread(r, "nacrad-case-watchdog");
                            t.setDaemon(true);
                            return t;
                        });
                w.setRemoveOnCancelPolicy(true);
                w.prestartAllCoreThreads();
                this.watchdog = w;
            }
        }

        Result execute() throws IOException {
            try {
                for (int k = 0; k < Math.min(jobs, cases.size()); k++) {
                    startWorker();
                }
                while (!finished.await(100, TimeUnit.MILLISECONDS) && storeFailure == null) {
                    // waiting for the last cases, or for a failure to store one
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                next.set(cases.size());
                if (watchdog != null) {
                    watchdog.shutdownNow();
                }
            }
            if (storeFailure != null) {
                throw storeFailure;
            }
            int nReused = 0;
            for (boolean r : reused) {
                nReused += r ? 1 : 0;
            }
            Map<String, Integer> order = new java.util.HashMap<>();
            for (int k = 0; k < cases.size(); k++) {
                order.put(cases.get(k).id(), k);
            }
            List<Note> sorted = new ArrayList<>(notes);
            sorted.sort(java.util.Comparator.comparingInt(n -> order.get(n.id())));
            return new Result(List.of(rows), cases.size() - nReused - failed.get(), nReused, failed.get(),
                    List.copyOf(sorted), Collections.unmodifiableList(Arrays.asList(keys.clone())));
        }

        private void startWorker() {
            Thread t = new Thread(this::work, "nacrad-case-" + threads.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }

        /** Takes cases until none is left, or until its case was abandoned (a replacement then carries on). */
        private void work() {
            int i;
            while ((i = next.getAndIncrement()) < cases.size()) {
                AtomicBoolean settled = new AtomicBoolean();
                ScheduledFuture<?> alarm = schedule(i, settled, Thread.currentThread());
                boolean[] wasReused = {false};
                CaseRow row = process(i, wasReused);
                if (alarm != null) {
                    alarm.cancel(false);
                }
                if (!settled.compareAndSet(false, true)) {
                    Thread.interrupted(); // the alarm's interrupt is spent; the case's late result is discarded
                    return;
                }
                if (row.ok() && !wasReused[0] && keys[i] != null) {
                    try {
                        store.save(new StoredCase(keys[i], row));
                    } catch (IOException e) {
                        storeFailure = e;
                        next.set(cases.size());
                    }
                }
                reused[i] = wasReused[0];
                finish(i, row);
            }
        }

        private ScheduledFuture<?> schedule(int i, AtomicBoolean settled, Thread worker) {
            if (watchdog == null) {
                return null;
            }
            return watchdog.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    CaseSpec c = cases.get(i);
                    finish(i, CaseRow.failed(c.id(), String.format(Locale.ROOT, "stopped after the per-case time "
                            + "limit of %s", human(timeLimit)), Map.of(), extractor.version(),
                            extractor.parameterHash()));
                    worker.interrupt();
                    startWorker();
                }
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void finish(int i, CaseRow row) {
            rows[i] = row;
            int f = row.ok() ? failed.get() : failed.incrementAndGet();
            int d = done.incrementAndGet();
            if (listener != null) {
                listener.finished(d, cases.size(), f);
            }
            finished.countDown();
        }

        /** One case: its stored result when that is valid, else extracted now. */
        private CaseRow process(int i, boolean[] wasReused) {
            CaseSpec c = cases.get(i);
            Map<String, String> sums;
            try {
                sums = extractor.checksums(c);
            } catch (IOException | RuntimeException e) {
                return extractor.extract(c); // names the unreadable file in the reader's words
            } catch (OutOfMemoryError e) {
                return CaseRow.failed(c.id(), ErrorText.outOfMemory(), Map.of(), extractor.version(),
                        extractor.parameterHash());
            }
            String key = extractor.key(c, sums);
            keys[i] = key;
            try {
                StoredCase stored = store.find(c.id());
                if (stored != null && stored.key().equals(key)) {
                    wasReused[0] = true;
                    return stored.row();
                }
                if (stored != null) {
                    notes.add(new Note(c.id(), why(stored.row(), sums)));
                }
            } catch (StoredCase.DamagedException e) {
                notes.add(new Note(c.id(), "stored result unusable (" + e.getMessage() + "): extracted again"));
            } catch (IOException e) {
                notes.add(new Note(c.id(), "stored result unreadable (" + ErrorText.of(e) + "): extracted again"));
            }
            return extractor.compute(c, sums);
        }

        private String why(CaseRow old, Map<String, String> sums) {
            if (!old.parameterHash().equals(extractor.parameterHash())) {
                return "stored result made with other extraction settings: extracted again";
            }
            if (!old.nacradVersion().equals(extractor.version())) {
                return "stored result made by nacrad " + old.nacradVersion() + ": extracted again";
            }
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, String> e : sums.entrySet()) {
                if (!e.getValue().equals(old.inputChecksums().get(e.getKey()))) {
                    changed.add(e.getKey());
                }
            }
            return changed.isEmpty() ? "label or segment changed since the stored result: extracted again"
                    : "input changed since the stored result (" + String.join(", ", changed) + "): extracted again";
        }
    }

    /** A duration as people write it: 90 s, 30 min, 2 h. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + " min";
        }
        return s > 0 ? s + " s" : d.toMillis() + " ms";
    }
}
