package org.nacrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.Table;
import org.nacrad.study.ModelInputs;
import org.nacrad.study.SavedModel;

/**
 * The load check of docs/performance.md ("nacrad serve"), not part of the build (its name matches no test pattern):
 * warm the server up, time single predictions from uploaded NIfTI files one after another, then send 32 API
 * predictions at once and report their latency percentiles; every answer must be 200. Run it with
 * <pre>
 *   mvn -B -ntp -pl nacrad-web -am verify -Dtest=WebLoadCheck -Dsurefire.failIfNoSpecifiedTests=false \
 *       [-Dnacrad.demo=$PWD/nacrad-demo]
 * </pre>
 * With {@code nacrad.demo} (a folder written by {@code ./nacrad demo}) the demo's model and patients are used;
 * otherwise the small study of {@link WebFixture}.
 */
class WebLoadCheck {

    @TempDir
    static Path dir;

    @Test
    void thirtyTwoConcurrentPredictions() throws Exception {
        String demo = System.getProperty("nacrad.demo");
        Path model;
        Path cohort;
        if (demo != null && !demo.isBlank()) {
            model = Path.of(demo, "study", "model.json");
            cohort = Path.of(demo, "cohort");
        } else {
            WebFixture f = WebFixture.build(dir.resolve("study"));
            model = f.model;
            cohort = f.dir.resolve("cohort");
        }
        Table manifest = Table.read(cohort.resolve("manifest.csv"));
        ModelInputs inputs = ModelInputs.of(SavedModel.read(model));
        List<WebFixture.Multipart> patients = new ArrayList<>();
        for (List<String> row : manifest.rows().subList(0, 8)) {
            WebFixture.Multipart m = new WebFixture.Multipart();
            for (ModelInputs.Input in : inputs.files()) {
                if (in.kind() == ModelInputs.Kind.FILE) {
                    m.file(in.name(), cohort.resolve(row.get(manifest.column(in.name()))));
                }
            }
            for (String c : inputs.clinicalNames()) {
                m.field(c, row.get(manifest.column(c)));
            }
            patients.add(m);
        }
        try (NacradServer s = NacradServer.start(model, WebOptions.defaults().withPort(0)
                .withTempRoot(Files.createDirectories(dir.resolve("tmp"))), new PrintWriter(new StringWriter()))) {
            URI api = s.uri().resolve("/api/predict");
            for (int i = 0; i < 8; i++) {
                assertThat(WebFixture.post(api, patients.get(i % patients.size())).statusCode()).isEqualTo(200);
            }
            double[] single = new double[16];
            for (int i = 0; i < single.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = WebFixture.post(api, patients.get(i % patients.size()));
                single[i] = (System.nanoTime() - t0) / 1e6;
                assertThat(r.statusCode()).isEqualTo(200);
            }
            String loadBefore = loadAverage();
            ExecutorService clients = Executors.newFixedThreadPool(32);
            List<Callable<double[]>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                WebFixture.Multipart m = patients.get(i % patients.size());
                calls.add(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = WebFixture.post(api, m);
                    return new double[] {(System.nanoTime() - t0) / 1e6, r.statusCode()};
                });
            }
            long t0 = System.nanoTime();
            List<Future<double[]>> done = clients.invokeAll(calls);
            double wall = (System.nanoTime() - t0) / 1e9;
            clients.shutdown();
            double[] lat = new double[32];
            int errors = 0;
            for (int i = 0; i < 32; i++) {
                double[] d = done.get(i).get();
                lat[i] = d[0];
                errors += d[1] == 200 ? 0 : 1;
            }
            WebOptions o = WebOptions.defaults();
            System.out.printf(Locale.ROOT, "nacrad serve load check, %s, %s (%d patients' files, %.1f MB per "
                    + "request)%n", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    demo == null ? "WebFixture study" : demo, patients.size(),
                    patients.get(0).body().length / 1048576.0);
            System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB; %d workers, %d queue places "
                    + "(admission %d, beyond it 503), %d HTTP threads; load average before the concurrent run: %s%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, o.workers(), o.queue(), o.workers() + o.queue(),
                    o.workers() + o.queue() + 24, loadBefore);
            System.out.printf(Locale.ROOT, "single, warm (16 sequential): median %.0f ms, min %.0f ms, max %.0f ms%n",
                    pct(single, 50), pct(single, 0), pct(single, 100));
            System.out.printf(Locale.ROOT, "32 concurrent: %d errors, wall %.2f s, %.1f predictions/s; latency p50 %.0f ms, "
                    + "p90 %.0f ms, p99 %.0f ms, max %.0f ms%n", errors, wall, 32 / wall, pct(lat, 50), pct(lat, 90),
                    pct(lat, 99), pct(lat, 100));
            System.out.println("load average after: " + loadAverage());
            assertThat(errors).isZero();
            assertThat(WebFixture.emptied(s.tempRoot())).isEmpty();
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Percentile by linear interpolation (R type 7). */
    private static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
