package org.nacrad.extraction;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.nacrad.io.AtomicFile;

/**
 * The store of a batch: the rows of the previous output ({@link FeatureTable#read}, verified against its provenance
 * file) and a journal, {@code FEATURES.csv.partial}, to which each finished case is appended at once (one
 * {@link StoredCase} JSON line, flushed), so a killed run loses at most the cases in progress. Journal lines win
 * over the previous table; a line cut short by the kill is recognised by its checksum.
 */
final class FeatureTableStore implements CaseStore, AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\":(\"(?:[^\"\\\\]|\\\\.)*\")");

    private final Map<String, Object> entries = new HashMap<>();
    private final Path journal;
    private BufferedWriter writer;

    FeatureTableStore(Path table) throws IOException {
        entries.putAll(FeatureTable.read(table));
        journal = journalFile(table);
        if (Files.isRegularFile(journal)) {
            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    StoredCase c = StoredCase.parse(line);
                    entries.put(c.row().id(), c);
                } catch (StoredCase.DamagedException e) {
                    String id = idOf(line);
                    if (id != null) {
                        entries.put(id, journal + ": line " + (n + 1) + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /** The journal of a table. */
    static Path journalFile(Path table) {
        return table.resolveSibling(table.getFileName() + ".partial");
    }

    @Override
    public synchronized StoredCase find(String id) throws StoredCase.DamagedException {
        Object e = entries.get(id);
        if (e instanceof String why) {
            throw new StoredCase.DamagedException(why);
        }
        return (StoredCase) e;
    }

    @Override
    public synchronized void save(StoredCase c) throws IOException {
        if (writer == null) {
            AtomicFile.target(journal);
            writer = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        writer.write(c.toJson());
        writer.newLine();
        writer.flush();
        entries.put(c.row().id(), c);
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    /** The id of a damaged journal line, when it can still be read. */
    private static String idOf(String line) {
        Matcher m = ID.matcher(line);
        if (!m.find()) {
            return null;
        }
        try {
            return new ObjectMapper().readValue(m.group(1), String.class);
        } catch (IOException e) {
            return null;
        }
    }
}
