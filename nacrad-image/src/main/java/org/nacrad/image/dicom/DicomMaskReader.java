package org.nacrad.image.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Reads a mask stored in DICOM onto the grid of the image it was drawn on.
 *
 * <p><b>DICOM-SEG</b> (PS3.3 §C.8.20): the frames of the chosen segment (per-frame SegmentIdentificationSequence)
 * are placed by their ImagePositionPatient on the reference grid; each frame must lie on a slice of the grid, with
 * the grid's orientation and pixel spacing and a whole-pixel in-plane offset. BINARY segments give a UINT8 mask
 * of 0 and 1; FRACTIONAL segments give FLOAT64 fractions, stored value / MaximumFractionalValue.
 *
 * <p><b>RTSTRUCT</b> (PS3.3 §C.8.8.6): each CLOSED_PLANAR contour of the chosen ROI is mapped to continuous voxel
 * indices of the grid; it must lie in one slice (within 0.1 slice). Inside rule: a voxel is in the ROI when its
 * <em>centre</em> is inside the contours of its slice by the even–odd rule over all of that slice's contours
 * together, so a contour drawn inside another is a hole (and one inside a hole an island again), as DICOM's
 * "contours in the same plane are combined by exclusive or" convention intends. Points exactly on an edge follow
 * the half-open convention of the crossing-number test (PNPOLY, W. R. Franklin): a centre on a left edge is
 * inside, on a right edge outside. Contours of other geometric types (POINT, OPEN_PLANAR) are ignored.
 *
 * <p>Written by hand (see {@link DicomParser}); the scan-line fill is the classical even–odd polygon fill
 * (Foley, van Dam et al., Computer Graphics, §3.6).
 */
public final class DicomMaskReader {

    static final int SEGMENTATION_TYPE = DicomObject.tag(0x0062, 0x0001);
    static final int SEGMENT_SEQ = DicomObject.tag(0x0062, 0x0002);
    static final int SEGMENT_NUMBER = DicomObject.tag(0x0062, 0x0004);
    static final int SEGMENT_LABEL = DicomObject.tag(0x0062, 0x0005);
    static final int SEGMENT_ID_SEQ = DicomObject.tag(0x0062, 0x000A);
    static final int REFERENCED_SEGMENT = DicomObject.tag(0x0062, 0x000B);
    static final int MAX_FRACTIONAL = DicomObject.tag(0x0062, 0x000E);
    static final int REFERENCED_SERIES_SEQ = DicomObject.tag(0x0008, 0x1115);
    static final int REF_FRAME_OF_REF_SEQ = DicomObject.tag(0x3006, 0x0010);
    static final int RT_REF_STUDY_SEQ = DicomObject.tag(0x3006, 0x0012);
    static final int RT_REF_SERIES_SEQ = DicomObject.tag(0x3006, 0x0014);
    static final int STRUCTURE_SET_ROI_SEQ = DicomObject.tag(0x3006, 0x0020);
    static final int ROI_NUMBER = DicomObject.tag(0x3006, 0x0022);
    static final int ROI_NAME = DicomObject.tag(0x3006, 0x0026);
    static final int ROI_CONTOUR_SEQ = DicomObject.tag(0x3006, 0x0039);
    static final int CONTOUR_SEQ = DicomObject.tag(0x3006, 0x0040);
    static final int CONTOUR_TYPE = DicomObject.tag(0x3006, 0x0042);
    static final int CONTOUR_DATA = DicomObject.tag(0x3006, 0x0050);
    static final int REFERENCED_ROI = DicomObject.tag(0x3006, 0x0084);

    private DicomMaskReader() {
    }

    /** Whether a parsed object is a DICOM-SEG or an RTSTRUCT. */
    public static boolean isMask(DicomObject d) {
        String cls = d.string(DicomFrame.SOP_CLASS);
        return DicomSeriesReader.SEG_CLASS.equals(cls) || DicomSeriesReader.RTSTRUCT_CLASS.equals(cls);
    }

