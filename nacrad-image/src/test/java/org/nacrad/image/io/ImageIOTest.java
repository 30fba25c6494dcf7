package org.nacrad.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.ItkDump;
import org.nacrad.image.Volume;
import org.nacrad.testkit.ReferenceData;

/** Reading the PyRadiomics test cases, and NRRD / NIfTI round trips. */
class ImageIOTest {

    @TempDir
    Path tmp;

    /** Size and spacing from PyRadiomics' baseline diagnostics; mean, min and max over all voxels likewise. */
    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void pyradiomicsCasesMatchBaselineDiagnostics(String name) throws Exception {
        Volume image = ImageIO.read(ReferenceData.file("pyradiomics", name + "_image.nrrd"));
        Volume mask = ImageIO.read(ReferenceData.file("pyradiomics", name + "_label.nrrd"));
        Path csv = ReferenceData.file("pyradiomics", "baseline", "baseline_firstorder.csv");
        String column = name + "_resampling";
        assertThat(image.geometry().size()).containsExactly(ints(diagnostic(csv, "diagnostics_Image-original_Size", column)));
        assertThat(image.geometry().spacing())
                .containsExactly(doubles(diagnostic(csv, "diagnostics_Image-original_Spacing", column)));
        assertThat(mask.geometry().size()).containsExactly(ints(diagnostic(csv, "diagnostics_Mask-original_Size", column)));
        double[] v = image.data();
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = Double.parseDouble(diagnostic(csv, "diagnostics_Image-original_Mean", column));
        assertThat(sum / v.length).isCloseTo(mean, within(1e-12 * mean));
        assertThat(min).isEqualTo(Double.parseDouble(diagnostic(csv, "diagnostics_Image-original_Minimum", column)));
        assertThat(max).isEqualTo(Double.parseDouble(diagnostic(csv, "diagnostics_Image-original_Maximum", column)));
        assertThat(image.geometry().mismatch(mask.geometry(), 1e-16)).isNull();
    }

    @Test
    void breast1OriginAndDirectionAsInItsHeader() throws Exception {
        Geometry g = ImageIO.read(ReferenceData.file("pyradiomics", "breast1_image.nrrd")).geometry();
        // header: space origin: (-116.54304,-48.14465400000001,9.4500000000000295), LPS, axis-aligned
        assertThat(g.origin()).containsExactly(-116.54304, -48.14465400000001, 9.4500000000000295);
        assertThat(g.direction()).containsExactly(Geometry.identity());
        assertThat(g.spacing()).containsExactly(0.66406200000000004, 0.66406200000000004, 2.1000000000000001);
    }

    @Test
    void breast1ThroughNiftiGzKeepsVoxelsAndFloat32Geometry() throws Exception {
        Volume v = ImageIO.read(ReferenceData.file("pyradiomics", "breast1_image.nrrd"));
        Path out = tmp.resolve("breast1.nii.gz");
        ImageIO.write(v, out);
        Volume back = ImageIO.read(out);
        assertThat(back.pixelType()).isEqualTo(v.pixelType());
        assertSameVoxels(back, v);
        Geometry g = v.geometry(), b = back.geometry();
        assertThat(b.size()).containsExactly(g.size());
        for (int a = 0; a < 3; a++) {
            // NIfTI-1 holds float32: the geometry comes back rounded to float, nothing more
            assertThat(b.spacing(a)).isEqualTo((double) (float) g.spacing(a));
            assertThat(b.origin()[a]).isEqualTo((double) (float) g.origin()[a]);
        }
        assertThat(b.direction()).containsExactly(g.direction());
        // float32 origins of ~100 mm are off by up to 4e-6 mm: beyond ITK's default tolerance (1e-6 × spacing)
        assertThat(b.mismatch(g, 1e-6)).startsWith("origin");
        assertThat(b.mismatch(g, 1e-5)).isNull();
    }

    @Test
    void nifti2RoundTripKeepsDoubleGeometry() throws Exception {
        Volume v = ImageIO.read(ReferenceData.file("pyradiomics", "brain1_image.nrrd"));
        Path out = tmp.resolve("brain1.nii");
        NiftiWriter.write(v, out, NiftiWriter.Version.NIFTI2);
        Volume back = ImageIO.read(out);
        assertSameVoxels(back, v);
        assertThat(back.geometry()).isEqualTo(v.geometry());
    }

