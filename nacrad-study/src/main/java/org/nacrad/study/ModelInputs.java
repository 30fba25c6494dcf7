package org.nacrad.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.nacrad.clinical.ClinicalDerivation;
import org.nacrad.clinical.Columns;
import org.nacrad.extraction.DiffusionQuantities;

/**
 * The raw inputs a saved model needs, and nothing else: the files of its imaging predictors and the clinical
 * values its clinical predictors are derived from, named like the study manifest's columns. {@code nacrad predict},
 * the web form and the web API all ask for exactly these and refuse any other.
 *
 * <ul>
 *   <li>{@code rad_score}: the T1 {@code image} and its tumour {@code mask} (with {@code mask_segment} for a
 *       DICOM-SEG/RTSTRUCT holding several);</li>
 *   <li>a diffusion quantity: the {@code dwi} series, its {@code bvals} (optional when a DICOM series carries them)
 *       and the {@code dwi_tumour_mask}; the {@code reference_mask} only for the relative quantities rADC, rMD,
 *       rMK;</li>
 *   <li>{@code er_positive}, {@code pr_positive}, {@code ki67_high}: {@code er_pct}, {@code pr_pct},
 *       {@code ki67_pct} alone; {@code her2_positive}: {@code her2_ihc} and {@code her2_ish} (needed at IHC 2+);</li>
 *   <li>{@code rdi}: the four dose columns of every drug of the training regimen (recorded in model.json);</li>
 *   <li>{@code rcb_index}, {@code shrinkage_rate}: their calculators' columns; any other predictor is a raw numeric
 *       manifest column (such as {@code age}) and is asked for as itself.</li>
 * </ul>
 */
public final class ModelInputs {

    /** How an input is given. */
    public enum Kind { FILE, NUMBER, CHOICE, TEXT }

    /**
     * One input.
     *
     * @param name     manifest column name (also the form field and the API part name)
     * @param kind     file, number, choice or free text
     * @param label    what it is, for people
     * @param unit     unit ("" when none)
     * @param required whether a prediction needs it
     * @param note     when it is needed or what it accepts ("" when nothing to add)
     * @param choices  allowed values of a choice ("" meaning not given)
     * @param range    the range seen in training {min, max}, or null when unknown
     */
    public record Input(String name, Kind kind, String label, String unit, boolean required, String note,
                        List<String> choices, double[] range) {
        public Input {
            choices = List.copyOf(choices);
            range = range == null ? null : range.clone();
        }
    }

    /** The file inputs in form order. */
    public static final List<String> FILES = List.of("image", "mask", "mask_segment", "dwi", "bvals",
            "dwi_tumour_mask", "dwi_mask_segment", "reference_mask", "reference_mask_segment");

    /** Relative diffusion quantities: they need the reference mask. */
    static final List<String> RELATIVE = List.of("radc", "rmd", "rmk");

    private static final List<String> RCB = List.of(Columns.TUMOUR_BED_D1, Columns.TUMOUR_BED_D2, Columns.CELLULARITY,
            Columns.IN_SITU, Columns.POSITIVE_NODES, Columns.LARGEST_NODE_MET);

    private final List<Input> files;
    private final List<Input> clinical;
    private final boolean anyDrug;

    private ModelInputs(List<Input> files, List<Input> clinical, boolean anyDrug) {
        this.files = List.copyOf(files);
        this.clinical = List.copyOf(clinical);
        this.anyDrug = anyDrug;
    }

