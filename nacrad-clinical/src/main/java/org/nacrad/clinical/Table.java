package org.nacrad.clinical;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table of text cells with a header, read and written with Apache Commons CSV (RFC 4180). Immutable.
 *
 * @param columns the header
 * @param rows    the data rows, each as long as the header
 */
public record Table(List<String> columns, List<List<String>> rows) {

    public Table {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Index of a column, or −1. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    /** Reads a CSV file with a header row; blank lines are skipped; every row must have the header's width. */
    public static Table read(Path file) throws IOException {
        CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = fmt.parse(r)) {
            List<String> header = p.getHeaderNames();
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                if (rec.size() != header.size()) {
                    throw new IOException(file + ": line " + rec.getParser().getCurrentLineNumber() + " has "
                            + rec.size() + " fields, the header has " + header.size());
                }
                rows.add(rec.toList());
            }
            return new Table(header, rows);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + ": not a readable CSV table: " + e.getMessage(), e);
        }
    }

    /** Writes the table to a temporary file beside the target and moves it into place. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                p.printRecord(columns);
                for (List<String> r : rows) {
                    p.printRecord(r);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
