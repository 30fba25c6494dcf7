package org.nacrad.cli.convert;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.nacrad.cli.Outputs;
import org.nacrad.image.Volume;
import org.nacrad.image.dicom.DicomMaskReader;
import org.nacrad.image.dicom.DicomParser;
import org.nacrad.image.dicom.DicomSeriesReader;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.ErrorText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nacrad convert}: any image or mask nacrad reads (NRRD, NIfTI, a DICOM series folder or file, a DICOM-SEG
 * segment, an RTSTRUCT ROI) to NIfTI or NRRD.
 *
 * <pre>
 *   nacrad convert IN OUT [--series UID]
 *   nacrad convert SEG_OR_RTSTRUCT OUT --reference IMAGE [--segment N|LABEL]
 * </pre>
 */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Converts an image or mask to NIfTI (.nii, .nii.gz) or NRRD (.nrrd), by the name of OUT.",
            "IN may be a NRRD or NIfTI file, a folder of DICOM images (one series, or choose with --series), a DICOM "
                    + "image file, or a DICOM-SEG / RTSTRUCT file, which needs --reference (the image it was drawn "
                    + "on) and, when it holds several segments or ROIs, --segment.",
            "A DICOM series of several volumes (DCE phases, b-values) is written as one 4D NIfTI."})
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Image or mask to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "File to write: .nii, .nii.gz or .nrrd.")
    Path out;

    @Option(names = "--reference", paramLabel = "IMAGE",
            description = "For a DICOM-SEG or RTSTRUCT: the image it was drawn on (DICOM folder or image file).")
    Path reference;

    @Option(names = "--segment", paramLabel = "N|LABEL",
            description = "For a DICOM-SEG or RTSTRUCT: segment or ROI number or name.")
    String segment;

    @Option(names = "--series", paramLabel = "UID", description = "For a DICOM folder: the SeriesInstanceUID to read.")
    String series;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        try {
            if (!Files.exists(in)) {
                err.println("nacrad convert: " + in + ": file not found");
                return 2;
            }
            if (Outputs.isStandardOutput(out)) {
                err.println("nacrad convert: OUT must name a .nii, .nii.gz or .nrrd file");
                return 2;
            }
            Outputs.check(out, Outputs.inputs("the input image", in, "the reference image", reference));
            boolean mask = Files.isRegularFile(in) && ImageIO.isDicom(in)
                    && DicomMaskReader.isMask(DicomParser.parse(in).dataset());
            if (mask) {
                if (reference == null) {
                    err.println("nacrad convert: " + in + " is a DICOM-SEG or RTSTRUCT: give --reference IMAGE");
                    return 2;
                }
                Volume v = ImageIO.readMask(in, reference, segment);
                ImageIO.write(v, out);
                o.println("nacrad convert: wrote " + out + " " + Arrays.toString(v.geometry().size()));
            } else {
                if (reference != null || segment != null) {
                    err.println("nacrad convert: --reference and --segment apply to a DICOM-SEG or RTSTRUCT only");
                    return 2;
                }
                List<Volume> volumes;
                if (series != null) {
                    volumes = DicomSeriesReader.read(in, series).volumes();
                } else if (ImageIO.isDicom(in)) {
                    volumes = ImageIO.readSeries(in);
                } else {
                    volumes = List.of(ImageIO.read(in));
                }
                if (volumes.size() == 1) {
                    ImageIO.write(volumes.get(0), out);
                } else {
                    ImageIO.writeSeries(volumes, out);
                }
                o.println("nacrad convert: wrote " + out + " " + Arrays.toString(volumes.get(0).geometry().size())
                        + (volumes.size() > 1 ? " × " + volumes.size() + " volumes" : ""));
            }
            o.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("nacrad convert: " + ErrorText.of(e));
            return 1;
        }
    }
}