    /** The inputs of a saved model, with the training ranges it records. */
    public static ModelInputs of(SavedModel model) {
        List<String> predictors = model.predictors();
        Map<String, double[]> ranges = model.trainingRanges();
        List<Input> files = new ArrayList<>();
        if (predictors.contains("rad_score")) {
            files.add(file("image", "T1 image", true, "NIfTI/NRRD file, or a .zip of the DICOM series"));
            files.add(file("mask", "Tumour mask on the T1 image", true,
                    "label map (NIfTI/NRRD), or a DICOM-SEG/RTSTRUCT drawn on the T1 series"));
            files.add(text("mask_segment", "Segment of a DICOM-SEG/RTSTRUCT tumour mask",
                    "number or label; only when the SEG/RTSTRUCT holds several"));
        }
        boolean diffusion = predictors.stream().anyMatch(DiffusionQuantities.PREDICTORS::contains);
        if (diffusion) {
            files.add(file("dwi", "DWI series", true, "4D NIfTI/NRRD file, or a .zip of the multi-b DICOM series"));
            files.add(file("bvals", "b-values file", false, "one b-value per volume, s/mm²; not needed when the "
                    + "DICOM DWI series carries its b-values"));
            files.add(file("dwi_tumour_mask", "Tumour mask on the DWI series", true,
                    "label map, or a DICOM-SEG/RTSTRUCT drawn on the DWI series"));
            files.add(text("dwi_mask_segment", "Segment of a DICOM-SEG/RTSTRUCT DWI tumour mask",
                    "number or label; only when the SEG/RTSTRUCT holds several"));
            if (predictors.stream().anyMatch(RELATIVE::contains)) {
                files.add(file("reference_mask", "Reference (normal tissue) mask on the DWI series", true,
                        "label map, or a DICOM-SEG/RTSTRUCT drawn on the DWI series"));
                files.add(text("reference_mask_segment", "Segment of a DICOM-SEG/RTSTRUCT reference mask",
                        "number or label; only when the SEG/RTSTRUCT holds several"));
            }
        }
        List<String> drugs = model.drugs();
        List<Input> clinical = new ArrayList<>();
        List<String> raw = rawColumns(predictors, drugs == null ? List.of() : drugs);
        for (String column : raw) {
            clinical.add(clinicalInput(column, ranges.get(column)));
        }
        SavedHarmonisation h = SavedHarmonisation.of(model);
        if (h != null) { // ComBat: the centre, and covariates the predictors do not already ask for
            List<String> centres = new ArrayList<>(h.combat().batches());
            boolean refuse = h.unseen() == StudyConfig.UnseenCentre.REFUSE;
            if (!refuse) {
                centres.add("other");
            }
            clinical.add(new Input(h.column(), Kind.CHOICE, "Centre (scanner site)", "", true, "the radiomics "
                    + "features are harmonised (ComBat) for the training centres " + h.describeCentres()
                    + (refuse ? "; another centre is refused" : "; another centre is not harmonised (with a warning)"),
                    centres, null));
            for (String c : h.covariates()) {
                if (!raw.contains(c)) {
                    clinical.add(clinicalInput(c, ranges.get(c)));
                }
            }
        }
        return new ModelInputs(files, clinical, drugs == null && predictors.contains(Columns.RDI));
    }