    /**
     * Reads a mask onto a DICOM reference series, checking that the mask references that series.
     *
     * @param referencePath where the reference was read from (for messages)
     */
    public static Volume read(Path mask, DicomSeriesReader.DicomImage reference, Path referencePath, String selector)
            throws IOException {
        DicomParser.Parsed p = DicomParser.parse(mask);
        List<String> refs = referencedSeries(p.dataset());
        if (!refs.isEmpty() && !refs.contains(reference.seriesUid())) {
            throw new ImageFormatException(mask, "references series " + String.join(", ", refs.stream().map(ImageFormatException::quote).toList())
                    + " but the image "
                    + referencePath + " is series " + reference.seriesUid());
        }
        return read(p, reference.volumes().get(0).geometry(), selector);
    }

    /** Reads a mask onto the grid of a reference volume (placement by geometry alone, no series check). */
    public static Volume read(Path mask, Volume reference, String selector) throws IOException {
        return read(DicomParser.parse(mask), reference.geometry(), selector);
    }

    static Volume read(DicomParser.Parsed p, Geometry grid, String selector) throws IOException {
        try {
            return readMask(p, grid, selector);
        } catch (DicomObject.BadValueException e) {
            throw e.toImageFormatException();
        }
    }

    private static Volume readMask(DicomParser.Parsed p, Geometry grid, String selector) throws IOException {
        String cls = p.dataset().string(DicomFrame.SOP_CLASS);
        if (DicomSeriesReader.SEG_CLASS.equals(cls)) {
            return readSeg(p, grid, selector);
        }
        if (DicomSeriesReader.RTSTRUCT_CLASS.equals(cls)) {
            return readRtStruct(p, grid, selector);
        }
        throw new ImageFormatException(p.file(), "not a DICOM-SEG or RTSTRUCT (SOP class " + ImageFormatException.quote(cls) + ")");
    }

    /** The SeriesInstanceUIDs a SEG or RTSTRUCT says it was drawn on. */
    static List<String> referencedSeries(DicomObject d) {
        List<String> out = new ArrayList<>();
        for (DicomObject s : d.sequence(REFERENCED_SERIES_SEQ)) {
            add(out, s.string(DicomFrame.SERIES_UID));
        }
        for (DicomObject f : d.sequence(REF_FRAME_OF_REF_SEQ)) {
            for (DicomObject st : f.sequence(RT_REF_STUDY_SEQ)) {
                for (DicomObject se : st.sequence(RT_REF_SERIES_SEQ)) {
                    add(out, se.string(DicomFrame.SERIES_UID));
                }
            }
        }
        return out;
    }

    private static void add(List<String> list, String s) {
        if (s != null && !list.contains(s)) {
            list.add(s);
        }
    }

    /** Chooses an item by number or by (case-insensitive) name; null selects the only one. */
    private static int select(Path file, Map<Integer, String> available, String selector, String what)
            throws ImageFormatException {
        if (available.isEmpty()) {
            throw new ImageFormatException(file, "no " + what + "s");
        }
        StringBuilder list = new StringBuilder();
        available.forEach((n, name) -> list.append(list.length() > 0 ? ", " : "").append(n).append(" \"")
                .append(ImageFormatException.shown(name)).append('"'));
        if (selector == null) {
            if (available.size() == 1) {
                return available.keySet().iterator().next();
            }
            throw new ImageFormatException(file, available.size() + " " + what + "s (" + list + "): choose one");
        }
        for (var e : available.entrySet()) {
            if (String.valueOf(e.getKey()).equals(selector.trim())) {
                return e.getKey();
            }
        }
        for (var e : available.entrySet()) {
            if (selector.equalsIgnoreCase(e.getValue())) {
                return e.getKey();
            }
        }
        throw new ImageFormatException(file, "no " + what + " \"" + selector + "\" (available: " + list + ")");
    }

    // ---------------------------------------------------------------- DICOM-SEG

