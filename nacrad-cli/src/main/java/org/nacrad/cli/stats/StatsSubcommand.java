package org.nacrad.cli.stats;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.nacrad.io.ErrorText;
import org.nacrad.stats.data.Dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What every {@code nacrad stats} subcommand shares: the {@code --data} CSV and the {@code --format} options, reading
 * the {@link Dataset}, printing the result as indented JSON or as a table, and turning bad input into one error
 * line. A subclass keeps only its own options, its computation ({@link #compute}) and its table.
 *
 * <p>Exit codes: 0 on success; 1 when the data or the computation fail, with the line
 * {@code nacrad stats NAME: FILE: message} on stderr (the file is not repeated when the message already starts with
 * it); 2 for an option picocli cannot check alone ({@link #checkOptions}), with {@code nacrad stats NAME: message}
 * and without reading the data. picocli's own usage errors (missing or malformed options) are also exit 2.
 */
@Command(mixinStandardHelpOptions = true)
abstract class StatsSubcommand implements Callable<Integer> {

    /**
     * Pretty printer of every JSON result: two-space indent, doubles written so that they parse back exactly. In a
     * holder class so that it is made on first use, not when picocli builds the command tree at start-up (Jackson's
     * ~400 classes would load for every command, {@code nacrad --version} included).
     */
    private static final class Json {
        static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();
    }

    @Option(names = "--data", required = true, description = "Input CSV (header line, numeric columns).")
    Path data;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or table.")
    StatsFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * A computed result: the JSON object written by {@code --format json} and the printer of the table written by
     * {@code --format table}. The printer may use the computed objects directly rather than re-read the JSON.
     */
    record Output(ObjectNode json, Consumer<PrintWriter> table) {
    }

    /**
     * Checks the options that need no data (a grid to parse, a word to recognise).
     *
     * @return {@code null} when they are fine, else the problem (printed as a usage error, exit code 2)
     */
    String checkOptions() {
        return null;
    }

    /**
     * Computes the result on the data of {@code --data}.
     *
     * @throws IllegalArgumentException for bad data or a model that cannot be computed; the message is the error
     *         line after {@code nacrad stats NAME: FILE: }
     */
    abstract Output compute(Dataset d);

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String name = "nacrad stats " + spec.name() + ": ";
        String usage = checkOptions();
        if (usage != null) {
            err.println(name + usage);
            err.flush();
            return 2;
        }
        try {
            Output r = compute(Dataset.read(data));
            PrintWriter out = spec.commandLine().getOut();
            if (format == StatsFormat.json) {
                out.println(Json.WRITER.writeValueAsString(r.json()));
            } else {
                r.table().accept(out);
            }
            out.flush();
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(name + data + ": no such file");
            err.flush();
            return 1;
        } catch (IllegalArgumentException | ArithmeticException | IOException e) {
            String msg = ErrorText.of(e);
            err.println(name + (msg.startsWith(data.toString()) ? msg : data + ": " + msg));
            err.flush();
            return 1;
        }
    }

    /** A new empty JSON object, for {@link #compute} to fill. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts the array {@code values} under {@code key} in {@code o} and returns it. */
    static ArrayNode putDoubles(ObjectNode o, String key, double... values) {
        ArrayNode a = o.putArray(key);
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /**
     * The error of one cell: {@code line L, column 'C': problem}, where L is the line in the file (the header is
     * line 1, so row {@code row} counted from 0 is line {@code row + 2}).
     */
    static IllegalArgumentException cellError(int row, String column, String problem) {
        return new IllegalArgumentException("line " + (row + 2) + ", column '" + column + "': " + problem);
    }

    /**
     * Column {@code column} when every value is finite, else the error naming the first row that is not, as
     * {@code missing or non-finite WHAT}.
     */
    static double[] finiteColumn(Dataset d, String column, String what) {
        double[] x = d.column(column);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw cellError(i, column, "missing or non-finite " + what);
            }
        }
        return x;
    }
}
