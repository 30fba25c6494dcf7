package org.nacrad.cli.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nacrad.radiomics.CaseExtractor;

/**
 * Batch extraction as PyRadiomics' batch mode: a CSV of cases ({@code ID,Image,Mask[,Label][,Segment]}; Segment
 * selects a DICOM-SEG segment or RTSTRUCT ROI when Mask is one) to one CSV row per
 * case ({@code ID,Image,Mask,Label,Error} then every diagnostic and feature).
 *
 * <ul>
 *   <li>Cases run in parallel on {@code jobs} threads, each case single-threaded; rows keep the input order.</li>
 *   <li>A failing case does not stop the batch: its row has the error (one line) and no values, and the error is
 *       also written to {@code FEATURES.csv.log}.</li>
 *   <li>Every finished case is appended at once to {@code FEATURES.csv.partial} (JSON lines); the CSV is written to
 *       a temporary file and moved into place at the end, and the partial file deleted.</li>
 *   <li>A rerun reuses the successful rows of an existing output and of a partial file left by an interrupted run
 *       (same ID, image, mask and label), so finished cases are not extracted again; failed ones are retried. Run
 *       it with the same parameters.</li>
 * </ul>
 */
public final class BatchExtraction {

    static final List<String> ID_COLUMNS = List.of("ID", "Image", "Mask", "Label", "Error");

    private final CaseExtractor params;
    private final int jobs;
    private final PrintWriter progress;

    /**
     * @param progress where to show progress (a terminal), or null for none
     */
    public BatchExtraction(CaseExtractor params, int jobs, PrintWriter progress) {
        this.params = params;
        this.jobs = jobs;
        this.progress = progress;
    }

    /** Counts of one run. */
    public record Summary(int total, int extracted, int resumed, int failed) {
    }

    /** One case of the batch CSV. */
    record Case(int line, String id, String image, String mask, String label, String segment) {
        String key() {
            return id + "\u0000" + image + "\u0000" + mask + "\u0000" + label + "\u0000" + segment;
        }
    }