    @Test
    void obliqueNiftiRoundTrips() throws Exception {
        Volume v = NiftiReader.read(ItkDump.resource("itk/oblique_sform.nii"));
        for (String name : new String[] {"o.nii", "o.nii.gz"}) {
            Path out = tmp.resolve(name);
            ImageIO.write(v, out);
            Volume back = ImageIO.read(out);
            assertSameVoxels(back, v);
            assertThat(back.geometry().spacing()).containsExactly(v.geometry().spacing());
            assertThat(back.geometry().origin()).containsExactly(v.geometry().origin());
            assertThat(back.geometry().direction()).containsExactly(v.geometry().direction(), within(2e-7));
        }
        Volume flipped = NiftiReader.read(ItkDump.resource("itk/qfac_neg.nii"));
        Path out = tmp.resolve("flip.nii");
        ImageIO.write(flipped, out);
        assertThat(ImageIO.read(out).geometry().direction()).containsExactly(flipped.geometry().direction(), within(2e-7));
    }

    @Test
    void nrrdRoundTripIsExactForEveryType() throws Exception {
        for (String t : new String[] {"uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64",
                "float32", "float64"}) {
            Volume v = NiftiReader.read(ItkDump.resource("itk/type_" + t + ".nii.gz"));
            v = new Volume(Geometry.of(v.geometry().size(), v.geometry().spacing(), v.geometry().origin()),
                    v.pixelType(), v.data());
            for (boolean gzip : new boolean[] {true, false}) {
                Path out = tmp.resolve(t + gzip + ".nrrd");
                NrrdWriter.write(v, out, gzip);
                Volume back = ImageIO.read(out);
                assertThat(back.pixelType()).as(t).isEqualTo(v.pixelType());
                assertSameVoxels(back, v);
                assertThat(back.geometry()).as(t).isEqualTo(v.geometry());
            }
        }
    }

    @Test
    void obliqueNrrdRoundTrip() throws Exception {
        Volume v = NiftiReader.read(ItkDump.resource("itk/oblique_sform.nii"));
        Path out = tmp.resolve("o.nrrd");
        ImageIO.write(v, out);
        Geometry b = ImageIO.read(out).geometry();
        assertThat(b.origin()).containsExactly(v.geometry().origin());
        assertThat(b.spacing()).containsExactly(v.geometry().spacing(), within(1e-15));
        assertThat(b.direction()).containsExactly(v.geometry().direction(), within(1e-15));
    }

    @Test
    void nrrdSpacesAndDetachedData() throws Exception {
        Path raw = tmp.resolve("d.raw");
        Files.write(raw, new byte[] {0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8});
        Path hdr = tmp.resolve("d.nhdr");
        Files.writeString(hdr, "NRRD0004\ntype: short\ndimension: 3\nspace: right-anterior-superior\nsizes: 2 2 2\n"
                + "space directions: (0,2,0) (-1.5,0,0) (0,0,3)\nendian: big\nencoding: raw\n"
                + "space origin: (10,-20,30)\ndata file: d.raw\n\n");
        Volume v = ImageIO.read(hdr);
        assertThat(v.data()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(v.geometry().spacing()).containsExactly(2, 1.5, 3);
        assertThat(v.geometry().origin()).containsExactly(-10, 20, 30);
        // RAS columns (0,1,0), (-1,0,0), (0,0,1) become LPS (0,-1,0), (1,0,0), (0,0,1)
        assertThat(v.geometry().direction()).containsExactly(0, 1, 0, -1, 0, 0, 0, 0, 1);
        Path ascii = tmp.resolve("a.nrrd");
        Files.writeString(ascii, "NRRD0004\ntype: float\ndimension: 3\nspace: left-anterior-superior\nsizes: 2 1 1\n"
                + "space directions: (1,0,0) (0,1,0) (0,0,1)\nencoding: ascii\nspace origin: (1,2,3)\n\n1.5 -2\n");
        Volume a = ImageIO.read(ascii);
        assertThat(a.data()).containsExactly(1.5, -2);
        assertThat(a.geometry().origin()).containsExactly(1, -2, 3);
        assertThat(a.geometry().direction()).containsExactly(1, 0, 0, 0, -1, 0, 0, 0, 1);
    }

    /** Bit-for-bit equal voxels (reports the first difference; AssertJ's diff is too slow for 10⁶ values). */
    private static void assertSameVoxels(Volume actual, Volume expected) {
        int at = java.util.Arrays.mismatch(actual.data(), expected.data());
        assertThat(at).as("first differing voxel %d", at).isEqualTo(-1);
    }

    private static String diagnostic(Path csv, String row, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = splitCsv(lines.get(0));
        int col = header.indexOf(column);
        for (String line : lines) {
            if (line.startsWith(row + ",")) {
                return splitCsv(line).get(col);
            }
        }
        throw new IllegalStateException(row);
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static double[] doubles(String tuple) {
        String[] t = tuple.replace("(", "").replace(")", "").split(",");
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Double.parseDouble(t[i].trim());
        }
        return out;
    }

    private static int[] ints(String tuple) {
        double[] d = doubles(tuple);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }
}
