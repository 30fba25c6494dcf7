package org.nacrad.image.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Builds volumes from the DICOM image files of a folder (or a list of files).
 *
 * <ol>
 * <li>Every regular file under the folder (recursively; names starting with "." are ignored) must be DICOM:
 *     anything else is an error naming the file. Objects without pixel data and segmentation or structure-set
 *     objects (SEG, RTSTRUCT) are set aside.</li>
 * <li>Frames are grouped by SeriesInstanceUID; when a folder holds several image series one must be chosen.</li>
 * <li>Within a series, frames are split into volumes by temporal position (TemporalPositionIdentifier, or
 *     TemporalPositionIndex of enhanced images) and b-value (standard and vendor tags, see
 *     {@link DicomFrame#bValue}); if two frames of one volume still share a position, by AcquisitionNumber.</li>
 * <li>Each volume's frames are sorted by the projection of ImagePositionPatient on the slice normal
 *     n = row × column direction. They must share orientation, size and pixel spacing and lie along n (no
 *     gantry tilt). The slice spacing is (d<sub>last</sub> − d<sub>first</sub>) / (N − 1); every gap must be
 *     within 1 % of the median gap, and a gap over 1.5 median gaps is reported as missing slices.</li>
 * <li>Geometry (LPS): origin = position of the first sorted slice, direction columns = row direction, column
 *     direction, n; spacing = (column spacing, row spacing, slice spacing), i.e. PixelSpacing reversed.</li>
 * <li>Values = stored value × RescaleSlope + RescaleIntercept. When every slope and intercept is an integer the
 *     pixel type is the smallest integer type that holds the rescaled range of the stored bits (as GDCM's
 *     Rescaler chooses), else FLOAT64.</li>
 * </ol>
 */
public final class DicomSeriesReader {

    static final String SEG_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    static final String RTSTRUCT_CLASS = "1.2.840.10008.5.1.4.1.1.481.3";
    static final int FRAME_OF_REFERENCE = DicomObject.tag(0x0020, 0x0052);
    static final int SERIES_DESCRIPTION = DicomObject.tag(0x0008, 0x103E);

    private DicomSeriesReader() {
    }

    /**
     * The volumes of one image series.
     *
     * @param seriesUid         SeriesInstanceUID
     * @param frameOfReference  FrameOfReferenceUID (may be null)
     * @param phases            label of each volume ("" for a single volume; "t=2", "b=800", ...)
     * @param volumes           the volumes, in phase order
     */
    public record DicomImage(String seriesUid, String frameOfReference, List<String> phases, List<Volume> volumes) {

        /** The only volume. @throws ImageFormatException when the series holds several */
        public Volume volume(Path source) throws ImageFormatException {
            if (volumes.size() != 1) {
                throw new ImageFormatException(source, "DICOM series " + seriesUid + " holds " + volumes.size()
                        + " volumes (" + String.join("; ", phases.stream().map(ImageFormatException::shown).toList())
                        + "): read it as a series");
            }
            return volumes.get(0);
        }

        /**
         * The b-value of each volume, read from its phase label (the DiffusionBValue or vendor tag of its frames,
         * see {@link DicomFrame#bValue}), in volume order; null when any volume carries none.
         */
        public double[] bValues() {
            double[] b = new double[phases.size()];
            for (int v = 0; v < b.length; v++) {
                b[v] = Double.NaN;
                for (String part : phases.get(v).split(",")) {
                    if (part.startsWith("b=")) {
                        b[v] = Double.parseDouble(part.substring(2));
                    }
                }
                if (Double.isNaN(b[v])) {
                    return null;
                }
            }
            return b;
        }
    }

    /** Reads the only image series of a folder or file. */
    public static DicomImage read(Path folderOrFile) throws IOException {
        return read(folderOrFile, null);
    }

    /**
     * Reads one image series of a folder or file.
     *
     * @param seriesUid the SeriesInstanceUID to read, or null when the folder holds a single image series
     */
    public static DicomImage read(Path folderOrFile, String seriesUid) throws IOException {
        return read(folderOrFile, files(folderOrFile), seriesUid);
    }

    /** Reads one image series from a list of files; {@code source} names them in messages. */
    public static DicomImage read(Path source, List<Path> files, String seriesUid) throws IOException {
        try {
            return readFrames(source, files, seriesUid);
        } catch (DicomObject.BadValueException e) {
            throw e.toImageFormatException();
        }
    }

    private static DicomImage readFrames(Path source, List<Path> files, String seriesUid) throws IOException {
        Map<String, List<DicomFrame>> bySeries = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ImageFormatException(f, "file not found", e);
            }
        }
        // the parsed files are held together until the volumes are assembled
        ImageLimits.require(source.toString(), files.size() + " DICOM files of " + (total >> 20) + " MB", total, 1);
        for (Path f : files) {
            DicomParser.Parsed p = DicomParser.parse(f);
            DicomObject d = p.dataset();
            String cls = d.string(DicomFrame.SOP_CLASS);
            if (!d.contains(DicomFrame.PIXEL_DATA) || SEG_CLASS.equals(cls) || RTSTRUCT_CLASS.equals(cls)) {
                continue;
            }
            String uid = d.string(DicomFrame.SERIES_UID);
            if (uid == null) {
                throw new ImageFormatException(f, "image without SeriesInstanceUID (0020,000E)");
            }
            bySeries.computeIfAbsent(uid, u -> new ArrayList<>()).addAll(DicomFrame.of(p));
            String desc = d.string(SERIES_DESCRIPTION);
            descriptions.putIfAbsent(uid, desc == null ? "" : desc);
        }
        if (bySeries.isEmpty()) {
            throw new ImageFormatException(source, "no DICOM images found");
        }
        List<DicomFrame> frames;
        if (seriesUid != null) {
            frames = bySeries.get(seriesUid);
            if (frames == null) {
                throw new ImageFormatException(source, "no images of series " + seriesUid + " (found "
                        + String.join(", ", bySeries.keySet().stream().map(ImageFormatException::shown).toList()) + ")");
            }
        } else if (bySeries.size() > 1) {
            StringBuilder s = new StringBuilder();
            bySeries.forEach((uid, fr) -> s.append(s.length() > 0 ? "; " : "").append(ImageFormatException.shown(uid)).append(" \"")
                    .append(ImageFormatException.shown(descriptions.get(uid))).append("\" ").append(fr.size()).append(" frames"));
            throw new ImageFormatException(source, bySeries.size() + " image series in one folder, choose one: " + s);
        } else {
            frames = bySeries.values().iterator().next();
        }
        return assemble(source, frames);
    }

    /** The regular files of a folder (recursively, skipping hidden names) in name order, or the file itself. */
    public static List<Path> files(Path folderOrFile) throws IOException {
        if (!Files.exists(folderOrFile)) {
            throw new ImageFormatException(folderOrFile, "file not found");
        }
        if (!Files.isDirectory(folderOrFile)) {
            return List.of(folderOrFile);
        }
        try (Stream<Path> s = Files.walk(folderOrFile)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    static DicomImage assemble(Path source, List<DicomFrame> frames) throws ImageFormatException {
        Map<String, List<DicomFrame>> phases = new LinkedHashMap<>();
        frames.stream().sorted(Comparator.comparing(DicomFrame::phase, DicomSeriesReader::comparePhase))
                .forEach(f -> phases.computeIfAbsent(f.phase(), k -> new ArrayList<>()).add(f));
        List<String> labels = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        for (var e : phases.entrySet()) {
            List<DicomFrame> fr = e.getValue();
            if (hasDuplicatePositions(fr)) {
                Map<Long, List<DicomFrame>> byAcq = new LinkedHashMap<>();
                fr.stream().sorted(Comparator.comparingLong(DicomFrame::acquisition))
                        .forEach(f -> byAcq.computeIfAbsent(f.acquisition(), k -> new ArrayList<>()).add(f));
                if (byAcq.size() > 1) {
                    for (var a : byAcq.entrySet()) {
                        labels.add((e.getKey().isEmpty() ? "" : e.getKey() + ",") + "acq=" + a.getKey());
                        volumes.add(stack(a.getValue()));
                    }
                    continue;
                }
            }
            labels.add(e.getKey());
            volumes.add(stack(fr));
        }
        String frameOfRef = frames.get(0).dataset().string(FRAME_OF_REFERENCE);
        return new DicomImage(frames.get(0).seriesUid(), frameOfRef, List.copyOf(labels), List.copyOf(volumes));
    }

    private static int comparePhase(String a, String b) {
        double[] x = phaseNumbers(a), y = phaseNumbers(b);
        int c = Double.compare(x[0], y[0]);
        return c != 0 ? c : Double.compare(x[1], y[1]);
    }

    private static double[] phaseNumbers(String p) {
        double t = -1, b = -1;
        for (String part : p.split(",")) {
            if (part.startsWith("t=")) {
                t = Double.parseDouble(part.substring(2));
            } else if (part.startsWith("b=")) {
                b = Double.parseDouble(part.substring(2));
            }
        }
        return new double[] {t, b};
    }

    private static boolean hasDuplicatePositions(List<DicomFrame> fr) {
        Set<String> seen = new java.util.HashSet<>();
        for (DicomFrame f : fr) {
            double[] p = f.position();
            String key = Math.round(p[0] * 1000) + "," + Math.round(p[1] * 1000) + "," + Math.round(p[2] * 1000);
            if (!seen.add(key)) {
                return true;
            }
        }
        return false;
    }

    private static double[] normal(double[] o) {
        return new double[] {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** Sorts, checks and stacks the frames of one volume. */
    static Volume stack(List<DicomFrame> input) throws ImageFormatException {
        DicomFrame first = input.get(0);
        double[] o = first.orientation();
        double[] n = normal(o);
        int rows = first.dataset().uint16(PixelDecoder.ROWS, -1);
        int cols = first.dataset().uint16(PixelDecoder.COLUMNS, -1);
        for (DicomFrame f : input) {
            for (int a = 0; a < 6; a++) {
                if (Math.abs(f.orientation()[a] - o[a]) > 1e-4) {
                    throw new ImageFormatException(where(f), "orientation " + java.util.Arrays.toString(f.orientation())
                            + " differs from " + java.util.Arrays.toString(o) + " in " + first.file());
                }
            }
            for (int a = 0; a < 2; a++) {
                if (Math.abs(f.pixelSpacing()[a] - first.pixelSpacing()[a]) > 1e-4 * first.pixelSpacing()[a]) {
                    throw new ImageFormatException(where(f), "pixel spacing " + java.util.Arrays.toString(f.pixelSpacing())
                            + " differs from " + java.util.Arrays.toString(first.pixelSpacing()) + " in " + first.file());
                }
            }
            if (f.dataset().uint16(PixelDecoder.ROWS, -1) != rows || f.dataset().uint16(PixelDecoder.COLUMNS, -1) != cols) {
                throw new ImageFormatException(where(f), "image size differs from " + first.file());
            }
        }
        List<DicomFrame> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingDouble(f -> dot(f.position(), n)));
        int nz = sorted.size();
        double[] d = new double[nz];
        for (int k = 0; k < nz; k++) {
            d[k] = dot(sorted.get(k).position(), n);
        }
        double[] p0 = sorted.get(0).position();
        double inPlaneTol = 0.01 * Math.min(first.pixelSpacing()[0], first.pixelSpacing()[1]) + 1e-4;
        for (int k = 1; k < nz; k++) {
            double[] p = sorted.get(k).position();
            double off = 0;
            for (int a = 0; a < 3; a++) {
                double r = p[a] - p0[a] - (d[k] - d[0]) * n[a];
                off += r * r;
            }
            if (Math.sqrt(off) > inPlaneTol) {
                throw new ImageFormatException(where(sorted.get(k)), "slice is shifted by " + fmt(Math.sqrt(off))
                        + " mm in its plane from the first slice " + where(sorted.get(0))
                        + " (gantry tilt or not one stack)");
            }
        }
        double sliceSpacing;
        if (nz == 1) {
            DicomObject ds = first.dataset();
            sliceSpacing = ds.decimal(DicomObject.tag(0x0018, 0x0088), ds.decimal(DicomObject.tag(0x0018, 0x0050), 1));
            if (!(sliceSpacing > 0)) {
                sliceSpacing = 1;
            }
        } else {
            double[] gaps = new double[nz - 1];
            for (int k = 1; k < nz; k++) {
                gaps[k - 1] = d[k] - d[k - 1];
                if (gaps[k - 1] < 1e-6) {
                    throw new ImageFormatException(where(sorted.get(k)), "same position as " + where(sorted.get(k - 1))
                            + " in one volume of series " + first.seriesUid());
                }
            }
            double[] s = gaps.clone();
            java.util.Arrays.sort(s);
            double median = s[s.length / 2];
            for (int k = 0; k < gaps.length; k++) {
                if (gaps[k] > 1.5 * median) {
                    throw new ImageFormatException(where(sorted.get(k)), "missing slice(s) between it and "
                            + where(sorted.get(k + 1)) + ": gap " + fmt(gaps[k]) + " mm where slices are "
                            + fmt(median) + " mm apart");
                }
                if (Math.abs(gaps[k] - median) > 0.01 * median) {
                    throw new ImageFormatException(where(sorted.get(k)), "non-uniform slice spacing: gap "
                            + fmt(gaps[k]) + " mm to " + where(sorted.get(k + 1)) + " where the median is "
                            + fmt(median) + " mm");
                }
            }
            sliceSpacing = (d[nz - 1] - d[0]) / (nz - 1);
        }
        double[] ps = first.pixelSpacing();
        double[] dir = {o[0], o[3], n[0], o[1], o[4], n[1], o[2], o[5], n[2]};
        if (!(ps[0] > 0) || !(ps[1] > 0)) {
            throw new ImageFormatException(where(first), "PixelSpacing " + java.util.Arrays.toString(ps)
                    + " is not positive");
        }
        if (rows < 1 || cols < 1) {
            throw new ImageFormatException(where(first), "no Rows or Columns");
        }
        String what = "image of " + cols + "×" + rows + "×" + nz + " voxels";
        double[] data = ImageLimits.allocateDoubles(where(first), what, ImageLimits.product(cols, rows, nz));
        Geometry g;
        try {
            g = new Geometry(new int[] {cols, rows, nz}, new double[] {ps[1], ps[0], sliceSpacing}, p0, dir);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(where(first), "inconsistent geometry: " + e.getMessage(), e);
        }
        int plane = rows * cols;
        boolean integral = true;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nz; k++) {
            DicomFrame f = sorted.get(k);
            PixelDecoder.decode(f, data, k * plane);
            double slope = f.slope(), icpt = f.intercept();
            if (slope != 1 || icpt != 0) {
                for (int v = k * plane; v < (k + 1) * plane; v++) {
                    data[v] = data[v] * slope + icpt;
                }
            }
            integral &= slope == Math.rint(slope) && icpt == Math.rint(icpt);
            double[] range = PixelDecoder.storedRange(f.dataset());
            double a = range[0] * slope + icpt, b = range[1] * slope + icpt;
            lo = Math.min(lo, Math.min(a, b));
            hi = Math.max(hi, Math.max(a, b));
        }
        return new Volume(g, integral ? smallestIntegerType(lo, hi) : PixelType.FLOAT64, data);
    }

    static PixelType smallestIntegerType(double lo, double hi) {
        for (PixelType t : new PixelType[] {PixelType.UINT8, PixelType.INT8, PixelType.UINT16, PixelType.INT16,
                PixelType.UINT32, PixelType.INT32}) {
            if (lo >= t.min() && hi <= t.max()) {
                return t;
            }
        }
        return PixelType.FLOAT64;
    }

    static String where(DicomFrame f) {
        int frames = (int) f.dataset().integer(DicomFrame.NUMBER_OF_FRAMES, 1);
        return frames > 1 ? f.file() + " frame " + (f.index() + 1) : f.file().toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
