package org.nacrad.image.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nacrad.image.ImageFormatException;

/**
 * One 2D frame of a DICOM image with what is needed to place it in space and decode it: a classic single-frame
 * image gives one, an enhanced multi-frame image one per frame (its per-frame functional groups override the
 * shared ones, PS3.3 §C.7.6.16).
 *
 * @param file          the file it comes from
 * @param index         frame number in that file (0 for single-frame files)
 * @param seriesUid     SeriesInstanceUID (0020,000E)
 * @param position      ImagePositionPatient (0020,0032): centre of the first transmitted pixel, mm, LPS
 * @param orientation   ImageOrientationPatient (0020,0037): row direction then column direction cosines
 * @param pixelSpacing  PixelSpacing (0028,0030): distance between rows, then between columns, mm
 * @param slope         RescaleSlope (0028,1053), 1 when absent
 * @param intercept     RescaleIntercept (0028,1052), 0 when absent
 * @param phase         the volume of a multi-volume series this frame belongs to ("" for a single volume):
 *                      temporal position and b-value, see {@link #phaseOf}
 * @param acquisition   AcquisitionNumber (0020,0012), or -1
 * @param dataset       the data set holding the pixel data
 */
public record DicomFrame(Path file, int index, String seriesUid, double[] position, double[] orientation,
        double[] pixelSpacing, double slope, double intercept, String phase, long acquisition, DicomObject dataset) {

    static final int SERIES_UID = DicomObject.tag(0x0020, 0x000E);
    static final int SOP_CLASS = DicomObject.tag(0x0008, 0x0016);
    static final int IMAGE_POSITION = DicomObject.tag(0x0020, 0x0032);
    static final int IMAGE_ORIENTATION = DicomObject.tag(0x0020, 0x0037);
    static final int PIXEL_SPACING = DicomObject.tag(0x0028, 0x0030);
    static final int RESCALE_INTERCEPT = DicomObject.tag(0x0028, 0x1052);
    static final int RESCALE_SLOPE = DicomObject.tag(0x0028, 0x1053);
    static final int NUMBER_OF_FRAMES = DicomObject.tag(0x0028, 0x0008);
    static final int ACQUISITION_NUMBER = DicomObject.tag(0x0020, 0x0012);
    static final int TEMPORAL_POSITION = DicomObject.tag(0x0020, 0x0100);
    static final int DIFFUSION_B_VALUE = DicomObject.tag(0x0018, 0x9087);
    static final int SIEMENS_B_VALUE = DicomObject.tag(0x0019, 0x100C);
    static final int GE_B_VALUE = DicomObject.tag(0x0043, 0x1039);
    static final int PHILIPS_B_VALUE = DicomObject.tag(0x2001, 0x1003);
    static final int SHARED_GROUPS = DicomObject.tag(0x5200, 0x9229);
    static final int PER_FRAME_GROUPS = DicomObject.tag(0x5200, 0x9230);
    static final int PLANE_POSITION_SEQ = DicomObject.tag(0x0020, 0x9113);
    static final int PLANE_ORIENTATION_SEQ = DicomObject.tag(0x0020, 0x9116);
    static final int PIXEL_MEASURES_SEQ = DicomObject.tag(0x0028, 0x9110);
    static final int PIXEL_VALUE_TRANSFORM_SEQ = DicomObject.tag(0x0028, 0x9145);
    static final int FRAME_CONTENT_SEQ = DicomObject.tag(0x0020, 0x9111);
    static final int TEMPORAL_POSITION_INDEX = DicomObject.tag(0x0020, 0x9128);
    static final int MR_DIFFUSION_SEQ = DicomObject.tag(0x0018, 0x9117);
    static final int PIXEL_DATA = DicomObject.tag(0x7FE0, 0x0010);

    /**
     * The frames of a parsed image file.
     *
     * @throws ImageFormatException naming the file when a frame lacks its position, orientation or spacing
     */
    public static List<DicomFrame> of(DicomParser.Parsed parsed) throws ImageFormatException {
        DicomObject d = parsed.dataset();
        Path file = parsed.file();
        String series = d.string(SERIES_UID);
        long frames = d.integer(NUMBER_OF_FRAMES, 1);
        List<DicomObject> perFrame = d.sequence(PER_FRAME_GROUPS);
        DicomObject shared = d.item(SHARED_GROUPS);
        List<DicomFrame> out = new ArrayList<>();
        if (perFrame.isEmpty()) {
            if (frames != 1) {
                throw new ImageFormatException(file, frames + " frames but no per-frame functional groups "
                        + "(5200,9230): cannot place the frames in space");
            }
            out.add(new DicomFrame(file, 0, series, required(file, d, IMAGE_POSITION, 3, "ImagePositionPatient"),
                    required(file, d, IMAGE_ORIENTATION, 6, "ImageOrientationPatient"),
                    required(file, d, PIXEL_SPACING, 2, "PixelSpacing"), d.decimal(RESCALE_SLOPE, 1),
                    d.decimal(RESCALE_INTERCEPT, 0), phaseOf(d.integer(TEMPORAL_POSITION, -1), bValue(d)),
                    d.integer(ACQUISITION_NUMBER, -1), d));
            return out;
        }
        if (perFrame.size() != frames) {
            throw new ImageFormatException(file, "NumberOfFrames is " + frames + " but there are " + perFrame.size()
                    + " per-frame functional groups");
        }
        for (int f = 0; f < frames; f++) {
            DicomObject pf = perFrame.get(f);
            DicomObject pos = group(pf, shared, PLANE_POSITION_SEQ);
            DicomObject ori = group(pf, shared, PLANE_ORIENTATION_SEQ);
            DicomObject meas = group(pf, shared, PIXEL_MEASURES_SEQ);
            DicomObject pvt = group(pf, shared, PIXEL_VALUE_TRANSFORM_SEQ);
            DicomObject content = group(pf, shared, FRAME_CONTENT_SEQ);
            DicomObject diffusion = group(pf, shared, MR_DIFFUSION_SEQ);
            String where = "frame " + (f + 1) + ": ";
            if (pos == null || ori == null || meas == null) {
                throw new ImageFormatException(file, where + "no plane position, plane orientation or pixel measures "
                        + "functional group");
            }
            double slope = pvt == null ? d.decimal(RESCALE_SLOPE, 1) : pvt.decimal(RESCALE_SLOPE, 1);
            double intercept = pvt == null ? d.decimal(RESCALE_INTERCEPT, 0) : pvt.decimal(RESCALE_INTERCEPT, 0);
            long temporal = content == null ? -1 : content.integer(TEMPORAL_POSITION_INDEX, -1);
            double b = diffusion == null ? Double.NaN : diffusion.decimal(DIFFUSION_B_VALUE, Double.NaN);
            out.add(new DicomFrame(file, f, series, required(file, pos, IMAGE_POSITION, 3, where + "ImagePositionPatient"),
                    required(file, ori, IMAGE_ORIENTATION, 6, where + "ImageOrientationPatient"),
                    required(file, meas, PIXEL_SPACING, 2, where + "PixelSpacing"), slope, intercept,
                    phaseOf(temporal, b), d.integer(ACQUISITION_NUMBER, -1), d));
        }
        return out;
    }

    /**
     * The b-value of a classic diffusion image: the standard DiffusionBValue (0018,9087), else Siemens (0019,100C),
     * GE (0043,1039, first value, less the 10⁹ flag GE adds on some versions) or Philips (2001,1003); NaN when
     * none is present. The private tags are read by their usual element numbers without checking the private
     * creator, as dcm2niix and most tools do.
     */
    static double bValue(DicomObject d) {
        double b = d.decimal(DIFFUSION_B_VALUE, Double.NaN);
        if (Double.isNaN(b)) {
            b = d.decimal(SIEMENS_B_VALUE, Double.NaN);
        }
        if (Double.isNaN(b) && d.contains(GE_B_VALUE)) {
            String[] s = d.strings(GE_B_VALUE);
            if (s.length > 0 && !s[0].isEmpty()) {
                try {
                    b = Double.parseDouble(s[0]) % 1e9;
                } catch (NumberFormatException e) {
                    throw new DicomObject.BadValueException(d.file(), "GE b-value " + DicomObject.format(GE_B_VALUE)
                            + " holds " + org.nacrad.image.ImageFormatException.quote(s[0]) + ", not a number");
                }
            }
        }
        if (Double.isNaN(b)) {
            b = d.decimal(PHILIPS_B_VALUE, Double.NaN);
        }
        return b;
    }

    /** The phase label: "t=T" and/or "b=B", joined by a comma; "" when neither is known. */
    static String phaseOf(long temporal, double b) {
        StringBuilder s = new StringBuilder();
        if (temporal >= 0) {
            s.append("t=").append(temporal);
        }
        if (!Double.isNaN(b)) {
            s.append(s.length() > 0 ? "," : "").append("b=").append(b == Math.rint(b) ? String.valueOf((long) b)
                    : String.valueOf(b));
        }
        return s.toString();
    }

    private static DicomObject group(DicomObject perFrame, DicomObject shared, int tag) {
        DicomObject g = perFrame.item(tag);
        if (g == null && shared != null) {
            g = shared.item(tag);
        }
        return g;
    }

    private static double[] required(Path file, DicomObject d, int tag, int count, String name)
            throws ImageFormatException {
        double[] v;
        try {
            v = d.doubles(tag);
        } catch (DicomObject.BadValueException e) {
            throw new ImageFormatException(file, name + " " + DicomObject.format(tag) + " is not numeric: "
                    + ImageFormatException.quote(d.string(tag)));
        }
        for (double x : v == null ? new double[0] : v) {
            if (!Double.isFinite(x)) {
                throw new ImageFormatException(file, name + " " + DicomObject.format(tag) + " holds " + x);
            }
        }
        if (v == null || v.length != count) {
            throw new ImageFormatException(file, (v == null ? "no " + name : name + " has " + v.length
                    + " values instead of " + count) + " " + DicomObject.format(tag));
        }
        return v;
    }
}