    /** The log of failed cases next to the output. */
    public static Path logFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".log");
    }

    static Path partialFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".partial");
    }

    /** Runs the batch. */
    public Summary run(Path casesCsv, Path out) throws IOException {
        List<Case> cases = readCases(casesCsv);
        Map<String, Map<String, String>> done = new HashMap<>();
        readPrevious(out, done);
        readPartial(partialFile(out), done);

        Path base = casesCsv.toAbsolutePath().getParent();
        ObjectMapper json = new ObjectMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        List<Future<Map<String, String>>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        int resumed = 0;
        int[] finished = {0, 0};
        try (BufferedWriter partial = Files.newBufferedWriter(partialFile(out), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Case c : cases) {
                Map<String, String> previous = done.get(c.key());
                if (previous != null) {
                    resumed++;
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(previous));
                    continue;
                }
                futures.add(pool.submit(() -> {
                    Map<String, String> row = extract(c, base);
                    synchronized (partial) {
                        partial.write(json.writeValueAsString(row));
                        partial.newLine();
                        partial.flush();
                        finished[0]++;
                        if (!row.get("Error").isEmpty()) {
                            finished[1]++;
                        }
                        showProgress(finished[0], cases.size(), finished[1]);
                    }
                    return row;
                }));
            }
            for (Future<Map<String, String>> f : futures) {
                rows.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (progress != null) {
            progress.print("\r\033[K");
            progress.flush();
        }
        write(rows, out);
        int failed = 0;
        StringBuilder log = new StringBuilder();
        for (Map<String, String> r : rows) {
            if (!r.get("Error").isEmpty()) {
                failed++;
                log.append(r.get("ID")).append(": ").append(r.get("Error")).append('\n');
            }
        }
        if (failed > 0) {
            Files.writeString(logFile(out), log.toString(), StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(logFile(out));
        }
        Files.deleteIfExists(partialFile(out));
        return new Summary(cases.size(), cases.size() - resumed, resumed, failed);
    }

    private Map<String, String> extract(Case c, Path base) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ID", c.id());
        row.put("Image", c.image());
        row.put("Mask", c.mask());
        row.put("Label", c.label());
        if (!c.segment().isEmpty()) {
            row.put("Segment", c.segment());
        }
        row.put("Error", "");
        try {
            CaseExtractor p = params;
            if (!c.label().isEmpty()) {
                p = p.withLabel(Integer.parseInt(c.label()));
            }
            p.extract(base.resolve(c.image()), base.resolve(c.mask()), c.segment().isEmpty() ? null : c.segment())
                    .forEach((k, v) -> row.put(k, ExtractCommand.text(v)));
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            row.put("Error", m.lines().findFirst().orElse(m));
        }
        return row;
    }

    private void showProgress(int finished, int total, int failed) {
        if (progress != null) {
            progress.print(String.format(Locale.ROOT, "\rnacrad extract: %d/%d cases%s", finished, total,
                    failed > 0 ? " (" + failed + " failed)" : ""));
            progress.flush();
        }
    }

    /** Writes the rows to a temporary file next to {@code out} and moves it into place. */
    private static void write(List<Map<String, String>> rows, Path out) throws IOException {
        Set<String> header = new LinkedHashSet<>(ID_COLUMNS);
        for (Map<String, String> r : rows) {
            header.addAll(r.keySet());
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(Csv.line(new ArrayList<>(header)));
            for (Map<String, String> r : rows) {
                List<String> cells = new ArrayList<>();
                for (String h : header) {
                    cells.add(r.getOrDefault(h, ""));
                }
                w.write(Csv.line(cells));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cases of a batch CSV; errors name the file and line. */
    static List<Case> readCases(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": batch file not found");
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty batch file (expected a header ID,Image,Mask[,Label])");
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        int id = header.indexOf("ID");
        int image = header.indexOf("Image");
        int mask = header.indexOf("Mask");
        int label = header.indexOf("Label");
        int segment = header.indexOf("Segment");
        if (image < 0 || mask < 0) {
            throw new IOException(file + ": line 1: header must have columns Image and Mask (and ID, Label), got "
                    + header);
        }
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int n = 1; n < rows.size(); n++) {
            List<String> r = rows.get(n);
            int line = n + 1;
            String img = cell(r, image);
            String msk = cell(r, mask);
            if (img.isEmpty() || msk.isEmpty()) {
                throw new IOException(file + ": line " + line + ": Image and Mask must not be empty");
            }
            String lab = label < 0 ? "" : cell(r, label);
            if (!lab.isEmpty() && !lab.matches("[1-9][0-9]*")) {
                throw new IOException(file + ": line " + line + ", column Label: expected a positive integer, got '"
                        + lab + "'");
            }
            String caseId = id < 0 ? "case-" + n : cell(r, id);
            if (!ids.add(caseId)) {
                throw new IOException(file + ": line " + line + ", column ID: duplicate ID '" + caseId + "'");
            }
            cases.add(new Case(line, caseId, img, msk, lab, segment < 0 ? "" : cell(r, segment)));
        }
        return cases;
    }

    private static String cell(List<String> row, int col) {
        return col < row.size() ? row.get(col).trim() : "";
    }

    /** Successful rows of a previous output. */
    private static void readPrevious(Path out, Map<String, Map<String, String>> done) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        List<List<String>> rows = Csv.parse(Files.readString(out, StandardCharsets.UTF_8));
        if (rows.isEmpty() || !rows.get(0).subList(0, Math.min(5, rows.get(0).size())).equals(ID_COLUMNS)) {
            throw new IOException(out + ": exists and is not a nacrad extract output; remove it or choose another --out");
        }
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < r.size(); c++) {
                row.put(header.get(c), r.get(c));
            }
            remember(row, done);
        }
    }

    /** Successful rows of an interrupted run. */
    private static void readPartial(Path partial, Map<String, Map<String, String>> done) throws IOException {
        if (!Files.exists(partial)) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(partial, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                remember(json.readValue(line, new TypeReference<LinkedHashMap<String, String>>() { }), done);
            } catch (IOException e) {
                // a line cut short by the interruption: that case is extracted again
            }
        }
    }

    private static void remember(Map<String, String> row, Map<String, Map<String, String>> done) {
        if ("".equals(row.get("Error")) && row.containsKey("ID")) {
            Case c = new Case(0, row.get("ID"), row.getOrDefault("Image", ""), row.getOrDefault("Mask", ""),
                    row.getOrDefault("Label", ""), row.getOrDefault("Segment", ""));
            done.put(c.key(), row);
        }
    }

}
