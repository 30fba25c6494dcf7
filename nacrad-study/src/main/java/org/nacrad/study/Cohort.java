package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.nacrad.clinical.ClinicalDerivation;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.clinical.Table;
import org.nacrad.diffusion.DiffusionAnalysis;
import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.dicom.DicomMaskReader;
import org.nacrad.image.dicom.DicomSeriesReader;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.ErrorText;

/**
 * A checked cohort: the manifest with the derived clinical columns (labels among them), each patient's files
 * resolved, and the patients excluded with their problems when the config allows exclusions.
 *
 * <p>Checks, all reported together by row and column before anything is computed: required columns present,
 * ids present and unique, admission dates ISO (yyyy-mm-dd), clinical values present and in range (the clinical
 * calculators' checks), every image and mask present and readable (NIfTI/NRRD files, DICOM series folders, and
 * DICOM-SEG/RTSTRUCT masks read onto their image with the segment of the row's segment column, which also checks
 * that the mask references that image's series), each mask on its image's grid, the DWI's b-values settled (from
 * the b-values file, which must match the number of volumes, or from the DICOM series), the outcome not of one
 * class.
 *
 * @param manifest  the manifest file
 * @param table     the kept rows with derived columns
 * @param patients  the kept patients, in manifest order
 * @param excluded  excluded patients' problems (empty unless exclusions are allowed)
 * @param rule      the chemoresistance rule applied
 */
public record Cohort(Path manifest, Table table, List<Patient> patients, List<Problem> excluded, ResistanceRule rule) {

