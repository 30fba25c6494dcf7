package org.nacrad.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes small, valid DICOM objects for tests: an MR image series (one classic single-frame file per slice and
 * volume, b-values in DiffusionBValue), a binary DICOM-SEG and an RTSTRUCT, all Part 10 files in explicit VR little
 * endian with uncompressed pixel data (PS3.5 §7.1.2, §8.1.1; PS3.10 §7.1). Enough of each IOD is written for nacrad's
 * reader and for pydicom/dcmtk to read it; it is not a complete, conformant IOD (no patient/study modules beyond the
 * identifiers), and is meant only to build DICOM twins of test images. Written by hand because the Java DICOM
 * toolkits that write (dcm4che) are not on Maven Central.
 *
 * <p>Grids follow nacrad's {@code Geometry}: voxel (i, j, k) of a volume stored i fastest sits at
 * origin + Σ<sub>a</sub> direction[r·3 + a] · spacing[a] · index[a] (LPS, mm). A DICOM slice is the plane k:
 * its rows run along j, its columns along i, so ImageOrientationPatient is axis 0 then axis 1, PixelSpacing is
 * (spacing[1], spacing[0]), and ImagePositionPatient is the centre of voxel (0, 0, k). Axis 2 must be
 * axis 0 × axis 1 (a right-handed grid), the order in which DICOM readers stack slices.
 */
public final class DicomTestWriter {

    /** Root of the UIDs this writer makes (under the UUID-derived root 2.25 of PS3.5 §B.2). */
    private static final String UID_ROOT = "2.25.2718281828459045235360287471352";
    private static final AtomicLong COUNTER = new AtomicLong();

    private static final String MR_CLASS = "1.2.840.10008.5.1.4.1.1.4";
    private static final String SEG_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    private static final String RTSTRUCT_CLASS = "1.2.840.10008.5.1.4.1.1.481.3";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private DicomTestWriter() {
    }

    /**
     * A voxel grid.
     *
     * @param size      voxels along i, j, k
     * @param spacing   mm along i, j, k
     * @param origin    centre of voxel (0, 0, 0), LPS mm
     * @param direction row-major 3 × 3 matrix whose column a is the unit direction of axis a
     */
    public record Grid(int[] size, double[] spacing, double[] origin, double[] direction) {

        double[] position(double i, double j, double k) {
            double[] idx = {i, j, k};
            double[] p = origin.clone();
            for (int r = 0; r < 3; r++) {
                for (int a = 0; a < 3; a++) {
                    p[r] += direction[r * 3 + a] * spacing[a] * idx[a];
                }
            }
            return p;
        }

        double[] orientation() {
            return new double[] {direction[0], direction[3], direction[6], direction[1], direction[4], direction[7]};
        }

        int plane() {
            return size[0] * size[1];
        }
    }

    /** The UIDs tying a series, its masks and their study together. */
    public record Ids(String study, String series, String frameOfReference) {

        /** Fresh UIDs. */
        public static Ids fresh() {
            return new Ids(uid(), uid(), uid());
        }
    }

    /** A new UID under this writer's root. */
    public static String uid() {
        return UID_ROOT + "." + ProcessHandle.current().pid() + "." + System.nanoTime() % 1_000_000_000L + "."
                + COUNTER.incrementAndGet();
    }

