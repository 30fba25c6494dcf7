package org.nacrad.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/**
 * DICOM files written by pydicom ({@code src/test/fixtures-gen/dicom/make_dicom_fixtures.py}) from known
 * construction parameters; the expected geometry and voxels ({@code expected-*.txt}) come from those parameters.
 */
class GeneratedFixturesTest {

    static Path res(String name) {
        try {
            return Path.of(GeneratedFixturesTest.class.getResource("/dicom/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts geometry (to 1e-6 mm: positions are 10-digit decimal strings) and values (exactly). */
    static void assertMatches(Volume v, String expected) throws IOException {
        Map<String, double[]> e = new HashMap<>();
        for (String line : Files.readAllLines(res("expected-" + expected + ".txt"))) {
            String[] parts = line.trim().split(" ");
            double[] values = new double[parts.length - 1];
            for (int n = 1; n < parts.length; n++) {
                values[n - 1] = Double.parseDouble(parts[n]);
            }
            e.put(parts[0], values);
        }
        Geometry g = v.geometry();
        double[] size = e.get("size");
        assertThat(g.size()).containsExactly((int) size[0], (int) size[1], (int) size[2]);
        assertThat(g.spacing()).containsExactly(e.get("spacing"), offset(1e-6));
        assertThat(g.origin()).containsExactly(e.get("origin"), offset(1e-6));
        assertThat(g.direction()).containsExactly(e.get("direction"), offset(1e-6));
        assertThat(v.data()).containsExactly(e.get("values"));
    }

    @Test
    void obliqueReversedRescaledSeries() throws Exception {
        Volume v = ImageIO.read(res("oblique"));
        assertMatches(v, "oblique");
        assertThat(v.pixelType()).isEqualTo(PixelType.FLOAT64);
    }

    @Test
    void implicitVrSeriesWithIntegerRescale() throws Exception {
        Volume v = ImageIO.read(res("axial"));
        assertMatches(v, "axial");
        // stored uint16 0..65535 minus 1024 needs INT32
        assertThat(v.pixelType()).isEqualTo(PixelType.INT32);
    }

    @Test
    void singleDicomFileIsOneSlice() throws Exception {
        Volume v = ImageIO.read(res("axial/IM0002.dcm"));
        assertThat(v.geometry().size()).containsExactly(6, 5, 1);
        assertThat(v.geometry().origin()).containsExactly(-3.0, -2.0, 14.0);
    }

    @Test
    void missingSliceIsReportedWithTheFilesAroundTheGap() {
        assertThatThrownBy(() -> ImageIO.read(res("missing")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("IM0001.dcm: missing slice(s) between it and ")
                .hasMessageContaining("IM0003.dcm: gap 4.000 mm where slices are 2.000 mm apart");
    }

    @Test
    void mixedSeriesMustBeChosen() throws Exception {
        List<String> uids = Files.readAllLines(res("mixed-series.txt"));
        assertThatThrownBy(() -> ImageIO.read(res("mixed")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("2 image series in one folder, choose one")
                .hasMessageContaining(uids.get(0) + " \"mixed\" 3 frames")
                .hasMessageContaining(uids.get(1) + " \"mixed\" 2 frames");
        DicomSeriesReader.DicomImage b = DicomSeriesReader.read(res("mixed"), uids.get(1));
        assertThat(b.seriesUid()).isEqualTo(uids.get(1));
        assertMatches(b.volumes().get(0), "mixed-B");
    }

    @Test
    void classicDceSplitsByTemporalPosition() throws Exception {
        DicomSeriesReader.DicomImage dce = DicomSeriesReader.read(res("dce"));
        assertThat(dce.phases()).containsExactly("t=1", "t=2");
        assertMatches(dce.volumes().get(0), "dce-t1");
        assertMatches(dce.volumes().get(1), "dce-t2");
        assertThat(ImageIO.readSeries(res("dce"))).hasSize(2);
        assertThatThrownBy(() -> ImageIO.read(res("dce")))
                .hasMessageContaining("holds 2 volumes (t=1; t=2): read it as a series");
    }

    @Test
    void enhancedMultiFrameSplitsByBValue() throws Exception {
        DicomSeriesReader.DicomImage mf = DicomSeriesReader.read(res("multiframe/enhanced.dcm"));
        assertThat(mf.phases()).containsExactly("b=0", "b=800");
        assertMatches(mf.volumes().get(0), "multiframe-b0");
        assertMatches(mf.volumes().get(1), "multiframe-b800");
        assertThat(mf.volumes().get(0).pixelType()).isEqualTo(PixelType.UINT16); // 12 bits × 2
        assertThat(mf.volumes().get(1).pixelType()).isEqualTo(PixelType.FLOAT64); // slope 0.25
    }

    @Test
    void rleLosslessSeriesAndMultiFrame() throws Exception {
        assertMatches(ImageIO.read(res("oblique-rle")), "oblique");
        DicomSeriesReader.DicomImage mf = DicomSeriesReader.read(res("multiframe-rle/enhanced.dcm"));
        assertMatches(mf.volumes().get(0), "multiframe-b0");
        assertMatches(mf.volumes().get(1), "multiframe-b800");
    }

    @Test
    void acquisitionNumberSeparatesRepeatedSlices() throws Exception {
        DicomSeriesReader.DicomImage a = DicomSeriesReader.read(res("acquisitions"));
        assertThat(a.phases()).containsExactly("acq=7", "acq=8");
        assertMatches(a.volumes().get(0), "acq-7");
        assertMatches(a.volumes().get(1), "acq-8");
    }

    @Test
    void unsupportedCodecIsNamed() {
        assertThatThrownBy(() -> ImageIO.read(res("jpeg2000-placeholder.dcm")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage(res("jpeg2000-placeholder.dcm") + ": compressed pixel data (JPEG 2000 lossless, transfer "
                        + "syntax 1.2.840.10008.1.2.4.90) is not supported: decompress first, e.g. "
                        + "'gdcmconv --raw IN OUT'");
    }

    @Test
    void segWithTwoSegmentsByNumberAndLabel() throws Exception {
        Volume s1 = ImageIO.readMask(res("seg-two-segments.dcm"), res("axial"), "1");
        assertMatches(s1, "seg-1");
        assertThat(s1.pixelType()).isEqualTo(PixelType.UINT8);
        assertMatches(ImageIO.readMask(res("seg-two-segments.dcm"), res("axial"), "Enhancement"), "seg-2");
        assertThatThrownBy(() -> ImageIO.readMask(res("seg-two-segments.dcm"), res("axial"), null))
                .hasMessageEndingWith("seg-two-segments.dcm: 2 segments (1 \"tumour\", 2 \"enhancement\"): choose one");
        assertThatThrownBy(() -> ImageIO.readMask(res("seg-two-segments.dcm"), res("axial"), "liver"))
                .hasMessageContaining("no segment \"liver\" (available: 1 \"tumour\", 2 \"enhancement\")");
    }

    @Test
    void fractionalSeg() throws Exception {
        Volume f = ImageIO.readMask(res("seg-fractional.dcm"), res("axial"), null);
        assertMatches(f, "seg-fractional");
        assertThat(f.pixelType()).isEqualTo(PixelType.FLOAT64);
    }

    @Test
    void segOnANiftiReferenceIsPlacedByGeometry(@TempDir Path tmp) throws Exception {
        Path nii = tmp.resolve("axial.nii.gz");
        ImageIO.write(ImageIO.read(res("axial")), nii);
        assertMatches(ImageIO.readMask(res("seg-two-segments.dcm"), nii, "tumour"), "seg-1");
    }

    @Test
    void rtstructWithHoleAndTwoRois() throws Exception {
        assertMatches(ImageIO.readMask(res("rtstruct-hole.dcm"), res("axial"), "ring"), "rt-ring");
        assertMatches(ImageIO.readMask(res("rtstruct-hole.dcm"), res("axial"), "2"), "rt-ell");
    }

    @Test
    void segReferencingAnotherSeriesIsRefused() {
        assertThatThrownBy(() -> ImageIO.readMask(res("seg-other-series.dcm"), res("axial"), null))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("seg-other-series.dcm: references series ")
                .hasMessageContaining("but the image " + res("axial") + " is series ");
    }

    @Test
    void nonDicomFileAmongSlicesIsNamed() {
        assertThatThrownBy(() -> ImageIO.read(res("with-text-file")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage(res("with-text-file").resolve("notes.txt")
                        + ": not a DICOM file (no DICM marker after the 128-byte preamble)");
    }

    @Test
    void folderWithoutImages(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> ImageIO.read(tmp))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage(tmp + ": no DICOM images found");
        Files.copy(res("rtstruct-hole.dcm"), tmp.resolve("rs.dcm"));
        assertThatThrownBy(() -> ImageIO.read(tmp)).hasMessage(tmp + ": no DICOM images found");
    }

    @Test
    void truncatedFileIsNamed(@TempDir Path tmp) throws Exception {
        byte[] all = Files.readAllBytes(res("axial/IM0000.dcm"));
        Path cut = tmp.resolve("cut.dcm");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 7));
        assertThatThrownBy(() -> ImageIO.read(cut)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(cut + ": ");
    }
}
