package org.nacrad.radiomics.ibsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.testkit.ReferenceData;

/**
 * IBSI-1 compliance: every feature and diagnostic row of the IBSI reference tables with a reference value, for the
 * digital phantom and the CT phantom under configurations A–E, read both as NIfTI and as the DICOM series with its
 * RTSTRUCT (segment GTV-1), within its tolerance ({@link IbsiReference.Row#passes}); the settings come from the
 * shipped parameter files {@code params/ibsi-*.yaml}.
 *
 * <p>It also renders the compliance table of {@code docs/ibsi.md} from the same numbers and checks that the committed
 * document carries it; {@code -Dibsi.writeDocs=true} rewrites the table in place.
 */
class IbsiComplianceTest {

    static final String[] DATASETS = {"digital phantom", "A", "B", "C", "D", "E"};

    /** Computed values by dataset (NIfTI input), and the DICOM ones for A–E. */
    private static final Map<String, Map<String, Double>> NIFTI = new LinkedHashMap<>();
    private static final Map<String, Map<String, Double>> DICOM = new LinkedHashMap<>();

    private static synchronized void compute() throws IOException {
        if (!NIFTI.isEmpty()) {
            return;
        }
        Volume phantom = ImageIO.read(ReferenceData.file("ibsi", "digital_phantom", "image.nii.gz"));
        Volume phantomMask = ImageIO.read(ReferenceData.file("ibsi", "digital_phantom", "mask.nii.gz"));
        NIFTI.put("digital phantom", new IbsiExtractor(IbsiParams.settings("ibsi-digital-phantom.yaml"))
                .execute(phantom, phantomMask).all());
        Volume ct = ImageIO.read(ReferenceData.file("ibsi", "ct_phantom", "nifti", "image.nii.gz"));
        Volume ctMask = ImageIO.read(ReferenceData.file("ibsi", "ct_phantom", "nifti", "mask.nii.gz"));
        Path series = ReferenceData.file("ibsi", "ct_phantom", "dicom", "image");
        Volume dcm = ImageIO.read(series);
        Volume rt = ImageIO.readMask(ReferenceData.file("ibsi", "ct_phantom", "dicom", "mask", "DCM_RS_00060.dcm"),
                series, "GTV-1");
        for (char c = 'A'; c <= 'E'; c++) {
            IbsiExtractor x = new IbsiExtractor(IbsiParams.settings("ibsi-config-" + Character.toLowerCase(c)
                    + ".yaml"));
            NIFTI.put(String.valueOf(c), x.execute(ct, ctMask).all());
            DICOM.put(String.valueOf(c), x.execute(dcm, rt).all());
        }
    }

    private static List<IbsiReference.Row> rows(String dataset) throws IOException {
        return dataset.equals("digital phantom") ? IbsiReference.digitalPhantom()
                : IbsiReference.config(dataset.charAt(0));
    }

    @Test
    void everyReferenceValuePasses() throws IOException {
        compute();
        List<String> failures = new ArrayList<>();
        for (String ds : DATASETS) {
            List<Map<String, Double>> inputs = new ArrayList<>();
            inputs.add(NIFTI.get(ds));
            if (DICOM.containsKey(ds)) {
                inputs.add(DICOM.get(ds));
            }
            for (IbsiReference.Row row : rows(ds)) {
                if (row.reference() == null) {
                    continue;
                }
                for (int i = 0; i < inputs.size(); i++) {
                    Double v = inputs.get(i).get(row.tag());
                    if (v == null || !row.passes(v)) {
                        failures.add(ds + (i == 0 ? " (NIfTI)" : " (DICOM)") + " " + row.tag() + ": " + v
                                + " vs reference " + row.reference() + " ± " + row.allowed());
                    }
                }
            }
        }
        assertThat(failures).as("rows outside the IBSI tolerance").isEmpty();
    }