    /**
     * One patient's inputs.
     *
     * @param row       1-based manifest row
     * @param id        patient id
     * @param admission admission date
     * @param resistant the label
     * @param image     radiomics image
     * @param mask      tumour mask on the image grid (a label map, or a DICOM-SEG/RTSTRUCT drawn on the image)
     * @param dwi       DWI series (4D file or DICOM folder)
     * @param bvals     its b-values file (null when the DICOM series carries them)
     * @param dwiMask   tumour mask on the DWI grid
     * @param reference reference-tissue mask on the DWI grid
     * @param maskSegment      segment/ROI of a DICOM-SEG/RTSTRUCT {@code mask}, or null
     * @param dwiMaskSegment   segment/ROI of a DICOM-SEG/RTSTRUCT {@code dwiMask}, or null
     * @param referenceSegment segment/ROI of a DICOM-SEG/RTSTRUCT {@code reference}, or null
     * @param values    every manifest and derived column of the row, by name
     */
    public record Patient(int row, String id, LocalDate admission, boolean resistant, Path image, Path mask, Path dwi,
                          Path bvals, Path dwiMask, Path reference, String maskSegment, String dwiMaskSegment,
                          String referenceSegment, Map<String, String> values) {

        /** A numeric column of this patient (NaN when empty). */
        public double number(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
    }

    /** Reads and checks the cohort of a config. */
    public static Cohort load(StudyConfig config, Path configFile) throws CohortException, IOException {
        Path manifest = StudyConfig.resolve(configFile, config.manifest());
        Table raw;
        try {
            raw = Table.read(manifest);
        } catch (IOException e) {
            throw new CohortException(manifest.toString(), List.of(new Problem(0, null, null, ErrorText.of(e))));
        }
        ResistanceRule rule = ResistanceRule.parse(config.label().rule());
        StudyConfig.Columns cols = config.columns();
        List<String> required = List.of(cols.id(), cols.admissionDate(), cols.image(), cols.mask(), cols.dwi(),
                cols.dwiTumourMask(), cols.referenceMask());
        List<Problem> fileProblems = new ArrayList<>();
        for (String c : required) {
            if (raw.column(c) < 0) {
                fileProblems.add(new Problem(0, null, c, "required column is missing"));
            }
        }
        if (!fileProblems.isEmpty()) {
            throw new CohortException(manifest.toString(), fileProblems);
        }
        Map<Integer, List<Problem>> byRow = new TreeMap<>();
        // ids and dates
        Map<String, Integer> seen = new HashMap<>();
        int idCol = raw.column(cols.id());
        int dateCol = raw.column(cols.admissionDate());
        for (int r = 0; r < raw.rows().size(); r++) {
            List<String> row = raw.rows().get(r);
            String id = row.get(idCol);
            if (id.isEmpty()) {
                add(byRow, new Problem(r + 1, null, cols.id(), "is empty"));
            } else if (seen.containsKey(id)) {
                add(byRow, new Problem(r + 1, id, cols.id(), "duplicate id (also on row " + seen.get(id) + ")"));
            } else {
                seen.put(id, r + 1);
            }
            try {
                LocalDate.parse(row.get(dateCol));
            } catch (DateTimeParseException e) {
                add(byRow, new Problem(r + 1, id, cols.admissionDate(), "not a date (yyyy-mm-dd): '" + row.get(dateCol) + "'"));
            }
        }
        // clinical values (derivation reports every bad cell)
        try {
            ClinicalDerivation.derive(raw, new ClinicalDerivation.Options(rule, 20), manifest.toString());
        } catch (ClinicalDerivation.InvalidTableException e) {
            for (ClinicalDerivation.Problem p : e.problems()) {
                add(byRow, new Problem(p.row(), p.id(), p.column(), p.message()));
            }
        }
        // files
        Path base = manifest.toAbsolutePath().getParent();
        for (int r = 0; r < raw.rows().size(); r++) {
            List<String> row = raw.rows().get(r);
            String id = row.get(idCol);
            Path imagePath = resolve(base, cell(raw, row, cols.image()));
            Image image = readImage(byRow, r, id, cols.image(), imagePath);
            Geometry img = image == null ? null : image.volume().geometry();
            String mSeg = segment(cell(raw, row, cols.maskSegment()));
            Geometry msk = checkMask(byRow, r, id, cols.mask(), resolve(base, cell(raw, row, cols.mask())), mSeg,
                    image == null ? null : m -> image.dicom() != null
                            ? DicomMaskReader.read(m, image.dicom(), imagePath, mSeg)
                            : DicomMaskReader.read(m, image.volume(), mSeg));
            sameGrid(byRow, r, id, cols.mask(), img, msk, cols.image());
            DiffusionAnalysis.Dwi dwi = checkDwi(byRow, r, id, cols, resolve(base, cell(raw, row, cols.dwi())),
                    resolve(base, cell(raw, row, cols.bvals())));
            Geometry dwiGeom = dwi == null ? null : dwi.volumes().get(0).geometry();
            String dmSeg = segment(cell(raw, row, cols.dwiMaskSegment()));
            String rmSeg = segment(cell(raw, row, cols.referenceMaskSegment()));
            Geometry dm = checkMask(byRow, r, id, cols.dwiTumourMask(), resolve(base, cell(raw, row,
                    cols.dwiTumourMask())), dmSeg, dwi == null ? null : m -> DiffusionAnalysis.readMask(dwi, m, dmSeg));
            Geometry rm = checkMask(byRow, r, id, cols.referenceMask(), resolve(base, cell(raw, row,
                    cols.referenceMask())), rmSeg, dwi == null ? null : m -> DiffusionAnalysis.readMask(dwi, m, rmSeg));
            sameGrid(byRow, r, id, cols.dwiTumourMask(), dwiGeom, dm, cols.dwi());
            sameGrid(byRow, r, id, cols.referenceMask(), dwiGeom, rm, cols.dwi());
        }
        List<Problem> excluded = new ArrayList<>();
        Set<Integer> bad = new LinkedHashSet<>(byRow.keySet());
        bad.remove(0);
        if (!byRow.isEmpty() && !config.exclusions()) {
            List<Problem> all = new ArrayList<>();
            byRow.values().forEach(all::addAll);
            throw new CohortException(manifest.toString(), all);
        }
        for (int r : bad) {
            excluded.addAll(byRow.get(r));
        }
        List<List<String>> keptRows = new ArrayList<>();
        for (int r = 0; r < raw.rows().size(); r++) {
            if (!bad.contains(r + 1)) {
                keptRows.add(raw.rows().get(r));
            }
        }
        Table kept = new Table(raw.columns(), keptRows);
        Table derived;
        try {
            derived = ClinicalDerivation.derive(kept, new ClinicalDerivation.Options(rule, 20), manifest.toString());
        } catch (ClinicalDerivation.InvalidTableException e) {
            throw new IllegalStateException("rows passed the checks but failed derivation", e);
        }
        List<Patient> patients = new ArrayList<>();
        int labelCol = derived.column("chemoresistant");
        int positives = 0;
        for (int r = 0, orig = 0; r < derived.rows().size(); r++) {
            while (bad.contains(orig + 1)) {
                orig++;
            }
            List<String> row = derived.rows().get(r);
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < derived.columns().size(); c++) {
                values.put(derived.columns().get(c), row.get(c));
            }
            boolean y = "1".equals(row.get(labelCol));
            positives += y ? 1 : 0;
            patients.add(new Patient(orig + 1, values.get(cols.id()), LocalDate.parse(values.get(cols.admissionDate())),
                    y, resolve(base, values.get(cols.image())), resolve(base, values.get(cols.mask())),
                    resolve(base, values.get(cols.dwi())), resolve(base, values.get(cols.bvals())),
                    resolve(base, values.get(cols.dwiTumourMask())), resolve(base, values.get(cols.referenceMask())),
                    segment(values.get(cols.maskSegment())), segment(values.get(cols.dwiMaskSegment())),
                    segment(values.get(cols.referenceMaskSegment())), values));
            orig++;
        }
        if (patients.size() < 10 || positives == 0 || positives == patients.size()) {
            String why = patients.size() < 10 ? "only " + patients.size() + " usable patients"
                    : "every usable patient has chemoresistant = " + (positives == 0 ? 0 : 1) + " under the rule "
                            + rule.spec() + ": a model needs both outcomes";
            List<Problem> all = new ArrayList<>(excluded);
            all.add(new Problem(0, null, "chemoresistant", why));
            throw new CohortException(manifest.toString(), all);
        }
        return new Cohort(manifest, derived, List.copyOf(patients), List.copyOf(excluded), rule);
    }

