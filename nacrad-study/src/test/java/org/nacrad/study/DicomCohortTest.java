package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.clinical.Table;
import org.nacrad.extraction.ExtractionSettings;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;
import org.nacrad.testkit.DicomTestWriter;

/**
 * The study's imaging steps on a DICOM cohort equal those on its NIfTI twin. A small simulated cohort is written
 * twice: as the simulator's NIfTI files, and as DICOM — each T1 image and DWI as an MR series (the DWI one series
 * holding every b-value in DiffusionBValue), each tumour mask as a DICOM-SEG on its T1 series, the DWI tumour and
 * reference masks as two segments of one DICOM-SEG on the DWI series, and one patient's reference mask as an
 * RTSTRUCT (written so that it rasterises back exactly, see {@link DicomTestWriter#writeRtStruct}). The DICOM
 * manifest chooses segments with the {@code mask_segment}, {@code dwi_mask_segment} and
 * {@code reference_mask_segment} columns and takes the b-values from the DICOM (one row keeps its .bval file).
 *
 * <p>The simulator's DWI is float32, which int16 DICOM cannot hold exactly: both forms carry the DWI rounded to
 * multiples of 1/16 (RescaleSlope 0.0625), the NIfTI twin as float32, which holds those values exactly.
 */
class DicomCohortTest {

    static final int PATIENTS = 12;
    @TempDir
    static Path dir;
    static Table nifti;
    static List<String> ids = new ArrayList<>();
    static ExtractionSettings settings;

    @BeforeAll
    static void writeTwoCohorts() throws Exception {
        SimulationConfig d = SimulationConfig.defaults();
        SimulationConfig sim = new SimulationConfig(PATIENTS, 11, d.imageSize(), d.imageSpacing(), d.dwiSize(),
                d.dwiSpacing(), d.bValues(), d.imageNoise(), d.dwiNoise(), d.biasField(), 0.5, d.effects(), 1.0);
        Path cohort = dir.resolve("cohort");
        new Simulator(sim).write(cohort, 2, null);
        Table t = Table.read(cohort.resolve("manifest.csv"));
        List<List<String>> niftiRows = new ArrayList<>();
        List<List<String>> dicomRows = new ArrayList<>();
        for (List<String> row : t.rows()) {
            String id = row.get(t.column("id"));
            ids.add(id);
            Path src = cohort.resolve("images/" + id);
            Path dcm = dir.resolve("dicom/" + id);
            List<Volume> dwi = ImageIO.readSeries(src.resolve("dwi.nii.gz"));
            List<Volume> quantised = new ArrayList<>();
            for (Volume v : dwi) {
                double[] q = v.data().clone();
                for (int n = 0; n < q.length; n++) {
                    q[n] = Math.rint(q[n] * 16) / 16;
                }
                quantised.add(new Volume(v.geometry(), PixelType.FLOAT32, q));
            }
            ImageIO.writeSeries(quantised, src.resolve("dwi_q.nii.gz"));
            Volume t1 = ImageIO.read(src.resolve("t1.nii.gz"));
            Volume tumour = ImageIO.read(src.resolve("tumour.nii.gz"));
            Volume dwiTumour = ImageIO.read(src.resolve("dwi_tumour.nii.gz"));
            Volume reference = ImageIO.read(src.resolve("reference.nii.gz"));

            DicomTestWriter.Ids t1Ids = DicomTestWriter.Ids.fresh();
            DicomTestWriter.writeMrSeries(dcm.resolve("t1"), grid(t1.geometry()), t1Ids, id, List.of(t1.data()),
                    null, 1, 0);
            // the tumour as segment 2 of 2; segment 1 is a slab of the image (a different region, for the cache test)
            double[] slab = new double[t1.data().length];
            int plane = t1.geometry().nx() * t1.geometry().ny();
            for (int n = plane * (t1.geometry().nz() / 2); n < plane * (t1.geometry().nz() / 2 + 2); n++) {
                slab[n] = 1;
            }
            DicomTestWriter.writeSeg(dcm.resolve("tumour.seg.dcm"), grid(t1.geometry()), t1Ids, id, List.of(
                    new DicomTestWriter.Segment(1, "slab", slab), new DicomTestWriter.Segment(2, "tumour",
                            tumour.data())));

            DicomTestWriter.Ids dwiIds = DicomTestWriter.Ids.fresh();
            List<double[]> dwiData = new ArrayList<>();
            quantised.forEach(v -> dwiData.add(v.data()));
            DicomTestWriter.writeMrSeries(dcm.resolve("dwi"), grid(dwiTumour.geometry()), dwiIds, id, dwiData,
                    d.bValues(), 1.0 / 16, 0);
            DicomTestWriter.writeSeg(dcm.resolve("dwi_masks.seg.dcm"), grid(dwiTumour.geometry()), dwiIds, id,
                    List.of(new DicomTestWriter.Segment(1, "tumour", dwiTumour.data()),
                            new DicomTestWriter.Segment(2, "normal FGT", reference.data())));
            boolean rtstruct = niftiRows.isEmpty();
            if (rtstruct) {
                DicomTestWriter.writeRtStruct(dcm.resolve("reference.rt.dcm"), grid(dwiTumour.geometry()), dwiIds,
                        id, List.of(new DicomTestWriter.Segment(3, "FGT", reference.data())));
            }

            List<String> n = new ArrayList<>(row);
            for (String c : List.of("image", "mask", "dwi", "bvals", "dwi_tumour_mask", "reference_mask")) {
                n.set(t.column(c), "cohort/" + row.get(t.column(c)));
            }
            n.set(t.column("dwi"), "cohort/images/" + id + "/dwi_q.nii.gz");
            niftiRows.add(n);
            List<String> m = new ArrayList<>(row);
            m.set(t.column("image"), "dicom/" + id + "/t1");
            m.set(t.column("mask"), "dicom/" + id + "/tumour.seg.dcm");
            m.set(t.column("dwi"), "dicom/" + id + "/dwi");
            m.set(t.column("bvals"), dicomRows.size() == 1 ? n.get(t.column("bvals")) : "");
            m.set(t.column("dwi_tumour_mask"), "dicom/" + id + "/dwi_masks.seg.dcm");
            m.set(t.column("reference_mask"), "dicom/" + id + (rtstruct ? "/reference.rt.dcm" : "/dwi_masks.seg.dcm"));
            m.add("tumour");
            m.add("1");
            m.add(rtstruct ? "" : "normal fgt");
            dicomRows.add(m);
        }
        nifti = new Table(t.columns(), niftiRows);
        List<String> dicomColumns = new ArrayList<>(t.columns());
        dicomColumns.addAll(List.of("mask_segment", "dwi_mask_segment", "reference_mask_segment"));
        write(dir.resolve("nifti.csv"), nifti);
        write(dir.resolve("dicom.csv"), new Table(dicomColumns, dicomRows));
        Path yaml = dir.resolve("original.yaml");
        Files.writeString(yaml, "imageType: {Original: {}}\nfeatureClass:\n  shape:\n  firstorder:\n  glcm:\n"
                + "  glrlm:\n  glszm:\n  gldm:\n  ngtdm:\nsetting: {binWidth: 25, label: 1}\n");
        settings = ExtractionSettings.radiomics(yaml);
    }

