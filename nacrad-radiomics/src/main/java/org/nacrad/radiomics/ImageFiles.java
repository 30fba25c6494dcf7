package org.nacrad.radiomics;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipException;

import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/**
 * Reads an image or label map for extraction through {@link ImageIO} (NRRD {@code .nrrd}/{@code .nhdr}, NIfTI
 * {@code .nii}/{@code .nii.gz}/{@code .hdr}/{@code .img}), making sure every failure is one line starting with the
 * file name.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Reads a volume.
     *
     * @throws IOException with a one-line message starting with the file name
     */
    public static Volume read(Path file) throws IOException {
        try {
            return ImageIO.read(file);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated file (" + oneLine(e) + ")", e);
        } catch (ZipException e) {
            throw new IOException(file + ": corrupt gzip data (" + oneLine(e) + ")", e);
        } catch (IOException e) {
            String m = oneLine(e);
            throw new IOException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
