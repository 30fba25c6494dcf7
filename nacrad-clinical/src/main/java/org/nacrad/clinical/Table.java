package org.nacrad.clinical;

import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.nacrad.io.AtomicFile;

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

    /**
     * Reads a CSV file with a header row; blank lines are skipped; every row must have the header's width. A column
     * name given twice, or the header repeated as a data row (two files concatenated), is an error naming the line.
     */
    public static Table read(Path file) throws IOException {
        CSVFormat fmt = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = fmt.parse(r)) {
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                if (header == null) {
                    header = rec.toList();
                    for (int c = 0; c < header.size(); c++) {
                        if (header.indexOf(header.get(c)) < c) {
                            throw new IOException(file + ": line " + line + ": column '" + header.get(c)
                                    + "' appears twice in the header");
                        }
                    }
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new IOException(file + ": line " + line + " has " + rec.size() + " fields, the header has "
                            + header.size());
                }
                if (rec.toList().equals(header)) {
                    throw new IOException(file + ": line " + line + " repeats the header (were two files joined?)");
                }
                rows.add(rec.toList());
            }
            if (header == null) {
                throw new IOException(file + ": empty file (a header line is required)");
            }
            return new Table(header, rows);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + ": not a readable CSV table: " + e.getMessage(), e);
        }
    }

    /** Writes the table atomically ({@link AtomicFile}). */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            p.printRecord(columns);
            for (List<String> r : rows) {
                p.printRecord(r);
            }
            p.flush();
        });
    }
}