    /**
     * The raw clinical columns behind predictors, in predictor order without repeats.
     *
     * @param drugs the drugs of the regimen (for {@code rdi})
     */
    public static List<String> rawColumns(List<String> predictors, List<String> drugs) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : predictors) {
            if (p.equals("rad_score") || DiffusionQuantities.PREDICTORS.contains(p)) {
                continue;
            }
            switch (p) {
                case Columns.ER_POSITIVE -> out.add(Columns.ER_PCT);
                case Columns.PR_POSITIVE -> out.add(Columns.PR_PCT);
                case Columns.KI67_HIGH -> out.add(Columns.KI67_PCT);
                case Columns.HER2_POSITIVE -> {
                    out.add(Columns.HER2_IHC);
                    out.add(Columns.HER2_ISH);
                }
                case Columns.RDI -> drugs.forEach(d -> out.addAll(ClinicalDerivation.drugColumns(d)));
                case Columns.RCB_INDEX -> out.addAll(RCB);
                case Columns.SHRINKAGE_RATE -> out.addAll(List.of(Columns.BASELINE_DIAMETER, Columns.POST_DIAMETER));
                default -> out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    /** File and segment inputs, in form order. */
    public List<Input> files() {
        return files;
    }

    /** Clinical inputs, in predictor order. */
    public List<Input> clinical() {
        return clinical;
    }

    /** Whether the model uses the named file input. */
    public boolean usesFile(String name) {
        return files.stream().anyMatch(i -> i.name().equals(name));
    }

    /**
     * Whether {@code rdi} takes the drugs of the given values (a model saved before the regimen's drugs were
     * recorded): then every complete set of a drug's four columns is accepted.
     */
    public boolean drugsFromValues() {
        return anyDrug;
    }

    /** The names of the clinical inputs. */
    public List<String> clinicalNames() {
        return clinical.stream().map(Input::name).toList();
    }

    /** The given clinical keys this model does not use, in the given order. */
    public List<String> unknown(Collection<String> keys) {
        List<String> names = clinicalNames();
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            boolean drugColumn = anyDrug && (k.endsWith(Columns.PLANNED_DOSE) || k.endsWith(Columns.DELIVERED_DOSE)
                    || k.endsWith(Columns.PLANNED_DAYS) || k.endsWith(Columns.ACTUAL_DAYS));
            if (!names.contains(k) && !drugColumn) {
                out.add(k);
            }
        }
        return out;
    }

    /** "a, b and c" (or "no clinical value"). */
    public String describeClinical() {
        List<String> names = new ArrayList<>(clinicalNames());
        if (anyDrug) {
            names.add("each drug's <drug>" + Columns.PLANNED_DOSE + ", " + Columns.DELIVERED_DOSE + ", "
                    + Columns.PLANNED_DAYS + " and " + Columns.ACTUAL_DAYS);
        }
        return names.isEmpty() ? "no clinical value" : String.join(", ", names);
    }

    private static Input file(String name, String label, boolean required, String note) {
        return new Input(name, Kind.FILE, label, "", required, note, List.of(), null);
    }

    private static Input text(String name, String label, String note) {
        return new Input(name, Kind.TEXT, label, "", false, note, List.of(), null);
    }

    private static Input clinicalInput(String column, double[] range) {
        switch (column) {
            case Columns.HER2_IHC:
                return new Input(column, Kind.CHOICE, "HER2 immunohistochemistry score", "", true, "",
                        List.of("0", "1", "2", "3"), range);
            case Columns.HER2_ISH:
                return new Input(column, Kind.CHOICE, "HER2 in situ hybridisation", "", false,
                        "needed when the IHC score is 2+", List.of("", "amplified", "not amplified"), null);
            case Columns.ER_PCT:
                return number(column, "Oestrogen receptor (ER) staining", "% of nuclei", "positive at ≥ 1 %", range);
            case Columns.PR_PCT:
                return number(column, "Progesterone receptor (PR) staining", "% of nuclei", "positive at ≥ 1 %",
                        range);
            case Columns.KI67_PCT:
                return number(column, "Ki-67 index", "% of nuclei", "", range);
            case "age":
                return number(column, "Age at diagnosis", "years", "", range);
            default:
                break;
        }
        for (String[] suffix : new String[][] {{Columns.PLANNED_DOSE, "planned cumulative dose", "mg/m²"},
                {Columns.DELIVERED_DOSE, "delivered cumulative dose", "mg/m²"},
                {Columns.PLANNED_DAYS, "planned duration", "days"}, {Columns.ACTUAL_DAYS, "actual duration", "days"}}) {
            if (column.endsWith(suffix[0]) && column.length() > suffix[0].length()) {
                String drug = column.substring(0, column.length() - suffix[0].length());
                String name = drug.substring(0, 1).toUpperCase(Locale.ROOT) + drug.substring(1).replace('_', ' ');
                return number(column, name + " " + suffix[1], suffix[2], "for the relative dose intensity", range);
            }
        }
        return number(column, column.replace('_', ' '), unitOf(column), "", range);
    }

    private static Input number(String column, String label, String unit, String note, double[] range) {
        return new Input(column, Kind.NUMBER, label, unit, true, note, List.of(), range);
    }

    private static String unitOf(String column) {
        if (column.endsWith("_mm")) {
            return "mm";
        }
        if (column.endsWith("_pct")) {
            return "%";
        }
        return "";
    }
}
