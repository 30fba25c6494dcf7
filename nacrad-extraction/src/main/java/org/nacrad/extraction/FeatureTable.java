package org.nacrad.extraction;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nacrad.io.AtomicFile;
import org.nacrad.io.Csv;

/**
 * The batch feature table, as PyRadiomics' batch mode writes it: one CSV row per case, {@code ID,Image,Mask,Label,
 * Error} (and {@code Segment} when a case has one) then every diagnostic and feature, failed cases with their error
 * and no values. Beside it, {@code FEATURES.csv.provenance.csv} records what made each row: the case key, the
 * parameter hash, the nacrad version, the SHA-256 of each input file and of the row itself. The table stays exactly
 * PyRadiomics' layout (scripts that read it are unaffected); the provenance file is what lets a rerun reuse a row
 * only when nothing it depends on has changed and the row is intact.
 */
public final class FeatureTable {

    /** The first columns of every feature table. */
    public static final List<String> ID_COLUMNS = List.of("ID", "Image", "Mask", "Label", "Error");

    static final List<String> PROVENANCE_COLUMNS = List.of("ID", "Key", "ParameterHash", "NacradVersion", "Inputs",
            "RowSha256");

    private FeatureTable() {
    }

    /**
     * One line of the table.
     *
     * @param columns the identifying columns as the batch file gave them: ID, Image, Mask, Label and, when not empty,
     *                Segment
     * @param key     the case key ({@link CaseExtractor#key}), or null when the inputs could not be checksummed
     * @param row     the case's row
     */
    public record Line(Map<String, String> columns, String key, CaseRow row) {
    }

    /** The provenance file beside a table. */
    public static Path provenanceFile(Path table) {
        return table.resolveSibling(table.getFileName() + ".provenance.csv");
    }

    /** Writes the table, then its provenance file, each atomically. */
    public static void write(Path out, List<Line> lines) throws IOException {
        Set<String> header = new LinkedHashSet<>(ID_COLUMNS);
        List<Map<String, String>> cells = new ArrayList<>();
        for (Line l : lines) {
            Map<String, String> r = new LinkedHashMap<>(l.columns());
            r.put("Error", l.row().ok() ? "" : l.row().error());
            r.putAll(l.row().diagnostics());
            l.row().features().forEach((k, v) -> r.put(k, CaseExtractor.text(v)));
            header.addAll(r.keySet());
            cells.add(r);
        }
        AtomicFile.write(out, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            w.write(Csv.line(new ArrayList<>(header)));
            for (Map<String, String> r : cells) {
                List<String> line = new ArrayList<>(header.size());
                for (String h : header) {
                    line.add(r.getOrDefault(h, ""));
                }
                w.write(Csv.line(line));
            }
            w.flush();
        });
        StringBuilder p = new StringBuilder(Csv.line(PROVENANCE_COLUMNS));
        for (Line l : lines) {
            CaseRow r = l.row();
            StringBuilder inputs = new StringBuilder();
            r.inputChecksums().forEach((role, sum) -> inputs.append(inputs.length() == 0 ? "" : ";").append(role)
                    .append('=').append(sum));
            boolean stored = r.ok() && l.key() != null;
            p.append(Csv.line(List.of(r.id(), stored ? l.key() : "", r.parameterHash(), r.nacradVersion(),
                    inputs.toString(), stored ? new StoredCase(l.key(), r).sha256() : "")));
        }
        AtomicFile.writeString(provenanceFile(out), p);
    }

    /**
     * The successful rows of a table written by {@link #write}, verified against its provenance file: id → the
     * stored case, or → the reason it cannot be reused (a {@link String}).
     *
     * @throws IOException the file exists but is not a feature table (the caller refuses to replace it)
     */
    static Map<String, Object> read(Path table) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.exists(table)) {
            return out;
        }
        List<List<String>> rows = Csv.parse(Files.readString(table, StandardCharsets.UTF_8));
        if (rows.isEmpty() || rows.get(0).size() < ID_COLUMNS.size()
                || !rows.get(0).subList(0, ID_COLUMNS.size()).equals(ID_COLUMNS)) {
            throw new IOException(table + ": exists and is not a nacrad extract output; remove it or choose another "
                    + "--out");
        }
        Map<String, List<String>> provenance = readProvenance(provenanceFile(table));
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            String id = r.isEmpty() ? "" : r.get(0);
            if (r.size() != header.size()) {
                out.put(id, table + ": the row of " + id + " has " + r.size() + " fields, the header " + header.size()
                        + " (cut short?)");
                continue;
            }
            if (!r.get(4).isEmpty()) {
                continue; // failed: tried again
            }
            List<String> p = provenance.get(id);
            if (p == null || p.get(1).isEmpty()) {
                out.put(id, table + ": no provenance record for " + id + " in " + provenanceFile(table).getFileName()
                        + " (written by an older nacrad, or the file is missing)");
                continue;
            }
            Map<String, String> diagnostics = new LinkedHashMap<>();
            Map<String, Double> features = new LinkedHashMap<>();
            try {
                for (int c = ID_COLUMNS.size(); c < header.size(); c++) {
                    String name = header.get(c);
                    String v = r.get(c);
                    if (name.equals("Segment") || v.isEmpty()) {
                        continue;
                    }
                    if (name.startsWith("diagnostics_")) {
                        diagnostics.put(name, v);
                    } else {
                        features.put(name, StoredCase.parseDouble(v));
                    }
                }
            } catch (NumberFormatException e) {
                out.put(id, table + ": the row of " + id + " holds a value that is not a number (" + e.getMessage()
                        + ")");
                continue;
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            for (String kv : p.get(4).split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    inputs.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            StoredCase c = new StoredCase(p.get(1), new CaseRow(id, features, diagnostics, null, inputs, p.get(3),
                    p.get(2)));
            out.put(id, c.sha256().equals(p.get(5)) ? c : table + ": the row of " + id + " does not match its "
                    + "provenance record (edited or cut short)");
        }
        return out;
    }

    private static Map<String, List<String>> readProvenance(Path file) throws IOException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (rows.isEmpty() || !rows.get(0).equals(PROVENANCE_COLUMNS)) {
            return m;
        }
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() == PROVENANCE_COLUMNS.size()) {
                m.put(r.get(0), r);
            }
        }
        return m;
    }
}
