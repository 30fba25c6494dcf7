package org.nacrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.Csv;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;

/**
 * Kill and resume: {@code nacrad extract --batch} and {@code nacrad study} run in a child JVM that is killed with
 * SIGKILL at random moments and then run again. The run that finally completes must give exactly what an
 * uninterrupted run gives, byte for byte, with each case once; a parameter change between a killed run and the
 * next must leave nothing of the old parameters.
 */
class KillAndResumeTest {

    @TempDir
    static Path dir;

    /** The kill moments are random but the same on every build. */
    private final Random random = new Random(20261203);

    static final String PARAMS_A = "imageType: {Original: {}}\nfeatureClass:\n  firstorder:\n  glcm:\n  glrlm:\n"
            + "setting: {binWidth: 25, label: 1}\n";
    static final String PARAMS_B = PARAMS_A.replace("binWidth: 25", "binWidth: 10");
    static final int CASES = 20;

    @BeforeAll
    static void cases() throws IOException {
        StringBuilder csv = new StringBuilder("ID,Image,Mask\n");
        int n = 40;
        Geometry g = Geometry.of(new int[] {n, n, 12}, new double[] {0.8, 0.8, 2}, new double[] {0, 0, 0});
        for (int c = 0; c < CASES; c++) {
            java.util.SplittableRandom rng = new java.util.SplittableRandom(c);
            double[] v = new double[n * n * 12];
            double[] m = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                int x = k % n;
                int y = (k / n) % n;
                int z = k / (n * n);
                v[k] = 400 + Math.round(rng.nextGaussian() * (30 + 5 * c)) + 2 * x;
                m[k] = x > 4 && x < n - 4 && y > 6 && y < n - 5 && z > 1 && z < 11 ? 1 : 0;
            }
            Path d = Files.createDirectories(dir.resolve("images/" + c));
            ImageIO.write(new Volume(g, PixelType.INT16, v), d.resolve("t1.nii.gz"));
            ImageIO.write(new Volume(g, PixelType.UINT8, m), d.resolve("roi.nii.gz"));
            csv.append(String.format("K%02d,images/%d/t1.nii.gz,images/%d/roi.nii.gz%n", c, c, c));
        }
        Files.writeString(dir.resolve("cases.csv"), csv);
        Files.writeString(dir.resolve("a.yaml"), PARAMS_A);
        Files.writeString(dir.resolve("b.yaml"), PARAMS_B);
    }

    /** A child JVM running {@code nacrad ARGS} in the test folder, its output in {@code log}. */
    static Process start(String log, String... args) throws IOException {
        return ChildJvm.start(dir, "1g", dir.resolve(log), args);
    }

    /** Runs to the end; the exit code. */
    static int complete(String log, String... args) throws Exception {
        return ChildJvm.run(dir, "1g", dir.resolve(log), args);
    }

    /**
     * Starts a run and kills it with SIGKILL after {@code millis}, unless it ends by itself before; whether it was
     * killed.
     */
    static boolean kill(long millis, String log, String... args) throws Exception {
        Process p = start(log, args);
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor();
        return true;
    }

    static List<String> ids(Path csv) throws IOException {
        return Csv.parse(Files.readString(csv)).stream().skip(1).map(r -> r.get(0)).toList();
    }

    /** An uninterrupted batch: the reference; returns its duration in ms. */
    static long reference(String params, String out) throws Exception {
        long t0 = System.nanoTime();
        assertThat(complete(out + ".log", "extract", "--batch", "cases.csv", "--param", params, "--out", out,
                "--jobs", "2")).isZero();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aBatchKilledAtRandomMomentsEndsAsAnUninterruptedOne() throws Exception {
        long full = reference("a.yaml", "ref-a.csv");
        int killed = 0;
        for (int k = 0; k < 4; k++) {
            killed += kill(300 + random.nextInt((int) Math.max(400, full * 9 / 10)), "killed-" + k + ".log",
                    "extract", "--batch", "cases.csv", "--param", "a.yaml", "--out", "resumed.csv", "--jobs", "2")
                    ? 1 : 0;
        }
        assertThat(killed).as("runs killed before they ended").isPositive();
        assertThat(complete("resumed.log", "extract", "--batch", "cases.csv", "--param", "a.yaml", "--out",
                "resumed.csv", "--jobs", "2")).isZero();
        String done = Files.readString(dir.resolve("resumed.log"));
        assertThat(done).contains("nacrad extract: " + CASES + " cases: ").contains(" 0 failed");
        assertThat(Files.readString(dir.resolve("resumed.csv"))).isEqualTo(Files.readString(dir.resolve("ref-a.csv")));
        assertThat(Files.readString(dir.resolve("resumed.csv.provenance.csv")))
                .isEqualTo(Files.readString(dir.resolve("ref-a.csv.provenance.csv")));
        assertThat(ids(dir.resolve("resumed.csv"))).doesNotHaveDuplicates().hasSize(CASES);
        assertThat(dir.resolve("resumed.csv.partial")).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anotherParameterFileAfterAKilledRunKeepsNothingOfTheOld() throws Exception {
        reference("b.yaml", "ref-b.csv");
        // a run with parameters A, killed once some cases are in its journal
        Process p = start("a-killed.log", "extract", "--batch", "cases.csv", "--param", "a.yaml", "--out",
                "switched.csv", "--jobs", "2");
        Path journal = dir.resolve("switched.csv.partial");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (p.isAlive() && System.nanoTime() < deadline
                && (!Files.exists(journal) || Files.readAllLines(journal).size() < 3)) {
            Thread.sleep(20);
        }
        p.destroyForcibly();
        p.waitFor();
        assertThat(Files.readAllLines(journal).size()).isGreaterThanOrEqualTo(3);
        // then parameters B to the end
        assertThat(complete("b-after-a.log", "extract", "--batch", "cases.csv", "--param", "b.yaml", "--out",
                "switched.csv", "--jobs", "2")).isZero();
        String log = Files.readString(dir.resolve("b-after-a.log"));
        assertThat(log).contains("stored result made with other extraction settings: extracted again")
                .contains(CASES + " cases: " + CASES + " extracted, 0 already done, 0 failed");
        assertThat(Files.readString(dir.resolve("switched.csv"))).isEqualTo(Files.readString(dir.resolve("ref-b.csv")));
        // and A again after a complete B: every row is A's, none reused
        assertThat(complete("a-after-b.log", "extract", "--batch", "cases.csv", "--param", "a.yaml", "--out",
                "switched.csv", "--jobs", "2")).isZero();
        assertThat(Files.readString(dir.resolve("a-after-b.log"))).contains(CASES + " cases: " + CASES
                + " extracted, 0 already done");
        reference("a.yaml", "ref-a2.csv");
        assertThat(Files.readString(dir.resolve("switched.csv"))).isEqualTo(Files.readString(dir.resolve("ref-a2.csv")));
    }

    @Test
    void aStudyKilledAtRandomMomentsEndsAsAnUninterruptedOne() throws Exception {
        // 48 simulated patients, the original image's shape, first-order and GLCM features, no bootstrap
        // (the literature preset: in 48 patients of the paper preset, seed 3, Ki-67 separates the training outcomes)
        new Simulator(SimulationConfig.preset(SimulationConfig.Preset.LITERATURE).withPatients(48).withSeed(3))
                .write(dir.resolve("cohort"), 2, null);
        Files.writeString(dir.resolve("study-params.yaml"), "imageType: {Original: {}}\nfeatureClass:\n  shape:\n"
                + "  firstorder:\n  glcm:\nsetting: {binWidth: 25, label: 1}\n");
        for (String out : List.of("ref", "resumed")) {
            Files.writeString(dir.resolve(out + ".yaml"), "manifest: cohort/manifest.csv\noutput: " + out + "-study\n"
                    + "radiomics: {params: study-params.yaml}\nselection: {folds: 5}\nevaluation: {bootstrap: 0}\n");
        }
        long t0 = System.nanoTime();
        assertThat(complete("ref-study.log", "study", "ref.yaml", "--jobs", "2")).isZero();
        long full = (System.nanoTime() - t0) / 1_000_000;
        int killed = 0;
        for (int k = 0; k < 3; k++) {
            killed += kill(500 + random.nextInt((int) Math.max(500, full * 8 / 10)), "study-killed-" + k + ".log",
                    "study", "resumed.yaml", "--jobs", "2") ? 1 : 0;
        }
        assertThat(killed).as("runs killed before they ended").isPositive();
        assertThat(complete("resumed-study.log", "study", "resumed.yaml", "--jobs", "2")).isZero();
        Path ref = dir.resolve("ref-study");
        Path resumed = dir.resolve("resumed-study");
        assertThat(Files.readString(resumed.resolve("summary.json"))).isEqualTo(Files.readString(ref.resolve("summary.json")));
        for (String t : List.of("predictions", "performance", "radiomics_selected", "univariate", "delong")) {
            assertThat(Files.readString(resumed.resolve("tables/" + t + ".csv"))).as(t)
                    .isEqualTo(Files.readString(ref.resolve("tables/" + t + ".csv")));
        }
        for (String step : List.of("radiomics", "diffusion")) {
            try (Stream<Path> r = Files.list(ref.resolve("cache/" + step));
                 Stream<Path> s = Files.list(resumed.resolve("cache/" + step))) {
                List<String> a = r.map(p -> p.getFileName().toString()).sorted().toList();
                List<String> b = s.map(p -> p.getFileName().toString()).sorted().toList();
                assertThat(b).as(step).isEqualTo(a).hasSize(48);
                for (String f : a) {
                    assertThat(Files.readString(resumed.resolve("cache/" + step + "/" + f)))
                            .isEqualTo(Files.readString(ref.resolve("cache/" + step + "/" + f)));
                }
            }
        }
    }
}
