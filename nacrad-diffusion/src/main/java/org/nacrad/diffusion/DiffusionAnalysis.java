package org.nacrad.diffusion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.dicom.DicomMaskReader;
import org.nacrad.image.dicom.DicomSeriesReader;
import org.nacrad.image.io.ImageIO;

/**
 * A patient's diffusion analysis from files: read the series and its b-values, fit the maps inside the tumour and
 * reference masks (or everywhere when maps are wanted), summarise.
 */
public final class DiffusionAnalysis {

    private DiffusionAnalysis() {
    }

    /** The maps and their summary. */
    public record Result(DiffusionMaps maps, DiffusionSummary summary, double[] bValues) {

        /** The summary as flat named quantities (the study's columns and the CLI's CSV rows). */
        public Map<String, Double> quantities() {
            Map<String, Double> q = new LinkedHashMap<>();
            put(q, "tumour", summary.tumour());
            if (summary.reference() != null) {
                put(q, "reference", summary.reference());
                q.put("radc", summary.relative().rAdc());
                q.put("rmd", summary.relative().rMd());
                q.put("rmk", summary.relative().rMk());
            }
            return q;
        }

        private static void put(Map<String, Double> q, String region, DiffusionSummary.Region r) {
            for (String p : List.of("adc", "md", "mk")) {
                RoiStatistics s = p.equals("adc") ? r.adc() : p.equals("md") ? r.md() : r.mk();
                String pre = region + "_" + p + "_";
                q.put(pre + "mean", s.mean());
                q.put(pre + "median", s.median());
                q.put(pre + "p10", s.p10());
                q.put(pre + "p25", s.p25());
                q.put(pre + "p75", s.p75());
                q.put(pre + "p90", s.p90());
            }
            q.put(region + "_voxels", (double) r.voxels());
            q.put(region + "_excluded", (double) r.excluded());
        }
    }

