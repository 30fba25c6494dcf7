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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.nacrad.clinical.Table;
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

    @Option(names = "--clinical", split = ",", description = "Raw clinical values, e.g. er_pct=80,ki67_pct=30,...")
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
                inputs.addAll(fromManifest(manifest));
            } else {
                if (image == null || mask == null) {
                    err.println("nacrad predict: give --manifest, or --image and --mask (and the DWI files and --clinical values the model needs)");
                    return 2;
                }
                inputs.add(new Predictor.Inputs(id, image, mask, maskSegment, dwi, bvals, dwiMask, dwiMaskSegment,
                        referenceMask, referenceSegment, clinical));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            int failed = 0;
            for (Predictor.Inputs in : inputs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", in.id());
                try {
                    Predictor.Prediction p = predictor.predict(in);
                    row.put("probability", p.probability());
                    row.put("risk_group", p.highRisk() ? "high" : "low");
                    row.put("rad_score", p.radScore());
                    row.put("linear_predictor", p.linearPredictor());
                    row.put("nomogram_points", p.points());
                    row.putAll(p.predictors());
                    row.put("error", "");
                } catch (IOException | RuntimeException e) {
                    failed++;
                    row.put("error", ErrorText.of(e));
                    err.println("nacrad predict: " + ErrorText.of(e));
                }
                rows.add(row);
            }
            if (format.equals("json")) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("threshold", m.threshold());
                json.put("predictions", rows);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            } else {
                List<String> cols = new ArrayList<>(List.of("id", "probability", "risk_group", "rad_score",
                        "linear_predictor", "nomogram_points"));
                cols.addAll(m.predictors());
                cols.remove("rad_score");
                cols.add(4, "rad_score");
                cols = new ArrayList<>(new java.util.LinkedHashSet<>(cols));
                cols.add("error");
                out.println(String.join(",", cols));
                for (Map<String, Object> r : rows) {
                    List<String> cells = new ArrayList<>();
                    for (String c : cols) {
                        Object v = r.get(c);
                        cells.add(Csv.quote(v == null ? "" : v.toString()));
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

    /**
     * The inputs of every manifest row, with the study's default column names (see {@code StudyConfig.Columns}):
     * files, their segment columns, and the other columns as clinical values.
     */
    static List<Predictor.Inputs> fromManifest(Path file) throws IOException {
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
                if (!files.contains(t.columns().get(c))) {
                    clin.put(t.columns().get(c), row.get(c));
                }
            }
            out.add(new Predictor.Inputs(v.get(c0.id()), path(base, v.get(c0.image())), path(base, v.get(c0.mask())),
                    v.get(c0.maskSegment()), path(base, v.get(c0.dwi())), path(base, v.get(c0.bvals())),
                    path(base, v.get(c0.dwiTumourMask())), v.get(c0.dwiMaskSegment()),
                    path(base, v.get(c0.referenceMask())), v.get(c0.referenceMaskSegment()), clin));
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
