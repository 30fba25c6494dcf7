package org.nacrad.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.nacrad.cli.JobsOption;
import org.nacrad.image.Volume;
import org.nacrad.io.Csv;
import org.nacrad.io.ErrorText;
import org.nacrad.radiomics.ExtractionException;
import org.nacrad.radiomics.ImageFiles;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.RadiomicsExtractor;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nacrad bench CASES.csv}: how long the extraction of each case takes inside one JVM, the figure to compare with
 * PyRadiomics' {@code extractor.execute()} called in one Python process. Per case: reading the image and mask, the
 * first extraction in this JVM for that case (it includes code not yet compiled by the JIT), and the median and
 * minimum of {@code --repeat} further extractions ("warm"). Single thread unless {@code --jobs} says otherwise, as
 * PyRadiomics runs. {@code tools/speed_vs_pyradiomics.py} runs it beside PyRadiomics; docs/performance.md has this
 * machine's table.
 *
 * <p>{@code CASES.csv} has a header with the columns {@code id} (or {@code case}), {@code image}, {@code mask} and
 * optionally {@code label}, in any case and order; paths are relative to the CSV's folder (the reference's
 * {@code speed/cases.csv} is one).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the extraction of each case in one JVM: read, first call and warm calls (median, min).")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASES.csv", description = "Cases: id (or case), image, mask[, label].")
    Path cases;

    @Option(names = "--param", paramLabel = "FILE",
            description = "PyRadiomics parameter file (default: params/nac-851.yaml's 851 features).")
    Path param;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "Warm extractions per case after the first (default 5).")
    int repeat;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or csv.")
    Format format;

    @CommandLine.Mixin
    JobsOption jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Output formats. */
    public enum Format { table, csv }

    /** One case's timings, in seconds. */
    record Timing(String id, int features, double read, double first, double warmMedian, double warmMin) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1) {
            err.println("nacrad bench: --repeat must be at least 1, got " + repeat);
            return 2;
        }
        int threads = jobs.given() ? jobs.jobs() : 1;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            ParameterFile base = param != null ? ParameterFile.read(param) : ParameterFile.nac851OrDefaults();
            List<Timing> rows = new ArrayList<>();
            for (List<String> c : readCases(cases)) {
                ParameterFile p = c.get(3).isEmpty() ? base : base.withSetting("label", parseLabel(c));
                RadiomicsExtractor x = pool == null ? new RadiomicsExtractor(p) : new RadiomicsExtractor(p, pool);
                Path dir = cases.toAbsolutePath().getParent();
                long t0 = System.nanoTime();
                Volume image = ImageFiles.read(dir.resolve(c.get(1)));
                Volume mask = ImageFiles.read(dir.resolve(c.get(2)));
                long t1 = System.nanoTime();
                int n = x.execute(image, mask).features().size();
                long t2 = System.nanoTime();
                double[] warm = new double[repeat];
                for (int r = 0; r < repeat; r++) {
                    long s = System.nanoTime();
                    x.execute(image, mask);
                    warm[r] = (System.nanoTime() - s) * 1e-9;
                }
                Arrays.sort(warm);
                double median = repeat % 2 == 1 ? warm[repeat / 2] : (warm[repeat / 2 - 1] + warm[repeat / 2]) / 2;
                rows.add(new Timing(c.get(0), n, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, median, warm[0]));
            }
            print(rows, threads);
            return 0;
        } catch (ExtractionException | IOException | IllegalArgumentException e) {
            err.println("nacrad bench: " + ErrorText.of(e));
            return 1;
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private void print(List<Timing> rows, int threads) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            out.println("case,features,read_s,first_s,warm_median_s,warm_min_s,threads,repeat");
            for (Timing t : rows) {
                out.println(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f,%.4f,%d,%d", Csv.quote(t.id()),
                        t.features(), t.read(), t.first(), t.warmMedian(), t.warmMin(), threads, repeat));
            }
        } else {
            out.println(String.format(Locale.ROOT, "%-20s %8s %8s %9s %12s %10s", "case", "features", "read s",
                    "first s", "warm med s", "warm min s"));
            for (Timing t : rows) {
                out.println(String.format(Locale.ROOT, "%-20s %8d %8.3f %9.3f %12.4f %10.4f", t.id(), t.features(),
                        t.read(), t.first(), t.warmMedian(), t.warmMin()));
            }
            out.println(String.format(Locale.ROOT, "(%d thread%s, %d warm calls per case, %s)", threads,
                    threads == 1 ? "" : "s", repeat, Runtime.version()));
        }
        out.flush();
    }

    private static int parseLabel(List<String> c) {
        try {
            return Integer.parseInt(c.get(3).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("case " + c.get(0) + ": label '" + c.get(3) + "' is not a whole number");
        }
    }

    /** The cases as [id, image, mask, label or ""], columns found by name. */
    static List<List<String>> readCases(Path file) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(file));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected a header id,image,mask[,label]");
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("id") >= 0 ? header.indexOf("id") : header.indexOf("case");
        int image = header.indexOf("image");
        int mask = header.indexOf("mask");
        int label = header.indexOf("label");
        if (id < 0 || image < 0 || mask < 0) {
            throw new IllegalArgumentException(file + ": the header needs columns id (or case), image and mask, found "
                    + rows.get(0));
        }
        List<List<String>> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() < header.size()) {
                throw new IllegalArgumentException(file + ": row " + (r + 1) + " has " + row.size() + " fields, the "
                        + "header " + header.size());
            }
            out.add(List.of(row.get(id), row.get(image), row.get(mask), label >= 0 ? row.get(label) : ""));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no cases below the header");
        }
        return out;
    }
}