    static DicomTestWriter.Grid grid(Geometry g) {
        return new DicomTestWriter.Grid(g.size(), g.spacing(), g.origin(), g.direction());
    }

    static void write(Path file, Table t) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", t.columns())).append('\n');
        for (List<String> r : t.rows()) {
            b.append(String.join(",", r)).append('\n');
        }
        Files.writeString(file, b);
    }

    static Cohort load(String manifest) throws Exception {
        Path cfg = dir.resolve(manifest.replace(".csv", ".yaml"));
        Files.writeString(cfg, "manifest: " + manifest + "\n");
        return Cohort.load(StudyConfig.read(cfg), cfg);
    }

    /** Largest relative difference |a − b| / max(|a|, |b|) over every feature of every patient (0 when equal). */
    static double compare(FeatureSteps.Output a, FeatureSteps.Output b) {
        assertThat(a.failures()).isEmpty();
        assertThat(b.failures()).isEmpty();
        assertThat(b.features().keySet()).isEqualTo(a.features().keySet());
        double worst = 0;
        for (String id : a.features().keySet()) {
            Map<String, Double> x = a.features().get(id), y = b.features().get(id);
            assertThat(y.keySet()).as(id).isEqualTo(x.keySet());
            for (String f : x.keySet()) {
                double u = x.get(f), v = y.get(f);
                if (u != v) {
                    worst = Math.max(worst, Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v)));
                }
            }
        }
        return worst;
    }

    @Test
    void dicomManifestGivesTheNiftiFeatures() throws Exception {
        Cohort n = load("nifti.csv");
        Cohort d = load("dicom.csv");
        assertThat(d.patients()).hasSize(PATIENTS);
        assertThat(d.patients().get(0).bvals()).isNull();
        assertThat(d.patients().get(1).bvals()).isNotNull();
        assertThat(d.patients().get(0).reference().getFileName()).hasToString("reference.rt.dcm");
        assertThat(d.patients().get(2).referenceSegment()).isEqualTo("normal fgt");

        FeatureSteps.Output dn = FeatureSteps.diffusion(n.patients(), 1000, dir.resolve("cache-n/diffusion"), 2, null);
        FeatureSteps.Output dd = FeatureSteps.diffusion(d.patients(), 1000, dir.resolve("cache-d/diffusion"), 2, null);
        // the same voxels, masks and b-values: the fits are the same arithmetic
        assertThat(compare(dn, dd)).isZero();
        assertThat(dd.features().get(ids.get(0)).get("dwi_tumour_voxels")).isPositive();

        FeatureSteps.Output rn = FeatureSteps.radiomics(n.patients(), settings, 1,
                dir.resolve("cache-n/radiomics"), 2, null);
        FeatureSteps.Output rd = FeatureSteps.radiomics(d.patients(), settings, 1,
                dir.resolve("cache-d/radiomics"), 2, null);
        // the NIfTI's float32 pixel spacing (0.800000011920929) is written to DICOM in 16 characters
        // (0.80000001192093): spacing-dependent features may differ in the 15th digit
        double worst = compare(rn, rd);
        assertThat(worst).isLessThan(1e-9);
        assertThat(rd.features().get(ids.get(0))).hasSize(rn.features().get(ids.get(0)).size()).hasSizeGreaterThan(100);
    }

    @Test
    void predictGivesTheSameProbabilityFromDicom() throws Exception {
        // a hand-made model on two radiomics features, rMK and ER status (its numbers need not be fitted ones)
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("original_firstorder_Mean", Map.of("coefficient", 0.7, "mean", 500.0, "sd", 200.0));
        features.put("original_shape_Sphericity", Map.of("coefficient", -0.4, "mean", 0.6, "sd", 0.1));
        Map<String, Object> coefficients = new LinkedHashMap<>();
        coefficients.put("rad_score", 1.0);
        coefficients.put("rmk", 0.8);
        coefficients.put("er_positive", -0.5);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", SavedModel.FORMAT);
        m.put("extraction", Map.of("parameter_file", Files.readString(dir.resolve("original.yaml")), "label", 1));
        m.put("diffusion", Map.of("adc_max_b", 1000.0));
        m.put("clinical_coding", Map.of("label_rule", ResistanceRule.DEFAULT_SPEC, "ki67_threshold", 20.0));
        m.put("threshold", 0.3);
        m.put("model", Map.of("intercept", -0.4, "coefficients", coefficients));
        m.put("radiomics", Map.of("intercept", 0.1, "features", features));
        m.put("nomogram", Map.of("scale", 10.0, "min_contribution", Map.of("rad_score", -5.0, "rmk", 0.0,
                "er_positive", -0.5)));
        Predictor predictor = new Predictor(new SavedModel(m));
        Table t = Table.read(dir.resolve("dicom.csv"));
        Cohort n = load("nifti.csv");
        Cohort d = load("dicom.csv");
        double worst = 0;
        for (int i = 0; i < PATIENTS; i++) {
            Map<String, String> clinical = new LinkedHashMap<>();
            for (int c = 0; c < t.columns().size(); c++) {
                // as predict reads a manifest: only the clinical columns the model uses
                if (!FILE_COLUMNS.contains(t.columns().get(c))
                        && predictor.inputs().unknown(List.of(t.columns().get(c))).isEmpty()) {
                    clinical.put(t.columns().get(c), t.rows().get(i).get(c));
                }
            }
            Predictor.Prediction a = predictor.predict(inputs(n.patients().get(i), clinical));
            Predictor.Prediction b = predictor.predict(inputs(d.patients().get(i), clinical));
            assertThat(b.predictors().get("rmk")).isEqualTo(a.predictors().get("rmk"));
            assertThat(b.highRisk()).isEqualTo(a.highRisk());
            worst = Math.max(worst, Math.abs(a.probability() - b.probability()) / a.probability());
            worst = Math.max(worst, Math.abs(a.radScore() - b.radScore()) / Math.abs(a.radScore()));
        }
        assertThat(worst).isLessThan(1e-9);
    }

    static final List<String> FILE_COLUMNS = List.of("id", "admission_date", "image", "mask", "dwi", "bvals",
            "dwi_tumour_mask", "reference_mask", "mask_segment", "dwi_mask_segment", "reference_mask_segment");

    static Predictor.Inputs inputs(Cohort.Patient p, Map<String, String> clinical) {
        return new Predictor.Inputs(p.id(), p.image(), p.mask(), p.maskSegment(), p.dwi(), p.bvals(), p.dwiMask(),
                p.dwiMaskSegment(), p.reference(), p.referenceSegment(), clinical);
    }

    @Test
    void segmentColumnsMayBeRenamedInTheConfig() throws Exception {
        String csv = Files.readString(dir.resolve("dicom.csv"));
        String header = csv.substring(0, csv.indexOf('\n'));
        Files.writeString(dir.resolve("renamed.csv"), header.replace("mask_segment,dwi_mask_segment,"
                + "reference_mask_segment", "seg,dwi_seg,ref_seg") + csv.substring(csv.indexOf('\n')));
        Path cfg = dir.resolve("renamed.yaml");
        Files.writeString(cfg, "manifest: renamed.csv\ncolumns: {mask_segment: seg, dwi_mask_segment: dwi_seg, "
                + "reference_mask_segment: ref_seg}\n");
        Cohort c = Cohort.load(StudyConfig.read(cfg), cfg);
        assertThat(c.patients().get(2).maskSegment()).isEqualTo("tumour");
        assertThat(c.patients().get(2).dwiMaskSegment()).isEqualTo("1");
        assertThat(c.patients().get(2).referenceSegment()).isEqualTo("normal fgt");
    }

    @Test
    void anotherSegmentChangesTheCacheKey() throws Exception {
        Cohort d = load("dicom.csv");
        // rows 2 and 3: tumour and reference are segments of one SEG file, so only the segment columns change
        List<Cohort.Patient> first = d.patients().subList(1, 3);
        Path cache = dir.resolve("cache-key");
        FeatureSteps.Output r1 = FeatureSteps.radiomics(first, settings, 1, cache.resolve("r"), 1, null);
        FeatureSteps.Output d1 = FeatureSteps.diffusion(first, 1000, cache.resolve("d"), 1, null);
        List<Cohort.Patient> swapped = new ArrayList<>();
        for (Cohort.Patient p : first) {
            // the slab instead of the tumour; reference and tumour exchanged on the DWI
            swapped.add(new Cohort.Patient(p.row(), p.id(), p.admission(), p.resistant(), p.image(), p.mask(),
                    p.dwi(), p.bvals(), p.dwiMask(), p.dwiMask(), "slab", "normal FGT", "tumour", p.values()));
        }
        FeatureSteps.Output r2 = FeatureSteps.radiomics(swapped, settings, 1, cache.resolve("r"), 1, null);
        FeatureSteps.Output d2 = FeatureSteps.diffusion(swapped, 1000, cache.resolve("d"), 1, null);
        String id = first.get(0).id();
        assertThat(r2.features().get(id).get("original_shape_VoxelVolume"))
                .isNotEqualTo(r1.features().get(id).get("original_shape_VoxelVolume"));
        assertThat(d2.features().get(id).get("dwi_tumour_voxels")).isEqualTo(d1.features().get(id)
                .get("dwi_reference_voxels"));
        assertThat(d2.features().get(id).get("adc_mean")).isNotEqualTo(d1.features().get(id).get("adc_mean"));
    }

    @Test
    void aSegOfAnotherSeriesOrAnAbsentSegmentIsReportedByRowAndColumn() throws Exception {
        Table t = Table.read(dir.resolve("dicom.csv"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : t.rows()) {
            rows.add(new ArrayList<>(r));
        }
        rows.get(0).set(t.column("mask"), rows.get(1).get(t.column("mask")));    // patient 2's SEG on patient 1
        rows.get(2).set(t.column("dwi_mask_segment"), "lesion");                 // no such segment
        rows.get(3).set(t.column("bvals"), "cohort/images/" + ids.get(3) + "/missing.bval");
        write(dir.resolve("bad.csv"), new Table(t.columns(), rows));
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "manifest: bad.csv\noutput: bad-out\n");
        assertThatThrownBy(() -> new Study(cfg, StudyConfig.read(cfg), new PrintWriter(new StringWriter()), null).run())
                .isInstanceOf(CohortException.class)
                .hasMessageContaining("3 problems in the cohort")
                .hasMessageContaining("row 1 (id " + ids.get(0) + "), column mask: " + dir.resolve("dicom/" + ids.get(1)
                        + "/tumour.seg.dcm") + ": references series ")
                .hasMessageContaining("but the image " + dir.resolve("dicom/" + ids.get(0) + "/t1") + " is series")
                .hasMessageContaining("row 3 (id " + ids.get(2) + "), column dwi_tumour_mask: " + dir.resolve("dicom/"
                        + ids.get(2) + "/dwi_masks.seg.dcm") + ": no segment \"lesion\" (available: 1 \"tumour\", "
                        + "2 \"normal FGT\")")
                .hasMessageContaining("row 4 (id " + ids.get(3) + "), column bvals: file not found: ");
        assertThat(dir.resolve("bad-out/cache")).doesNotExist();
    }
}