    @Test
    void dicomSeriesAndRtstructGiveTheNiftiValues() throws IOException {
        compute();
        // the same voxels and mask; NIfTI stores the spacing in float32 (0.9769999980926514 mm against the DICOM's
        // 0.97699999809265), which scales lengths by 1 + 2e-9 and moves the interpolation grid by ~1e-9 mm: without
        // interpolation (A) the values agree to 1e-8, with it a few differ in their 7th digit
        for (String ds : DICOM.keySet()) {
            Map<String, Double> a = NIFTI.get(ds), b = DICOM.get(ds);
            assertThat(b.keySet()).as(ds).containsExactlyElementsOf(a.keySet());
            double rel = ds.equals("A") ? 1e-8 : 1e-5;
            for (String k : a.keySet()) {
                assertThat(Math.abs(a.get(k) - b.get(k))).as(ds + " " + k)
                        .isLessThanOrEqualTo(rel * Math.max(Math.abs(a.get(k)), 1));
            }
        }
    }

    @Test
    void complianceTableInDocsIsCurrent() throws IOException {
        compute();
        String table = table();
        Path doc = Path.of("..", "docs", "ibsi.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String begin = "<!-- compliance table: generated by IbsiComplianceTest, do not edit -->\n";
        String end = "<!-- end of compliance table -->";
        int a = text.indexOf(begin), b = text.indexOf(end);
        assertThat(a).as("docs/ibsi.md has the table markers").isGreaterThanOrEqualTo(0);
        assertThat(b).isGreaterThan(a);
        String current = text.substring(a + begin.length(), b);
        if (Boolean.getBoolean("ibsi.writeDocs")) {
            Files.writeString(doc, text.substring(0, a + begin.length()) + table + text.substring(b),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/ibsi.md compliance table (regenerate with -Dibsi.writeDocs=true)")
                .isEqualTo(table);
    }

    /** The compliance table: a summary, then every tag × dataset. */
    static String table() throws IOException {
        Map<String, List<IbsiReference.Row>> byDataset = new LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        Map<String, String> familyOf = new LinkedHashMap<>();
        for (String ds : DATASETS) {
            byDataset.put(ds, rows(ds));
            for (IbsiReference.Row r : byDataset.get(ds)) {
                tags.add(r.tag());
                familyOf.putIfAbsent(r.tag(), r.family());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| dataset | rows with a reference value | pass | fail | rows without a reference value |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (String ds : DATASETS) {
            int with = 0, pass = 0, without = 0;
            for (IbsiReference.Row r : byDataset.get(ds)) {
                if (r.reference() == null) {
                    without++;
                    continue;
                }
                with++;
                Double v = NIFTI.get(ds).get(r.tag());
                if (v != null && r.passes(v)) {
                    pass++;
                }
            }
            sb.append("| ").append(label(ds)).append(" | ").append(with).append(" | ").append(pass).append(" | ")
                    .append(with - pass).append(" | ").append(without).append(" |\n");
        }
        sb.append("\nEach cell: ✓ (pass) or ✗, our value, and the reference ± its tolerance (± half a unit of the last "
                + "reported digit where IBSI gives none); – where the table has no row, \"no ref.\" where the "
                + "consensus gave no value. Values from the NIfTI input; the DICOM input gives the same values.\n\n");
        sb.append("| tag | family |");
        for (String ds : DATASETS) {
            sb.append(' ').append(label(ds)).append(" |");
        }
        sb.append("\n| --- | --- |");
        for (int i = 0; i < DATASETS.length; i++) {
            sb.append(" --- |");
        }
        sb.append('\n');
        for (String tag : tags) {
            sb.append("| `").append(tag).append("` | ").append(familyOf.get(tag)).append(" |");
            for (String ds : DATASETS) {
                IbsiReference.Row row = null;
                for (IbsiReference.Row r : byDataset.get(ds)) {
                    if (r.tag().equals(tag)) {
                        row = r;
                        break;
                    }
                }
                Double v = NIFTI.get(ds).get(tag);
                String cell;
                if (row == null) {
                    cell = "–";
                } else if (row.reference() == null) {
                    cell = v == null ? "no ref." : "no ref.; " + fmt(v);
                } else {
                    cell = (v != null && row.passes(v) ? "✓ " : "✗ ") + (v == null ? "missing" : fmt(v)) + " ("
                            + row.reference().toPlainString() + " ± " + fmt(row.allowed()) + ")";
                }
                sb.append(' ').append(cell).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String label(String ds) {
        return ds.length() == 1 ? "config " + ds : ds;
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15 || a >= 1e4) {
            return Long.toString(Math.round(v));
        }
        if (a < 1e-4 && a > 0) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
