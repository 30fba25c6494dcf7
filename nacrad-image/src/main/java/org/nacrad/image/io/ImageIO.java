package org.nacrad.image.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.nacrad.image.ImageFormatException;
import org.nacrad.image.Volume;
import org.nacrad.image.dicom.DicomMaskReader;
import org.nacrad.image.dicom.DicomParser;
import org.nacrad.image.dicom.DicomSeriesReader;

/**
 * Reads and writes images, choosing the format by the file name: {@code .nrrd}, {@code .nhdr} (NRRD, see
 * {@link NrrdReader}) and {@code .nii}, {@code .nii.gz}, {@code .hdr}, {@code .img} (NIfTI, see
 * {@link NiftiReader}), and DICOM: a folder holding an image series or a Part 10 file (see
 * {@link DicomSeriesReader}, {@link DicomMaskReader}). Every failure is an {@link ImageFormatException} whose one-line message names the file
 * and the problem.
 */
public final class ImageIO {

    private ImageIO() {
    }

    private enum Format { NRRD, NIFTI }

    /**
     * Reads an image. A directory is read as the DICOM image series in it, and a file with the DICOM Part 10
     * preamble as DICOM (see {@link DicomSeriesReader}); a series with several volumes (DCE phases, b-values)
     * must be read with {@link #readSeries}.
     */
    public static Volume read(Path file) throws IOException {
        if (isDicom(file)) {
            return DicomSeriesReader.read(file).volume(file);
        }
        Format f = format(file);
        if (!Files.exists(file)) {
            throw new ImageFormatException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ImageFormatException(file, "is a directory, not an image file");
        }
        return f == Format.NRRD ? NrrdReader.read(file) : NiftiReader.read(file);
    }

    /**
     * Reads a label map (a mask): an image whose every voxel is a whole number, the label (0 = background). See
     * {@link #requireLabels}.
     */
    public static Volume readLabelMap(Path file) throws IOException {
        return requireLabels(read(file), file.toString());
    }

    /**
     * Checks that a volume read from {@code file} is a label map: every value a finite whole number. A mask holding
     * 0.5 or 1.3 (a probability map, a resampled or smoothed mask, a FRACTIONAL DICOM-SEG) has no defined ROI:
     * PyRadiomics would cast it to integers (0.5 to background, 1.3 to label 1) without a word, so it is refused,
     * naming the first such value and its voxel.
     *
     * @return {@code volume}
     */
    public static Volume requireLabels(Volume volume, String file) throws ImageFormatException {
        double[] d = volume.data();
        for (int n = 0; n < d.length; n++) {
            double v = d[n];
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                int nx = volume.geometry().nx(), ny = volume.geometry().ny();
                throw new ImageFormatException(file, "mask value " + v + " at voxel (" + n % nx + ", " + n / nx % ny
                        + ", " + n / ((long) nx * ny) + ") is not a whole number: a label map holds integer labels "
                        + "(0 = background), not fractions or probabilities");
            }
        }
        return volume;
    }

    /**
     * Reads a series of 3D volumes on one grid: a 4D NIfTI file gives one volume per index of its 4th dimension
     * (e.g. a multi-b diffusion series), a 3D file gives itself alone. A DICOM folder or file gives the volumes of
     * its image series, in order of temporal position and b-value.
     */
    public static List<Volume> readSeries(Path file) throws IOException {
        if (isDicom(file)) {
            return DicomSeriesReader.read(file).volumes();
        }
        Format f = format(file);
        if (!Files.exists(file)) {
            throw new ImageFormatException(file, "file not found");
        }
        if (f == Format.NRRD) {
            return List.of(NrrdReader.read(file));
        }
        return NiftiReader.readSeries(file);
    }

    /** Writes a series of volumes on one grid as a 4D NIfTI-1 file ({@code .nii} or {@code .nii.gz}). */
    public static void writeSeries(List<Volume> volumes, Path file) throws IOException {
        String name = lowerName(file);
        if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
            throw new ImageFormatException(file, "a 4D series is written as NIfTI: use .nii or .nii.gz");
        }
        NiftiWriter.writeSeries(volumes, file);
    }

    /**
     * Writes an image: {@code .nrrd} as gzip-compressed NRRD, {@code .nii} as NIfTI-1, {@code .nii.gz} as
     * gzip-compressed NIfTI-1.
     */
    public static void write(Volume volume, Path file) throws IOException {
        String name = lowerName(file);
        if (name.endsWith(".nrrd")) {
            NrrdWriter.write(volume, file);
        } else if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            NiftiWriter.write(volume, file);
        } else {
            throw new ImageFormatException(file, "cannot tell the image format to write from the name "
                    + "(use .nrrd, .nii or .nii.gz)");
        }
    }

    /**
     * Reads a mask stored as DICOM onto the grid of its reference image: a DICOM-SEG segment or an RTSTRUCT ROI
     * (see {@link DicomMaskReader}). {@code reference} is the image the mask was drawn on (a DICOM folder, whose
     * series must be the one the mask references, or any image file nacrad reads); {@code segment} selects a
     * segment by number or label, or an ROI by number or name (null when there is only one).
     */
    public static Volume readMask(Path mask, Path reference, String segment) throws IOException {
        if (isDicom(reference)) {
            return DicomMaskReader.read(mask, DicomSeriesReader.read(reference), reference, segment);
        }
        return DicomMaskReader.read(mask, read(reference), segment);
    }

    /** Whether a path is a DICOM folder (any directory) or a file starting with the DICOM Part 10 preamble. */
    public static boolean isDicom(Path file) {
        if (Files.isDirectory(file)) {
            return true;
        }
        String name = lowerName(file);
        boolean known = name.endsWith(".nrrd") || name.endsWith(".nhdr") || name.endsWith(".nii")
                || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name.endsWith(".img")
                || name.endsWith(".hdr.gz") || name.endsWith(".img.gz");
        return !known && Files.isRegularFile(file) && DicomParser.isDicom(file);
    }

    private static Format format(Path file) throws IOException {
        String name = lowerName(file);
        if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) {
            return Format.NRRD;
        }
        if (name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name.endsWith(".img")
                || name.endsWith(".hdr.gz") || name.endsWith(".img.gz")) {
            return Format.NIFTI;
        }
        throw new ImageFormatException(file, "unknown image format (expected .nrrd, .nhdr, .nii, .nii.gz, .hdr or "
                + ".img)");
    }

    private static String lowerName(Path file) {
        Path n = file.getFileName();
        return n == null ? "" : n.toString().toLowerCase(Locale.ROOT);
    }
}
