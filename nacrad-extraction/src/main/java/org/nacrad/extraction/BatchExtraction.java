package org.nacrad.extraction;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nacrad.io.AtomicFile;
import org.nacrad.io.Csv;

/**
 * Batch extraction as PyRadiomics' batch mode: a CSV of cases ({@code ID,Image,Mask[,Label][,Segment]}; paths
 * relative to the CSV; Segment selects a DICOM-SEG segment or RTSTRUCT ROI when Mask is one) to a
 * {@link FeatureTable}, through {@link CaseRunner}.
 *
 * <ul>
 *   <li>Cases run in parallel on {@code jobs} threads, each case single-threaded; rows keep the input order.</li>
 *   <li>A failing case does not stop the batch: its row has the error (one line) and no values; the errors are also
 *       written to {@code FEATURES.csv.log}.</li>
 *   <li>Every finished case is appended at once to {@code FEATURES.csv.partial}; the table and its provenance file
 *       are written atomically at the end and the partial file deleted.</li>
 *   <li>A rerun reuses a case from the previous table or the partial file only when its parameters, label, segment
 *       and input files (by SHA-256) are unchanged and the stored row is intact; anything else is extracted again
 *       and said so. Failed cases are tried again.</li>
 * </ul>
 */
public final class BatchExtraction {

    private final CaseExtractor extractor;
    private final Integer label;
    private final int jobs;
    private final Duration timeLimit;

    /**
     * @param label     the label of every case without a Label of its own, or null for the parameter file's
     * @param timeLimit longest time per case, or null for none
     */
    public BatchExtraction(ExtractionSettings settings, Integer label, int jobs, Duration timeLimit) {
        this.extractor = new CaseExtractor(settings);
        this.label = label;
        this.jobs = jobs;
        this.timeLimit = timeLimit;
    }

    /**
     * What a run did.
     *
     * @param total     cases in the batch file
     * @param extracted cases extracted now, successfully
     * @param resumed   cases reused from the previous output or an interrupted run
     * @param failed    cases whose row has an error
     * @param notes     stored results not reused, and why
     */
    public record Summary(int total, int extracted, int resumed, int failed, List<CaseRunner.Note> notes) {
    }

    /** One case of the batch CSV, as written there. */
    record Case(int line, String id, String image, String mask, String label, String segment) {
    }

    /** The log of failed cases next to the output. */
    public static Path logFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".log");
    }

    /** The journal of an interrupted run next to the output. */
    public static Path partialFile(Path out) {
        return FeatureTableStore.journalFile(out);
    }

    /** Runs the batch. */
    public Summary run(Path casesCsv, Path out, CaseRunner.Listener listener) throws IOException {
        List<Case> cases = readCases(casesCsv);
        Path base = casesCsv.toAbsolutePath().getParent();
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("the batch file", casesCsv);
        List<CaseSpec> specs = new ArrayList<>();
        for (Case c : cases) {
            CaseSpec s = CaseSpec.radiomics(c.id(), base.resolve(c.image()), base.resolve(c.mask()),
                    c.label().isEmpty() ? label : Integer.valueOf(c.label()), c.segment());
            inputs.put("the image of case " + c.id(), s.image());
            inputs.put("the mask of case " + c.id(), s.mask());
            specs.add(s);
        }
        for (Path o : List.of(out, FeatureTable.provenanceFile(out), logFile(out), partialFile(out))) {
            AtomicFile.target(o);
            AtomicFile.requireNotAnInput(o, inputs);
            AtomicFile.removeLeftoversOf(o);
        }
        CaseRunner.Result r;
        try (FeatureTableStore store = new FeatureTableStore(out)) {
            r = new CaseRunner(extractor, store, jobs, timeLimit).run(specs, listener);
        }
        List<FeatureTable.Line> lines = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            CaseRow row = r.rows().get(i);
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("ID", c.id());
            columns.put("Image", c.image());
            columns.put("Mask", c.mask());
            columns.put("Label", c.label());
            if (!c.segment().isEmpty()) {
                columns.put("Segment", c.segment());
            }
            lines.add(new FeatureTable.Line(columns, r.keys().get(i), row));
            if (!row.ok()) {
                log.append(c.id()).append(": ").append(row.error()).append('\n');
            }
        }
        for (CaseRunner.Note n : r.notes()) {
            log.append(n.id()).append(": ").append(n.reason()).append('\n');
        }
        FeatureTable.write(out, lines);
        if (log.length() > 0) {
            AtomicFile.writeString(logFile(out), log);
        } else {
            Files.deleteIfExists(logFile(out));
        }
        Files.deleteIfExists(partialFile(out));
        return new Summary(cases.size(), r.extracted(), r.reused(), r.failed(), r.notes());
    }

    /** The cases of a batch CSV; errors name the file, line and column. */
    static List<Case> readCases(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": batch file not found");
        } catch (MalformedInputException e) {
            throw new IOException(file + ": not a text (UTF-8) file");
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty batch file (expected a header ID,Image,Mask[,Label])");
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        for (int c = 0; c < header.size(); c++) {
            if (header.indexOf(header.get(c)) < c) {
                throw new IOException(file + ": line 1: column " + header.get(c) + " appears twice in the header");
            }
        }
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
            if (r.stream().map(String::trim).toList().equals(header)) {
                throw new IOException(file + ": line " + line + " repeats the header (were two files joined?)");
            }
            String img = cell(r, image);
            String msk = cell(r, mask);
            if (img.isEmpty() || msk.isEmpty()) {
                throw new IOException(file + ": line " + line + ": Image and Mask must not be empty");
            }
            String lab = label < 0 ? "" : cell(r, label);
            if (!lab.isEmpty() && !lab.matches("[1-9][0-9]{0,8}")) {
                throw new IOException(file + ": line " + line + ", column Label: expected a positive integer, got '"
                        + lab + "'");
            }
            String caseId = id < 0 ? "case-" + n : cell(r, id);
            if (caseId.isEmpty()) {
                throw new IOException(file + ": line " + line + ", column ID: empty ID");
            }
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
}