    /**
     * Reads b-values: an FSL-style {@code .bval} file (numbers separated by blanks or newlines).
     */
    public static double[] readBvals(Path file) throws IOException {
        String text;
        try {
            if (Files.size(file) > 1 << 20) {
                throw new IOException(file + ": " + Files.size(file) + " bytes is too large for a b-value file");
            }
            text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        }
        if (text.isEmpty()) {
            throw new IOException(file + ": no b-values");
        }
        String[] t = text.split("\\s+");
        double[] b = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            try {
                b[i] = Double.parseDouble(t[i]);
            } catch (NumberFormatException e) {
                // the text is not quoted: a wrong path (a link to another file) must not show that file's content
                throw new IOException(file + ": b-value " + (i + 1) + " is not a number (not a b-value file?)");
            }
        }
        return b;
    }

    /** Reads the diffusion volumes: one 4D file or DICOM series, or several 3D files in b-value order. */
    public static List<Volume> readSeries(List<Path> files) throws IOException {
        if (files.size() == 1) {
            return ImageIO.readSeries(files.get(0));
        }
        List<Volume> out = new ArrayList<>();
        for (Path f : files) {
            out.add(ImageIO.read(f));
        }
        return out;
    }

    /**
     * A DWI series as read from files.
     *
     * @param volumes one volume per b-value, on one grid
     * @param bValues the b-value of each volume, s/mm²; null until settled when the files do not carry them
     * @param dicom   the DICOM series when the DWI was one DICOM folder or file (the reference of DICOM-SEG and
     *                RTSTRUCT masks), else null
     * @param source  the DWI path, for messages
     */
    public record Dwi(List<Volume> volumes, double[] bValues, DicomSeriesReader.DicomImage dicom, Path source) {

        /**
         * Settles the b-values. {@code given} (from a .bval file or a list) is used when not null: its count must
         * equal the number of volumes, and when the DICOM carries b-values too they must agree to 1 % (or
         * 1 s/mm² near 0), so that a .bval file in acquisition order is not silently paired with volumes sorted by
         * b. When {@code given} is null the DICOM's b-values are used; a series without them is an error.
         *
         * @param givenName names {@code given} in messages (e.g. the .bval path)
         * @throws IOException whose message starts with {@code givenName} (or the DWI path when nothing was given)
         */
        public Dwi withBValues(double[] given, String givenName) throws IOException {
            if (given == null) {
                if (bValues == null) {
                    String phases = dicom == null ? "" : String.join("; ", dicom.phases());
                    throw new IOException(source + ": " + (dicom == null ? "no b-values given"
                            : "the DICOM series holds " + volumes.size() + " volume" + (volumes.size() == 1 ? "" : "s")
                                    + (phases.isBlank() ? " without b-value tags" : " (" + phases + "), not each with "
                                    + "a b-value")) + ": give them in a .bval file");
                }
                return this;
            }
            if (given.length != volumes.size()) {
                throw new IOException(givenName + ": " + given.length + " b-values for " + volumes.size()
                        + " diffusion volumes (" + source + ")");
            }
            if (bValues != null) {
                for (int v = 0; v < given.length; v++) {
                    if (Math.abs(given[v] - bValues[v]) > Math.max(1, 0.01 * Math.abs(bValues[v]))) {
                        throw new IOException(givenName + ": b-values " + java.util.Arrays.toString(given)
                                + " disagree with " + java.util.Arrays.toString(bValues) + " of the DICOM series "
                                + source + " (its volumes are in increasing b order; leave the b-values out to use "
                                + "the DICOM's)");
                    }
                }
            }
            return new Dwi(volumes, given.clone(), dicom, source);
        }
    }

    /**
     * Reads a DWI series: one 4D NIfTI/NRRD file, one DICOM folder (or file) holding the whole multi-b series, or
     * one 3D file per b-value. A DICOM series is split into volumes by b-value (DiffusionBValue (0018,9087) or the
     * Siemens, GE or Philips private tag) and sorted by increasing b (see {@link DicomSeriesReader}); its b-values
     * come with it. Other files carry none: settle them with {@link Dwi#withBValues}.
     */
    public static Dwi readDwi(List<Path> files) throws IOException {
        Path first = files.get(0);
        if (files.size() == 1 && ImageIO.isDicom(first)) {
            DicomSeriesReader.DicomImage dicom = DicomSeriesReader.read(first);
            return new Dwi(dicom.volumes(), dicom.bValues(), dicom, first);
        }
        return new Dwi(readSeries(files), null, null, first);
    }

    /** {@link #readDwi(List)} with the b-values settled by {@link Dwi#withBValues}. */
    public static Dwi readDwi(List<Path> files, double[] given, String givenName) throws IOException {
        return readDwi(files).withBValues(given, givenName);
    }

    /**
     * Reads a mask on the DWI grid: a label map (NIfTI, NRRD, DICOM series folder), or a DICOM-SEG segment or
     * RTSTRUCT ROI (a single DICOM file) placed on the DWI's grid — checked against the DWI's SeriesInstanceUID when the DWI is DICOM, by
     * geometry alone otherwise (see {@link DicomMaskReader}).
     *
     * @param segment the segment (number or label) or ROI (number or name); null when the SEG/RTSTRUCT holds one.
     *                Giving one with a label map is an error.
     */
    public static Volume readMask(Dwi dwi, Path mask, String segment) throws IOException {
        boolean dicomObject = Files.isRegularFile(mask) && ImageIO.isDicom(mask);
        if (!dicomObject) {
            if (segment != null) {
                throw new IOException(mask + ": a segment (" + segment + ") selects a DICOM-SEG segment or an "
                        + "RTSTRUCT ROI, but this mask is a label map");
            }
            return ImageIO.readLabelMap(mask);
        }
        return ImageIO.requireLabels(dwi.dicom() != null ? DicomMaskReader.read(mask, dwi.dicom(), dwi.source(), segment)
                : DicomMaskReader.read(mask, dwi.volumes().get(0), segment), mask.toString());
    }

    /**
     * Runs the analysis.
     *
     * @param source    names the DWI input in messages
     * @param tumour    tumour mask (label ≠ 0 is inside) on the DWI grid
     * @param reference reference mask or null
     * @param allVoxels fit every voxel (for maps) rather than the masks only
     */
    public static Result run(List<Volume> dwi, double[] bValues, String source, Volume tumour, String tumourName,
                             Volume reference, String referenceName, DiffusionMaps.Options options, boolean allVoxels) {
        DwiSeries series = DwiSeries.of(dwi, bValues, source);
        DiffusionSummary.requireSameGrid(series.geometry(), tumour.geometry(), tumourName);
        boolean[] t = nonZero(tumour);
        if (count(t) == 0) {
            throw new IllegalArgumentException(tumourName + ": the tumour mask is empty");
        }
        boolean[] r = null;
        if (reference != null) {
            DiffusionSummary.requireSameGrid(series.geometry(), reference.geometry(), referenceName);
            r = nonZero(reference);
            if (count(r) == 0) {
                throw new IllegalArgumentException(referenceName + ": the reference mask is empty");
            }
        }
        boolean[] where = null;
        if (!allVoxels) {
            where = t.clone();
            if (r != null) {
                for (int i = 0; i < where.length; i++) {
                    where[i] |= r[i];
                }
            }
        }
        requireDecay(series, t, r, source);
        DiffusionMaps maps = DiffusionMaps.fit(series, options, where);
        requireFits(maps, t, tumourName, "tumour");
        if (r != null) {
            requireFits(maps, r, referenceName, "reference");
        }
        return new Result(maps, DiffusionSummary.of(maps, t, r), series.bValues());
    }

    /**
     * Diffusion weighting attenuates: over the masks the mean signal at the highest b must be below the mean at
     * b = 0. When it is not, the b-values do not belong to the volumes in this order (a reversed or shuffled .bval
     * file, another series' b-values), and every fit would fail.
     */
    static void requireDecay(DwiSeries series, boolean[] tumour, boolean[] reference, String source) {
        double[][] s = series.signals();
        double first = 0, last = 0;
        int n = 0;
        for (int x = 0; x < tumour.length; x++) {
            if (tumour[x] || reference != null && reference[x]) {
                first += s[0][x];
                last += s[s.length - 1][x];
                n++;
            }
        }
        double[] b = series.bValues();
        if (n > 0 && !(first > 0)) {
            throw new IllegalArgumentException(source + ": the mean signal over the masks at b = " + fmt(b[0]) + " is "
                    + fmt(first / n) + ": the masks do not lie on the imaged tissue");
        }
        if (n > 0 && !(last < first)) {
            throw new IllegalArgumentException(source + ": the signal does not decrease with b (mean over the masks "
                    + fmt(first / n) + " at b = " + fmt(b[0]) + ", " + fmt(last / n) + " at b = " + fmt(b[b.length - 1])
                    + "): the b-values do not match the order of the volumes (reversed or from another series?)");
        }
    }

    /** A region in which no voxel's fit succeeded has no ADC, MD or MK: said, not reported as NaN. */
    static void requireFits(DiffusionMaps maps, boolean[] roi, String maskName, String region) {
        requireSome(maps.adcStatus(), roi, maskName, region, "ADC");
        requireSome(maps.dkiStatus(), roi, maskName, region, "kurtosis (MD, MK)");
    }

    private static void requireSome(byte[] status, boolean[] roi, String maskName, String region, String what) {
        int[] counts = new int[FitStatus.values().length];
        for (int x = 0; x < roi.length; x++) {
            if (roi[x]) {
                counts[status[x]]++;
            }
        }
        if (counts[FitStatus.OK.ordinal()] > 0) {
            return;
        }
        StringBuilder why = new StringBuilder();
        int total = 0;
        for (FitStatus f : FitStatus.values()) {
            total += counts[f.ordinal()];
            if (counts[f.ordinal()] > 0) {
                why.append(why.length() > 0 ? ", " : "").append(counts[f.ordinal()]).append(' ')
                        .append(f.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        throw new IllegalArgumentException(maskName + ": the " + what + " fit failed in all " + total + " voxels of "
                + "the " + region + " mask (" + why + "): no " + region + " value can be given; check the b-values "
                + "and that the mask lies on the diffusion images");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v)
                : String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** Writes the maps as NIfTI (float32; status maps uint8) into a folder. */
    public static void writeMaps(DiffusionMaps maps, Path dir) throws IOException {
        Files.createDirectories(dir);
        ImageIO.write(asFloat(maps, maps.adc()), dir.resolve("adc.nii.gz"));
        ImageIO.write(asFloat(maps, maps.md()), dir.resolve("md.nii.gz"));
        ImageIO.write(asFloat(maps, maps.mk()), dir.resolve("mk.nii.gz"));
        ImageIO.write(asFloat(maps, maps.s0()), dir.resolve("s0.nii.gz"));
        ImageIO.write(maps.statusVolume(maps.adcStatus()), dir.resolve("adc_status.nii.gz"));
        ImageIO.write(maps.statusVolume(maps.dkiStatus()), dir.resolve("dki_status.nii.gz"));
    }

    private static Volume asFloat(DiffusionMaps maps, double[] map) {
        double[] f = new double[map.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) map[i];
        }
        return new Volume(maps.geometry(), PixelType.FLOAT32, f);
    }

    private static boolean[] nonZero(Volume v) {
        double[] d = v.data();
        boolean[] m = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            m[i] = d[i] != 0;
        }
        return m;
    }

    private static int count(boolean[] m) {
        int c = 0;
        for (boolean b : m) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
