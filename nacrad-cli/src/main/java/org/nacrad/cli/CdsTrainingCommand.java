package org.nacrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training run of the launcher's class-data sharing archive (hidden). The {@code ./nacrad} launcher runs it once
 * after each build as {@code java -XX:ArchiveClassesAtExit=nacrad.jsa -jar nacrad.jar cds-training}: the JVM then
 * stores the classes this run loaded, already parsed and verified, and later runs map them instead of loading them
 * from the jar (JDK's AppCDS, JEP 350). What it runs is what a single case from the shell runs: reading a NIfTI and an
 * NRRD pair, the extraction with the Original, Wavelet and LoG image types and every feature class, and the CSV
 * writer, on a small synthetic case in a temporary folder that is deleted at the end. It prints nothing and writes
 * nothing elsewhere; the archive only changes start-up time, never a result.
 */
@Command(name = "cds-training", hidden = true,
        description = "Training run for the launcher's class-data sharing archive (internal).")
public final class CdsTrainingCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("nacrad-cds");
        try {
            int[] size = {24, 24, 10};
            Geometry g = Geometry.of(size, new double[] {0.8, 0.8, 2.5}, new double[] {0, 0, 0});
            double[] image = new double[size[0] * size[1] * size[2]];
            double[] mask = new double[image.length];
            for (int z = 0, k = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++, k++) {
                        double r2 = sq((x - 12) * 0.8) + sq((y - 11) * 0.8) + sq((z - 5) * 2.5);
                        image[k] = Math.rint(400 + 300 * Math.exp(-r2 / 40)) + k * 7919 % 97;
                        mask[k] = r2 < 36 ? 1 : 0;
                    }
                }
            }
            ImageIO.write(new Volume(g, PixelType.INT16, image), dir.resolve("image.nii.gz"));
            ImageIO.write(new Volume(g, PixelType.UINT8, mask), dir.resolve("mask.nii.gz"));
            ImageIO.write(new Volume(g, PixelType.INT16, image), dir.resolve("image.nrrd"));
            ImageIO.write(new Volume(g, PixelType.UINT8, mask), dir.resolve("mask.nrrd"));
            Files.writeString(dir.resolve("params.yaml"), String.join("\n",
                    "imageType:", "  Original: {}", "  Wavelet: {}", "  LoG: {sigma: [1.0]}",
                    "featureClass:", "  shape:", "  firstorder:", "  glcm:", "  glrlm:", "  glszm:", "  gldm:",
                    "  ngtdm:", "setting: {binWidth: 25}", ""));
            int code = run("extract", dir.resolve("image.nii.gz").toString(), dir.resolve("mask.nii.gz").toString(),
                    "--param", dir.resolve("params.yaml").toString(), "--out", dir.resolve("a.csv").toString());
            code |= run("extract", dir.resolve("image.nrrd").toString(), dir.resolve("mask.nrrd").toString(),
                    "--out", dir.resolve("b.csv").toString());
            return code;
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs one nacrad command in this JVM, its output discarded; its exit code, and its error when it failed. */
    private int run(String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        int code = NacradCli.execute(cl, args);
        if (code != 0) {
            spec.commandLine().getErr().print(err);
            spec.commandLine().getErr().flush();
        }
        return code;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