    private static Volume readSeg(DicomParser.Parsed p, Geometry grid, String selector) throws IOException {
        DicomObject d = p.dataset();
        Path file = p.file();
        Map<Integer, String> segments = new TreeMap<>();
        for (DicomObject s : d.sequence(SEGMENT_SEQ)) {
            String label = s.string(SEGMENT_LABEL);
            segments.put(s.uint16(SEGMENT_NUMBER, -1), label == null ? "" : label);
        }
        int segment = select(file, segments, selector, "segment");
        String type = d.string(SEGMENTATION_TYPE);
        boolean fractional = "FRACTIONAL".equals(type);
        if (!fractional && !"BINARY".equals(type)) {
            throw new ImageFormatException(file, "SegmentationType " + ImageFormatException.quote(type)
                    + " is neither BINARY nor FRACTIONAL");
        }
        double max = fractional ? d.uint16(MAX_FRACTIONAL, 255) : 1;
        List<DicomFrame> frames = DicomFrame.of(p);
        List<DicomObject> perFrame = d.sequence(DicomFrame.PER_FRAME_GROUPS);
        DicomObject shared = d.item(DicomFrame.SHARED_GROUPS);
        double[] dir = grid.direction();
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        double[] out = ImageLimits.allocateDoubles(file.toString(), "mask of " + grid.voxelCount() + " voxels",
                grid.voxelCount());
        int rows = d.uint16(PixelDecoder.ROWS, -1), cols = d.uint16(PixelDecoder.COLUMNS, -1);
        if (rows < 1 || cols < 1) {
            throw new ImageFormatException(file, "no Rows or Columns");
        }
        double[] plane = ImageLimits.allocateDoubles(file.toString(), "frame of " + cols + "×" + rows + " pixels",
                (long) rows * cols);
        int used = 0;
        for (DicomFrame f : frames) {
            DicomObject id = perFrame.get(f.index()).item(SEGMENT_ID_SEQ);
            if (id == null && shared != null) {
                id = shared.item(SEGMENT_ID_SEQ);
            }
            if (id == null) {
                throw new ImageFormatException(file, "frame " + (f.index() + 1) + " has no segment identification");
            }
            if (id.uint16(REFERENCED_SEGMENT, -1) != segment) {
                continue;
            }
            String where = "frame " + (f.index() + 1) + " of segment " + segment;
            double[] o = f.orientation();
            double[] ps = f.pixelSpacing();
            if (Math.abs(o[0] - dir[0]) + Math.abs(o[1] - dir[3]) + Math.abs(o[2] - dir[6]) + Math.abs(o[3] - dir[1])
                    + Math.abs(o[4] - dir[4]) + Math.abs(o[5] - dir[7]) > 1e-3
                    || Math.abs(ps[1] - grid.spacing(0)) > 1e-3 * grid.spacing(0)
                    || Math.abs(ps[0] - grid.spacing(1)) > 1e-3 * grid.spacing(1)) {
                throw new ImageFormatException(file, where + " is not on the reference grid (orientation "
                        + Arrays.toString(o) + ", pixel spacing " + Arrays.toString(ps) + ")");
            }
            double[] idx = grid.physicalToIndex(f.position()[0], f.position()[1], f.position()[2]);
            int i0 = (int) Math.round(idx[0]), j0 = (int) Math.round(idx[1]), k0 = (int) Math.round(idx[2]);
            if (Math.abs(idx[0] - i0) > 0.01 || Math.abs(idx[1] - j0) > 0.01 || Math.abs(idx[2] - k0) > 0.01) {
                throw new ImageFormatException(file, where + " at " + Arrays.toString(f.position())
                        + " falls between voxels of the reference grid (index " + Arrays.toString(idx) + ")");
            }
            if (k0 < 0 || k0 >= nz || i0 < 0 || j0 < 0 || i0 + cols > nx || j0 + rows > ny) {
                throw new ImageFormatException(file, where + " lies outside the reference image (index "
                        + Arrays.toString(idx) + ", grid " + Arrays.toString(grid.size()) + ")");
            }
            PixelDecoder.decode(f, plane, 0);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int v = grid.index(i0 + c, j0 + r, k0);
                    out[v] = Math.max(out[v], plane[r * cols + c] / max);
                }
            }
            used++;
        }
        if (used == 0) {
            throw new ImageFormatException(file, "segment " + segment + " has no frames");
        }
        return new Volume(grid, fractional ? PixelType.FLOAT64 : PixelType.UINT8, out);
    }

    // ---------------------------------------------------------------- RTSTRUCT

    private static Volume readRtStruct(DicomParser.Parsed p, Geometry grid, String selector) throws IOException {
        DicomObject d = p.dataset();
        Path file = p.file();
        Map<Integer, String> rois = new TreeMap<>();
        for (DicomObject s : d.sequence(STRUCTURE_SET_ROI_SEQ)) {
            String name = s.string(ROI_NAME);
            rois.put((int) s.integer(ROI_NUMBER, -1), name == null ? "" : name);
        }
        int roi = select(file, rois, selector, "ROI");
        DicomObject contours = null;
        for (DicomObject c : d.sequence(ROI_CONTOUR_SEQ)) {
            if (c.integer(REFERENCED_ROI, -2) == roi) {
                contours = c;
            }
        }
        if (contours == null || contours.sequence(CONTOUR_SEQ).isEmpty()) {
            throw new ImageFormatException(file, "ROI " + roi + " " + ImageFormatException.quote(rois.get(roi))
                    + " has no contours");
        }
        int nz = grid.nz();
        List<List<double[][]>> bySlice = new ArrayList<>();
        for (int k = 0; k < nz; k++) {
            bySlice.add(new ArrayList<>());
        }
        int number = 0;
        for (DicomObject c : contours.sequence(CONTOUR_SEQ)) {
            number++;
            if (!"CLOSED_PLANAR".equals(c.string(CONTOUR_TYPE))) {
                continue;
            }
            double[] xyz = c.doubles(CONTOUR_DATA);
            String where = "ROI " + roi + " contour " + number;
            if (xyz == null || xyz.length < 9 || xyz.length % 3 != 0) {
                throw new ImageFormatException(file, where + ": ContourData needs at least 3 points of x\\y\\z");
            }
            int n = xyz.length / 3;
            double[] xs = new double[n], ys = new double[n];
            double kMin = Double.POSITIVE_INFINITY, kMax = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < n; q++) {
                double[] idx = grid.physicalToIndex(xyz[3 * q], xyz[3 * q + 1], xyz[3 * q + 2]);
                xs[q] = idx[0];
                ys[q] = idx[1];
                kMin = Math.min(kMin, idx[2]);
                kMax = Math.max(kMax, idx[2]);
            }
            int k = (int) Math.round((kMin + kMax) / 2);
            if (kMax - kMin > 0.1 || Math.abs(kMin - k) > 0.1 || Math.abs(kMax - k) > 0.1) {
                throw new ImageFormatException(file, where + " is not in a slice of the reference image (slice "
                        + "index from " + kMin + " to " + kMax + ")");
            }
            if (k < 0 || k >= nz) {
                throw new ImageFormatException(file, where + " at z = " + xyz[2] + " mm lies outside the reference "
                        + "image (slice index " + kMin + ", image has " + nz + " slices)");
            }
            bySlice.get(k).add(new double[][] {xs, ys});
        }
        double[] out = ImageLimits.allocateDoubles(file.toString(), "mask of " + grid.voxelCount() + " voxels",
                grid.voxelCount());
        for (int k = 0; k < nz; k++) {
            if (!bySlice.get(k).isEmpty()) {
                fillEvenOdd(bySlice.get(k), grid.nx(), grid.ny(), out, k * grid.nx() * grid.ny());
            }
        }
        return new Volume(grid, PixelType.UINT8, out);
    }

    /**
     * Even–odd scan-line fill of polygons given in continuous voxel indices: voxel (i, j) is set when the number
     * of polygon edges crossing the ray from its centre towards +i is odd. An edge from (x0, y0) to (x1, y1)
     * crosses row j when exactly one end has y &gt; j (half-open rule); the crossings c₀ ≤ c₁ ≤ … of a row then
     * bound the inside runs c₂ₘ ≤ i &lt; c₂ₘ₊₁.
     */
    static void fillEvenOdd(List<double[][]> polygons, int nx, int ny, double[] out, int offset) {
        double[] cross = new double[16];
        for (int j = 0; j < ny; j++) {
            int m = 0;
            for (double[][] poly : polygons) {
                double[] xs = poly[0], ys = poly[1];
                int n = xs.length;
                for (int a = 0, b = n - 1; a < n; b = a++) {
                    if ((ys[a] > j) != (ys[b] > j)) {
                        if (m == cross.length) {
                            cross = Arrays.copyOf(cross, 2 * m);
                        }
                        cross[m++] = xs[b] + (j - ys[b]) * (xs[a] - xs[b]) / (ys[a] - ys[b]);
                    }
                }
            }
            Arrays.sort(cross, 0, m);
            for (int q = 0; q + 1 < m; q += 2) {
                int from = Math.max(0, (int) Math.ceil(cross[q]));
                int to = Math.min(nx, (int) Math.ceil(cross[q + 1]));
                for (int i = from; i < to; i++) {
                    out[offset + j * nx + i] = 1;
                }
            }
        }
    }
}