    /** Records a problem once (the id checks and the clinical derivation may find the same one). */
    private static void add(Map<Integer, List<Problem>> byRow, Problem p) {
        List<Problem> ps = byRow.computeIfAbsent(p.row(), k -> new ArrayList<>());
        if (!ps.contains(p)) {
            ps.add(p);
        }
    }

    private static Path resolve(Path base, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }

    private static Geometry checkImage(Map<Integer, List<Problem>> byRow, int r, String id, String column, Path file) {
        Image image = readImage(byRow, r, id, column, file);
        return image == null ? null : image.volume().geometry();
    }

    /**
     * An image read for the checks.
     *
     * @param volume the image
     * @param dicom  its DICOM series when it was read from DICOM (the reference SEG/RTSTRUCT masks must name), else
     *               null
     */
    private record Image(Volume volume, DicomSeriesReader.DicomImage dicom) {
    }

    /** Reads an image file or DICOM series, or records why it cannot be read and returns null. */
    private static Image readImage(Map<Integer, List<Problem>> byRow, int r, String id, String column, Path file) {
        if (file == null) {
            add(byRow, new Problem(r + 1, id, column, "is empty (a file is required)"));
            return null;
        }
        if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
            add(byRow, new Problem(r + 1, id, column, "file not found: " + file));
            return null;
        }
        try {
            if (ImageIO.isDicom(file)) {
                DicomSeriesReader.DicomImage d = DicomSeriesReader.read(file);
                return new Image(d.volume(file), d);
            }
            return new Image(ImageIO.read(file), null);
        } catch (IOException | RuntimeException e) {
            add(byRow, new Problem(r + 1, id, column, ErrorText.of(e)));
            return null;
        }
    }

    /** Reads a DICOM-SEG/RTSTRUCT mask onto its reference image. */
    @FunctionalInterface
    private interface DicomMaskRead {
        Volume read(Path mask) throws IOException;
    }

    /**
     * A mask: a label map, or a DICOM-SEG/RTSTRUCT file read onto its reference image by {@code dicom} (null when
     * that image could not be read: its own problem is reported and the mask is not checked further). A segment
     * given with a label map is a problem, as in extraction.
     */
    private static Geometry checkMask(Map<Integer, List<Problem>> byRow, int r, String id, String column, Path file,
                                      String segment, DicomMaskRead dicom) {
        if (file != null && Files.isRegularFile(file) && ImageIO.isDicom(file)) {
            if (dicom == null) {
                return null;
            }
            try {
                return dicom.read(file).geometry();
            } catch (IOException | RuntimeException e) {
                add(byRow, new Problem(r + 1, id, column, ErrorText.of(e)));
                return null;
            }
        }
        if (segment != null && file != null && Files.exists(file)) {
            add(byRow, new Problem(r + 1, id, column, "a segment (" + segment + ") is given but " + file
                    + " is a label map, not a DICOM-SEG or RTSTRUCT file"));
            return null;
        }
        return checkImage(byRow, r, id, column, file);
    }

    /**
     * The DWI series of a row with its b-values settled. A problem on the DWI column when the series is missing or
     * unreadable; on the b-values column when its file is missing or unreadable, its count differs from the
     * number of volumes, it disagrees with the DICOM's b-values, or nothing gives them.
     */
    private static DiffusionAnalysis.Dwi checkDwi(Map<Integer, List<Problem>> byRow, int r, String id,
                                                  StudyConfig.Columns cols, Path dwi, Path bvals) {
        double[] b = null;
        boolean bOk = true;
        if (bvals != null) {
            if (!Files.isRegularFile(bvals)) {
                add(byRow, new Problem(r + 1, id, cols.bvals(), "file not found: " + bvals));
                bOk = false;
            } else {
                try {
                    b = DiffusionAnalysis.readBvals(bvals);
                } catch (IOException | RuntimeException e) {
                    add(byRow, new Problem(r + 1, id, cols.bvals(), ErrorText.of(e)));
                    bOk = false;
                }
            }
        }
        if (dwi == null) {
            add(byRow, new Problem(r + 1, id, cols.dwi(), "is empty (a file or DICOM folder is required)"));
            return null;
        }
        if (!Files.exists(dwi)) {
            add(byRow, new Problem(r + 1, id, cols.dwi(), "file not found: " + dwi));
            return null;
        }
        DiffusionAnalysis.Dwi series;
        try {
            series = DiffusionAnalysis.readDwi(List.of(dwi));
        } catch (IOException | RuntimeException e) {
            add(byRow, new Problem(r + 1, id, cols.dwi(), ErrorText.of(e)));
            return null;
        }
        if (!bOk) {
            return null;
        }
        try {
            return series.withBValues(b, String.valueOf(bvals));
        } catch (IOException e) {
            add(byRow, new Problem(r + 1, id, cols.bvals(), ErrorText.of(e)));
            return null;
        }
    }

    /** A cell by column name ("" when the manifest has no such column). */
    private static String cell(Table t, List<String> row, String column) {
        int c = t.column(column);
        return c < 0 ? "" : row.get(c);
    }

    /** A segment cell: null when empty. */
    private static String segment(String cell) {
        return cell == null || cell.isBlank() ? null : cell.trim();
    }

    private static void sameGrid(Map<Integer, List<Problem>> byRow, int r, String id, String column, Geometry ref,
                                 Geometry g, String refColumn) {
        if (ref == null || g == null) {
            return;
        }
        String m = ref.mismatch(g, 1e-6);
        if (m != null) {
            add(byRow, new Problem(r + 1, id, column, "not on the grid of " + refColumn + " (" + m + ")"));
        }
    }
}