    /**
     * Writes an MR series: one file per slice of each volume, {@code <dir>/v<volume>_s<slice>.dcm}. Stored values
     * are (value − intercept) / slope, which must be integers in the range of signed 16 bits: a value that is not
     * is an error, so the series reads back to exactly the given values.
     *
     * @param volumes  the volumes' values, i fastest
     * @param bValues  the b-value of each volume (written as DiffusionBValue), or null
     * @param slope    RescaleSlope (choose a power of two for exact non-integer values)
     * @param intercept RescaleIntercept
     */
    public static void writeMrSeries(Path dir, Grid g, Ids ids, String patientId, List<double[]> volumes,
                                     double[] bValues, double slope, double intercept) throws IOException {
        Files.createDirectories(dir);
        int nx = g.size()[0], ny = g.size()[1], nz = g.size()[2];
        int instance = 0;
        for (int v = 0; v < volumes.size(); v++) {
            double[] data = volumes.get(v);
            if (data.length != g.plane() * nz) {
                throw new IllegalArgumentException("volume " + v + " has " + data.length + " values for a grid of "
                        + g.plane() * nz);
            }
            for (int k = 0; k < nz; k++) {
                byte[] px = new byte[2 * nx * ny];
                for (int n = 0; n < nx * ny; n++) {
                    double value = data[k * nx * ny + n];
                    double s = (value - intercept) / slope;
                    if (s != Math.rint(s) || s < Short.MIN_VALUE || s > Short.MAX_VALUE
                            || Math.rint(s) * slope + intercept != value) {
                        throw new IllegalArgumentException("value " + value + " of volume " + v + " is not an int16 "
                                + "stored value times " + slope + " plus " + intercept);
                    }
                    short q = (short) s;
                    px[2 * n] = (byte) q;
                    px[2 * n + 1] = (byte) (q >> 8);
                }
                String sop = uid();
                Dataset d = new Dataset();
                common(d, MR_CLASS, sop, ids, patientId, "MR");
                d.cs(0x0008, 0x0008, "ORIGINAL\\PRIMARY");
                d.lo(0x0008, 0x103E, "nacrad test series");
                d.is(0x0020, 0x0013, ++instance);
                d.ds(0x0018, 0x0050, g.spacing()[2]);
                if (bValues != null) {
                    d.fd(0x0018, 0x9087, bValues[v]);
                }
                d.ds(0x0020, 0x0032, g.position(0, 0, k));
                d.ds(0x0020, 0x0037, g.orientation());
                d.ui(0x0020, 0x0052, ids.frameOfReference());
                d.us(0x0028, 0x0002, 1);
                d.cs(0x0028, 0x0004, "MONOCHROME2");
                d.us(0x0028, 0x0010, ny);
                d.us(0x0028, 0x0011, nx);
                d.ds(0x0028, 0x0030, g.spacing()[1], g.spacing()[0]);
                d.us(0x0028, 0x0100, 16);
                d.us(0x0028, 0x0101, 16);
                d.us(0x0028, 0x0102, 15);
                d.us(0x0028, 0x0103, 1);
                d.ds(0x0028, 0x1052, intercept);
                d.ds(0x0028, 0x1053, slope);
                d.put(0x7FE0, 0x0010, "OW", px);
                write(dir.resolve(String.format(Locale.ROOT, "v%02d_s%03d.dcm", v, k)), MR_CLASS, sop, d);
            }
        }
    }

    /**
     * A segment: its number (1, 2, …), label and mask (non-zero = inside) on the grid of the image it was drawn on.
     */
    public record Segment(int number, String label, double[] mask) {
    }

