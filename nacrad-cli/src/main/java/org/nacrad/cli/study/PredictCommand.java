package org.nacrad.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.nacrad.clinical.Table;
import org.nacrad.study.ModelInputs;
import org.nacrad.study.PredictionJson;
import org.nacrad.io.Csv;
import org.nacrad.io.ErrorText;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;
import org.nacrad.study.StudyConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad predict}: applies a saved model (model.json) to new patients. */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = {"Applies a model saved by 'nacrad study' to one patient (files and clinical values) or to every",
            "row of a manifest with the study's columns; prints probability of chemoresistance and risk group."})
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model.json written by nacrad study.")
    Path model;

    @Option(names = "--manifest", description = "A manifest CSV with the study's columns (one prediction per row).")
    Path manifest;

    @Option(names = "--id", defaultValue = "patient", description = "Patient id (single patient).")
    String id;

    @Option(names = "--image", description = "Radiomics image (NIfTI/NRRD file or DICOM series folder).")
    Path image;

    @Option(names = "--mask", description = "Tumour mask on the image grid, or a DICOM-SEG/RTSTRUCT drawn on the image.")
    Path mask;

    @Option(names = {"--mask-segment", "--segment"}, paramLabel = "SEGMENT",
            description = "Segment (number or label) or ROI (number or name) of a DICOM-SEG/RTSTRUCT --mask.")
    String maskSegment;

    @Option(names = "--dwi", description = "DWI series (4D NIfTI/NRRD file or DICOM folder).")
    Path dwi;

    @Option(names = "--bvals", description = "b-values file (optional when the DICOM DWI series carries them).")
    Path bvals;

    @Option(names = "--dwi-mask", description = "Tumour mask on the DWI grid, or a DICOM-SEG/RTSTRUCT drawn on the DWI.")
    Path dwiMask;

    @Option(names = "--dwi-mask-segment", paramLabel = "SEGMENT", description = "Segment or ROI of a DICOM --dwi-mask.")
    String dwiMaskSegment;

    @Option(names = "--reference-mask", description = {"Reference-tissue mask on the DWI grid, or a DICOM-SEG/RTSTRUCT",
        "drawn on the DWI."})
    Path referenceMask;

    @Option(names = "--reference-segment", paramLabel = "SEGMENT",
            description = "Segment or ROI of a DICOM --reference-mask.")
    String referenceSegment;

    @Option(names = "--clinical", split = ",", description = {"Raw clinical values the model uses, named like the "
        + "manifest's columns, e.g. pr_pct=80,age=52; a value the model does not use is refused."})
    Map<String, String> clinical = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or json.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("csv") && !format.equals("json")) {
            err.println("nacrad predict: --format must be csv or json, got '" + format + "'");
            return 2;
        }
        try {
            SavedModel m = SavedModel.read(model);
            Predictor predictor = new Predictor(m);
            List<Predictor.Inputs> inputs = new ArrayList<>();
            if (manifest != null) {
                inputs.addAll(fromManifest(manifest, predictor.inputs()));
            } else {
                String missing = missingOption(predictor.inputs());
                if (missing != null) {
                    err.println("nacrad predict: give --manifest, or the files and --clinical values the model "
                            + "needs: " + missing);
                    return 2;
                }
                inputs.add(new Predictor.Inputs(id, image, mask, maskSegment, dwi, bvals, dwiMask, dwiMaskSegment,
                        referenceMask, referenceSegment, clinical));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            int failed = 0;
            for (Predictor.Inputs in : inputs) {
                try {
                    rows.add(PredictionJson.row(predictor.predict(in)));
                } catch (IOException | RuntimeException e) {
                    failed++;
                    rows.add(PredictionJson.failed(in.id(), ErrorText.of(e)));
                    err.println("nacrad predict: " + ErrorText.of(e));
                }
            }
            if (format.equals("json")) {
                out.println(PredictionJson.write(PredictionJson.document(m, rows)));
            } else {
                List<String> cols = PredictionJson.csvColumns(m);
                out.println(String.join(",", cols));
                for (Map<String, Object> r : rows) {
                    List<String> cells = new ArrayList<>();
                    for (String c : cols) {
                        Object v = r.get(c);
                        String s = v == null ? "" : v instanceof List<?> l
                                ? String.join("; ", l.stream().map(String::valueOf).toList()) : v.toString();
                        cells.add(Csv.quote(s));
                    }
                    out.println(String.join(",", cells));
                }
            }
            out.flush();
            if (failed > 0) {
                err.printf(Locale.ROOT, "nacrad predict: %d of %d patients refused%n", failed, inputs.size());
                err.flush();
            }
            return failed == 0 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("nacrad predict: " + ErrorText.of(e));
            return 1;
        }
    }

    /** The options of the files the model needs that are not given, with what they are (null when none). */
    private String missingOption(ModelInputs needs) {
        Map<String, Object> given = new Predictor.Inputs(id, image, mask, maskSegment, dwi, bvals, dwiMask,
                dwiMaskSegment, referenceMask, referenceSegment, clinical).files();
        List<String> missing = new ArrayList<>();
        for (ModelInputs.Input f : needs.files()) {
            if (f.required() && !given.containsKey(f.name())) {
                missing.add(OPTIONS.get(f.name()) + " (" + f.label() + ")");
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    /** The option of each file input. */
    private static final Map<String, String> OPTIONS = Map.of("image", "--image", "mask", "--mask", "mask_segment",
            "--mask-segment", "dwi", "--dwi", "bvals", "--bvals", "dwi_tumour_mask", "--dwi-mask", "dwi_mask_segment",
            "--dwi-mask-segment", "reference_mask", "--reference-mask", "reference_mask_segment",
            "--reference-segment");

    /**
     * The inputs of every manifest row, with the study's default column names (see {@code StudyConfig.Columns}):
     * the files and clinical values the model uses (a manifest may hold more columns, such as the study's own).
     */
    static List<Predictor.Inputs> fromManifest(Path file, ModelInputs needs) throws IOException {
        Table t = Table.read(file);
        Path base = file.toAbsolutePath().getParent();
        List<Predictor.Inputs> out = new ArrayList<>();
        StudyConfig.Columns c0 = StudyConfig.defaults().columns();
        List<String> files = List.of(c0.id(), c0.admissionDate(), c0.image(), c0.mask(), c0.dwi(), c0.bvals(),
                c0.dwiTumourMask(), c0.referenceMask(), c0.maskSegment(), c0.dwiMaskSegment(),
                c0.referenceMaskSegment());
        for (List<String> row : t.rows()) {
            Map<String, String> v = new LinkedHashMap<>();
            Map<String, String> clin = new LinkedHashMap<>();
            for (int c = 0; c < t.columns().size(); c++) {
                v.put(t.columns().get(c), row.get(c));
                String col = t.columns().get(c);
                if (!files.contains(col) && needs.unknown(List.of(col)).isEmpty()) {
                    clin.put(col, row.get(c));
                }
            }
            java.util.function.Function<String, String> used = col -> needs.usesFile(col) ? v.get(col) : null;
            out.add(new Predictor.Inputs(v.get(c0.id()), path(base, used.apply(c0.image())),
                    path(base, used.apply(c0.mask())), used.apply(c0.maskSegment()), path(base, used.apply(c0.dwi())),
                    path(base, used.apply(c0.bvals())), path(base, used.apply(c0.dwiTumourMask())),
                    used.apply(c0.dwiMaskSegment()), path(base, used.apply(c0.referenceMask())),
                    used.apply(c0.referenceMaskSegment()), clin));
        }
        return out;
    }

    private static Path path(Path base, String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        Path p = Path.of(s);
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }
}
