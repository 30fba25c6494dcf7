package org.nacrad.cli.extract;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.nacrad.radiomics.ExtractionException;
import org.nacrad.radiomics.CaseExtractor;
import org.nacrad.radiomics.PythonRepr;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nacrad extract}: PyRadiomics-compatible feature extraction for one case or a batch.
 *
 * <pre>
 *   nacrad extract IMAGE MASK [--param FILE] [--standard pyradiomics|ibsi] [--label N] [--format csv|json] [--out FILE] [--jobs N]
 *   nacrad extract --batch CASES.csv --out FEATURES.csv [--param FILE] [--jobs N]
 * </pre>
 */
@Command(name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts radiomic features from an image and a label map as PyRadiomics does (same names, same values).",
            "Without --param: nacrad's nac-851.yaml (Original + Wavelet, all default features), else PyRadiomics' "
                    + "defaults; with --standard ibsi: IBSI-1 defaults (3D, no interpolation, FBN 32, every family).",
            "Batch mode: a CSV with columns ID,Image,Mask[,Label] (relative paths are relative to the CSV); one output "
                    + "row per case; failed cases keep their error in the row and in FEATURES.csv.log; a rerun "
                    + "skips cases already done."})
public final class ExtractCommand implements Callable<Integer> {

    /** Output formats of a single case. */
    public enum Format { csv, json }

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "Image file (.nrrd, .nhdr, .nii, .nii.gz, .hdr/.img).")
    Path image;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MASK", description = "Label map on the image's grid.")
    Path mask;

    @Option(names = "--param", paramLabel = "FILE", description = "Parameter file (YAML or JSON): PyRadiomics', or "
            + "IBSI mode's (setting: {standard: ibsi}; see params/ibsi-*.yaml).")
    Path param;

    @Option(names = "--standard", paramLabel = "S", description = "pyradiomics (default: PyRadiomics-identical "
            + "features) or ibsi (IBSI-1 processing and features, named by IBSI tag; docs/ibsi.md).")
    String standard;

    @Option(names = "--label", paramLabel = "N", description = "Label value of the ROI (overrides the parameter file).")
    Integer label;

    @Option(names = "--segment", paramLabel = "S",
            description = "When MASK is a DICOM-SEG or RTSTRUCT file: the segment (number or label) or ROI (number or name).")
    String segment;

    @Option(names = "--format", defaultValue = "csv", description = "Single case output: csv (featureName,value rows) or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output; required with --batch).")
    Path out;

    @Option(names = "--batch", paramLabel = "CASES.csv", description = "Extract every case of this CSV (ID,Image,Mask[,Label]).")
    Path batch;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "Threads: cases extracted at once in batch mode; image types and classes of the one case otherwise (default 1).")
    int jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        java.util.concurrent.ExecutorService pool = batch == null && jobs > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(jobs) : null;
        try {
            return run(err, pool);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private Integer run(PrintWriter err, java.util.concurrent.ExecutorService pool) {
        CaseExtractor params;
        try {
            params = CaseExtractor.read(param, standard, pool == null ? Runnable::run : pool);
            if (label != null) {
                params = params.withLabel(label);
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("nacrad extract: " + e.getMessage());
            return 2;
        }
        if (batch != null) {
            if (image != null || mask != null) {
                err.println("nacrad extract: give either IMAGE MASK or --batch, not both");
                return 2;
            }
            if (out == null) {
                err.println("nacrad extract: --batch needs --out FEATURES.csv");
                return 2;
            }
            if (jobs < 1) {
                err.println("nacrad extract: --jobs must be at least 1, got " + jobs);
                return 2;
            }
            try {
                BatchExtraction.Summary s = new BatchExtraction(params, jobs, System.console() != null ? err : null)
                        .run(batch, out);
                PrintWriter o = spec.commandLine().getOut();
                o.println("nacrad extract: " + s.total() + " cases: " + s.extracted() + " extracted, " + s.resumed()
                        + " already done, " + s.failed() + " failed; features in " + out
                        + (s.failed() > 0 ? ", errors in " + BatchExtraction.logFile(out) : ""));
                o.flush();
                return s.failed() > 0 ? 1 : 0;
            } catch (IOException | IllegalArgumentException e) {
                err.println("nacrad extract: " + e.getMessage());
                return 1;
            }
        }
        if (image == null || mask == null) {
            err.println("nacrad extract: give IMAGE and MASK, or --batch CASES.csv");
            return 2;
        }
        if (jobs < 1) {
            err.println("nacrad extract: --jobs must be at least 1, got " + jobs);
            return 2;
        }
        try {
            Map<String, Object> r = params.extract(image, mask, segment);
            String text = format == Format.json ? json(r) : csv(r);
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                o.print(text);
                o.flush();
            } else {
                Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".nacrad-extract", ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return 0;
        } catch (ExtractionException | IOException | IllegalArgumentException e) {
            err.println("nacrad extract: " + e.getMessage());
            return 1;
        }
    }

    /** A value as text: doubles in Python's shortest round-trip form, everything else as is. */
    static String text(Object v) {
        return v instanceof Double d ? PythonRepr.ofDouble(d) : String.valueOf(v);
    }

    /** {@code featureName,value} rows, RFC 4180 quoting. */
    static String csv(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("featureName,value\n");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(Csv.quote(e.getKey())).append(',').append(Csv.quote(text(e.getValue()))).append('\n');
        }
        return sb.toString();
    }

    /**
     * One JSON object, name → value. Finite doubles are written in the shortest form that parses back to the same
     * double; NaN and infinities (not JSON numbers) as null; diagnostics as text or integers.
     */
    static String json(Map<String, Object> values) {
        try {
            Writer w = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                for (Map.Entry<String, Object> e : values.entrySet()) {
                    g.writeFieldName(e.getKey());
                    Object v = e.getValue();
                    if (v instanceof Double d) {
                        if (Double.isFinite(d)) {
                            g.writeNumber(PythonRepr.ofDouble(d));
                        } else {
                            g.writeNull();
                        }
                    } else if (v instanceof Integer i) {
                        g.writeNumber(i);
                    } else {
                        g.writeString(String.valueOf(v));
                    }
                }
                g.writeEndObject();
            }
            return w + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