    /**
     * Writes a BINARY DICOM-SEG (PS3.3 §A.51) drawn on the series {@code image}: one frame per segment and slice
     * holding any voxel of it, 1 bit per pixel, placed by the per-frame PlanePositionSequence.
     */
    public static void writeSeg(Path file, Grid g, Ids image, String patientId, List<Segment> segments)
            throws IOException {
        int nx = g.size()[0], ny = g.size()[1], nz = g.size()[2], plane = g.plane();
        List<byte[]> perFrame = new ArrayList<>();
        List<boolean[]> frames = new ArrayList<>();
        for (Segment s : segments) {
            for (int k = 0; k < nz; k++) {
                boolean[] f = new boolean[plane];
                boolean any = false;
                for (int n = 0; n < plane; n++) {
                    f[n] = s.mask()[k * plane + n] != 0;
                    any |= f[n];
                }
                if (!any) {
                    continue;
                }
                frames.add(f);
                Dataset pos = new Dataset();
                pos.ds(0x0020, 0x0032, g.position(0, 0, k));
                Dataset segId = new Dataset();
                segId.us(0x0062, 0x000B, s.number());
                Dataset item = new Dataset();
                item.sq(0x0020, 0x9113, List.of(pos));
                item.sq(0x0062, 0x000A, List.of(segId));
                perFrame.add(item.bytes());
            }
        }
        byte[] px = new byte[(int) (((long) frames.size() * plane + 7) / 8)];
        long bit = 0;
        for (boolean[] f : frames) {
            for (boolean b : f) {
                if (b) {
                    px[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
                bit++;
            }
        }
        String sop = uid();
        Ids own = new Ids(image.study(), uid(), image.frameOfReference());
        Dataset d = new Dataset();
        common(d, SEG_CLASS, sop, own, patientId, "SEG");
        d.cs(0x0008, 0x0008, "DERIVED\\PRIMARY");
        d.lo(0x0008, 0x103E, "nacrad test segmentation");
        Dataset ref = new Dataset();
        ref.ui(0x0020, 0x000E, image.series());
        d.sq(0x0008, 0x1115, List.of(ref));
        d.is(0x0020, 0x0013, 1);
        d.ui(0x0020, 0x0052, image.frameOfReference());
        d.us(0x0028, 0x0002, 1);
        d.cs(0x0028, 0x0004, "MONOCHROME2");
        d.is(0x0028, 0x0008, frames.size());
        d.us(0x0028, 0x0010, ny);
        d.us(0x0028, 0x0011, nx);
        d.us(0x0028, 0x0100, 1);
        d.us(0x0028, 0x0101, 1);
        d.us(0x0028, 0x0102, 0);
        d.us(0x0028, 0x0103, 0);
        Dataset shared = new Dataset();
        Dataset measures = new Dataset();
        measures.ds(0x0018, 0x0050, g.spacing()[2]);
        measures.ds(0x0028, 0x0030, g.spacing()[1], g.spacing()[0]);
        Dataset orientation = new Dataset();
        orientation.ds(0x0020, 0x0037, g.orientation());
        shared.sq(0x0020, 0x9116, List.of(orientation));
        shared.sq(0x0028, 0x9110, List.of(measures));
        d.sq(0x5200, 0x9229, List.of(shared));
        d.sqRaw(0x5200, 0x9230, perFrame);
        d.cs(0x0062, 0x0001, "BINARY");
        List<Dataset> segs = new ArrayList<>();
        for (Segment s : segments) {
            Dataset item = new Dataset();
            item.us(0x0062, 0x0004, s.number());
            item.lo(0x0062, 0x0005, s.label());
            item.cs(0x0062, 0x0008, "MANUAL");
            segs.add(item);
        }
        d.sq(0x0062, 0x0002, segs);
        d.put(0x7FE0, 0x0010, "OB", px);
        write(file, SEG_CLASS, sop, d);
    }

    /**
     * Writes an RTSTRUCT (PS3.3 §A.19) drawn on the series {@code image}, each ROI's mask given as CLOSED_PLANAR
     * contours: one rectangle around each run of consecutive inside voxels of a row, its edges on the voxel
     * boundaries (half a voxel from the centres). Under the even–odd rule with voxel centres every inside voxel
     * then lies in exactly one contour and every outside voxel in none, so any mask, holes included, is
     * rasterised back exactly — unlike a traced outline, whose edges may pass through voxel centres.
     */
    public static void writeRtStruct(Path file, Grid g, Ids image, String patientId, List<Segment> rois)
            throws IOException {
        int nx = g.size()[0], ny = g.size()[1], nz = g.size()[2];
        String sop = uid();
        Ids own = new Ids(image.study(), uid(), image.frameOfReference());
        Dataset d = new Dataset();
        common(d, RTSTRUCT_CLASS, sop, own, patientId, "RTSTRUCT");
        d.lo(0x0008, 0x103E, "nacrad test structures");
        d.is(0x0020, 0x0013, 1);
        d.sh(0x3006, 0x0002, "nacrad test");
        Dataset series = new Dataset();
        series.ui(0x0020, 0x000E, image.series());
        Dataset study = new Dataset();
        study.ui(0x0008, 0x1150, "1.2.840.10008.3.1.2.3.1");
        study.ui(0x0008, 0x1155, image.study());
        study.sq(0x3006, 0x0014, List.of(series));
        Dataset frame = new Dataset();
        frame.ui(0x0020, 0x0052, image.frameOfReference());
        frame.sq(0x3006, 0x0012, List.of(study));
        d.sq(0x3006, 0x0010, List.of(frame));
        List<Dataset> roiItems = new ArrayList<>();
        List<Dataset> contourItems = new ArrayList<>();
        for (Segment roi : rois) {
            Dataset r = new Dataset();
            r.is(0x3006, 0x0022, roi.number());
            r.ui(0x3006, 0x0024, image.frameOfReference());
            r.lo(0x3006, 0x0026, roi.label());
            r.cs(0x3006, 0x0036, "MANUAL");
            roiItems.add(r);
            List<Dataset> contours = new ArrayList<>();
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        if (roi.mask()[(k * ny + j) * nx + i] == 0) {
                            continue;
                        }
                        int i0 = i;
                        while (i + 1 < nx && roi.mask()[(k * ny + j) * nx + i + 1] != 0) {
                            i++;
                        }
                        double[][] corners = {g.position(i0 - 0.5, j - 0.5, k), g.position(i + 0.5, j - 0.5, k),
                            g.position(i + 0.5, j + 0.5, k), g.position(i0 - 0.5, j + 0.5, k)};
                        double[] xyz = new double[12];
                        for (int c = 0; c < 4; c++) {
                            System.arraycopy(corners[c], 0, xyz, 3 * c, 3);
                        }
                        Dataset c = new Dataset();
                        c.cs(0x3006, 0x0042, "CLOSED_PLANAR");
                        c.is(0x3006, 0x0046, 4);
                        c.ds(0x3006, 0x0050, xyz);
                        contours.add(c);
                    }
                }
            }
            Dataset rc = new Dataset();
            rc.sq(0x3006, 0x0040, contours);
            rc.is(0x3006, 0x0084, roi.number());
            contourItems.add(rc);
        }
        d.sq(0x3006, 0x0020, roiItems);
        d.sq(0x3006, 0x0039, contourItems);
        write(file, RTSTRUCT_CLASS, sop, d);
    }

    private static void common(Dataset d, String sopClass, String sop, Ids ids, String patientId, String modality) {
        d.ui(0x0008, 0x0016, sopClass);
        d.ui(0x0008, 0x0018, sop);
        d.cs(0x0008, 0x0060, modality);
        d.pn(0x0010, 0x0010, patientId);
        d.lo(0x0010, 0x0020, patientId);
        d.ui(0x0020, 0x000D, ids.study());
        d.ui(0x0020, 0x000E, ids.series());
    }

    /** Preamble, "DICM", file meta information (group 2, with its group length) and the data set. */
    private static void write(Path file, String sopClass, String sop, Dataset d) throws IOException {
        Dataset meta = new Dataset();
        meta.put(0x0002, 0x0001, "OB", new byte[] {0, 1});
        meta.ui(0x0002, 0x0002, sopClass);
        meta.ui(0x0002, 0x0003, sop);
        meta.ui(0x0002, 0x0010, EXPLICIT_LE);
        meta.ui(0x0002, 0x0012, UID_ROOT + ".1");
        byte[] metaBytes = meta.bytes();
        Dataset length = new Dataset();
        length.ul(0x0002, 0x0000, metaBytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        out.write(length.bytes());
        out.write(metaBytes);
        out.write(d.bytes());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, out.toByteArray());
    }

    /**
     * A decimal string value of at most 16 characters (PS3.5 §6.2, DS): the value rounded to the most significant
     * digits that fit.
     */
    static String decimal(double v) {
        for (int digits = 16; digits > 0; digits--) {
            BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            String plain = b.toPlainString();
            if (plain.length() <= 16) {
                return plain;
            }
            String scientific = b.toString();
            if (scientific.length() <= 16) {
                return scientific;
            }
        }
        throw new IllegalArgumentException("cannot write " + v + " as a DICOM decimal string");
    }

    /** Elements of one data set, written in tag order, explicit VR little endian. */
    private static final class Dataset {

        private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

        void put(int group, int element, String vr, byte[] value) {
            byte[] v = value.length % 2 == 0 ? value : java.util.Arrays.copyOf(value, value.length + 1);
            boolean longForm = List.of("OB", "OW", "OF", "SQ", "UT", "UN").contains(vr);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            short16(b, group);
            short16(b, element);
            b.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (longForm) {
                short16(b, 0);
                int32(b, v.length);
            } else {
                if (v.length > 0xFFFF) {
                    throw new IllegalArgumentException(String.format("(%04X,%04X) too long for %s", group, element, vr));
                }
                short16(b, v.length);
            }
            b.writeBytes(v);
            elements.put(group << 16 | element, b.toByteArray());
        }

        void text(int group, int element, String vr, String value, byte pad) {
            byte[] s = value.getBytes(StandardCharsets.US_ASCII);
            if (s.length % 2 == 1) {
                s = java.util.Arrays.copyOf(s, s.length + 1);
                s[s.length - 1] = pad;
            }
            put(group, element, vr, s);
        }

        void ui(int g, int e, String v) {
            text(g, e, "UI", v, (byte) 0);
        }

        void cs(int g, int e, String v) {
            text(g, e, "CS", v, (byte) ' ');
        }

        void lo(int g, int e, String v) {
            text(g, e, "LO", v, (byte) ' ');
        }

        void sh(int g, int e, String v) {
            text(g, e, "SH", v, (byte) ' ');
        }

        void pn(int g, int e, String v) {
            text(g, e, "PN", v, (byte) ' ');
        }

        void is(int g, int e, long v) {
            text(g, e, "IS", Long.toString(v), (byte) ' ');
        }

        void ds(int g, int e, double... v) {
            StringBuilder s = new StringBuilder();
            for (double x : v) {
                s.append(s.length() > 0 ? "\\" : "").append(decimal(x));
            }
            text(g, e, "DS", s.toString(), (byte) ' ');
        }

        void us(int g, int e, int v) {
            put(g, e, "US", new byte[] {(byte) v, (byte) (v >> 8)});
        }

        void ul(int g, int e, long v) {
            put(g, e, "UL", new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
        }

        void fd(int g, int e, double v) {
            long bits = Double.doubleToLongBits(v);
            byte[] b = new byte[8];
            for (int q = 0; q < 8; q++) {
                b[q] = (byte) (bits >>> (8 * q));
            }
            put(g, e, "FD", b);
        }

        void sq(int g, int e, List<Dataset> items) {
            List<byte[]> raw = new ArrayList<>();
            for (Dataset d : items) {
                raw.add(d.bytes());
            }
            sqRaw(g, e, raw);
        }

        /** A sequence of defined length whose items (of defined length) hold the given encoded data sets. */
        void sqRaw(int g, int e, List<byte[]> items) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (byte[] item : items) {
                short16(b, 0xFFFE);
                short16(b, 0xE000);
                int32(b, item.length);
                b.writeBytes(item);
            }
            put(g, e, "SQ", b.toByteArray());
        }

        byte[] bytes() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            elements.values().forEach(b::writeBytes);
            return b.toByteArray();
        }

        private static void short16(ByteArrayOutputStream b, int v) {
            b.write(v);
            b.write(v >> 8);
        }

        private static void int32(ByteArrayOutputStream b, int v) {
            short16(b, v);
            short16(b, v >>> 16);
        }
    }
}
