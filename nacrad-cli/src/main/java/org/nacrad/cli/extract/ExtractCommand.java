package org.nacrad.cli.extract;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.nacrad.cli.JobsOption;
import org.nacrad.cli.Outputs;
import org.nacrad.extraction.BatchExtraction;
import org.nacrad.extraction.CaseExtractor;
import org.nacrad.extraction.CaseRunner;
import org.nacrad.extraction.ExtractionSettings;
import org.nacrad.io.Csv;
import org.nacrad.io.ErrorText;
import org.nacrad.radiomics.ExtractionException;
import org.nacrad.radiomics.StandardExtraction;
import org.nacrad.radiomics.PythonRepr;
import org.nacrad.radiomics.RadiomicsExtractor;
import org.nacrad.radiomics.RadiomicsResult;

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
            "Without --param: nacrad's nac-851.yaml (Original + Wavelet, all default features); with --standard ibsi "
                    + "IBSI-1 defaults (3D, no interpolation, FBN 32, every family).",
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
            + "an IBSI-mode one (setting: {standard: ibsi}; see params/ibsi-*.yaml).")
    Path param;

    @Option(names = "--standard", paramLabel = "S", description = "pyradiomics (default: PyRadiomics-identical "
            + "features) or ibsi (IBSI-1 processing and features named by IBSI tag; docs/ibsi.md).")
    String standard;

    @Option(names = "--label", paramLabel = "N", description = "Label value of the ROI (overrides the parameter file).")
    Integer label;

    @Option(names = "--segment", paramLabel = "S",
            description = "When MASK is a DICOM-SEG or RTSTRUCT file: the segment (number or label) or ROI (number or name).")
    String segment;

    @Option(names = "--format", defaultValue = "csv", description = "Single case output: csv (featureName,value rows) or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default or -: standard output; a file is required with --batch).")
    Path out;

    @Option(names = "--batch", paramLabel = "CASES.csv", description = "Extract every case of this CSV (ID,Image,Mask[,Label]).")
    Path batch;

    @CommandLine.Mixin
    JobsOption jobs;

    @Option(names = "--case-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Batch mode: a case taking longer is stopped and recorded as failed (default 1800 s).")
    long caseTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (caseTimeout <= 0) {
            err.println("nacrad extract: --case-timeout must be a positive number of seconds, got " + caseTimeout);
            return 2;
        }
        ExtractionSettings settings;
        StandardExtraction params;
        try {
            settings = ExtractionSettings.radiomics(param, standard);
            params = settings.extraction();
            if (label != null) {
                params = params.withLabel(label); // the settings schema checks it
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("nacrad extract: " + ErrorText.of(e));
            return 2;
        }
        if (batch != null) {
            if (image != null || mask != null) {
                err.println("nacrad extract: give either IMAGE MASK or --batch, not both");
                return 2;
            }
            if (Outputs.isStandardOutput(out)) {
                err.println("nacrad extract: --batch needs --out FEATURES.csv (a file: a rerun resumes from it)");
                return 2;
            }
            return batch(settings, err);
        }
        if (image == null || mask == null) {
            err.println("nacrad extract: give IMAGE and MASK, or --batch CASES.csv");
            return 2;
        }
        ExecutorService pool = jobs.jobs() > 1 ? Executors.newFixedThreadPool(jobs.jobs()) : null;
        try {
            Outputs.check(out, Outputs.inputs("the image", image, "the mask", mask, "the parameter file", param));
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            if (params instanceof StandardExtraction.PyRadiomics py) {
                // image types and classes of one case on --jobs threads
                r.putAll((pool == null ? new RadiomicsExtractor(py.parameters())
                        : new RadiomicsExtractor(py.parameters(), pool)).execute(image, mask, segment).asMap());
            } else {
                StandardExtraction.Result x = params.extract(image, mask, segment);
                r.putAll(x.diagnostics());
                r.putAll(x.features());
            }
            Outputs.write(out, format == Format.json ? json(r) : csv(r), spec.commandLine().getOut());
            return 0;
        } catch (ExtractionException | IOException | IllegalArgumentException e) {
            err.println("nacrad extract: " + ErrorText.of(e));
            return 1;
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private int batch(ExtractionSettings settings, PrintWriter err) {
        try {
            boolean terminal = System.console() != null;
            BatchExtraction.Summary s = new BatchExtraction(settings, label, jobs.jobs(),
                    Duration.ofSeconds(caseTimeout)).run(batch, out, terminal ? (done, total, failed) -> {
                        synchronized (err) {
                            err.print(String.format(Locale.ROOT, "\rnacrad extract: %d/%d cases%s", done, total,
                                    failed > 0 ? " (" + failed + " failed)" : ""));
                            err.flush();
                        }
                    } : null);
            if (terminal) {
                err.print("\r\033[K");
            }
            List<String> notes = CaseRunner.Note.summary(s.notes(), 5);
            for (int k = 0; k < notes.size(); k++) {
                if (k == 10) {
                    err.println("nacrad extract: … " + (notes.size() - 10) + " more in " + BatchExtraction.logFile(out));
                    break;
                }
                err.println("nacrad extract: " + notes.get(k));
            }
            err.flush();
            PrintWriter o = spec.commandLine().getOut();
            o.println("nacrad extract: " + s.total() + " cases: " + s.extracted() + " extracted, " + s.resumed()
                    + " already done, " + s.failed() + " failed; features in " + out
                    + (s.failed() > 0 ? ", errors in " + BatchExtraction.logFile(out) : ""));
            o.flush();
            return s.failed() > 0 ? 1 : 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("nacrad extract: " + ErrorText.of(e));
            return 1;
        }
    }

    /** {@code featureName,value} rows, RFC 4180 quoting. */
    static String csv(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("featureName,value\n");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(Csv.quote(e.getKey())).append(',').append(Csv.quote(CaseExtractor.text(e.getValue()))).append('\n');
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
