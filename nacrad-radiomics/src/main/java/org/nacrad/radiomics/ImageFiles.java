package org.nacrad.radiomics;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;

import org.nacrad.image.Volume;
import org.nacrad.image.io.NiftiReader;
import org.nacrad.image.io.NrrdReader;

/** Reads an image or label map by its file name: NRRD ({@code .nrrd}) or NIfTI ({@code .nii[.gz]}). */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Reads a volume.
     *
     * @throws IOException with a one-line message starting with the file name
     */
    public static Volume read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".nrrd")) {
                return NrrdReader.read(file);
            }
            if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
                return NiftiReader.read(file);
            }
        } catch (EOFException e) {
            throw new IOException(file + ": truncated file (" + oneLine(e) + ")", e);
        } catch (ZipException e) {
            throw new IOException(file + ": corrupt gzip data (" + oneLine(e) + ")", e);
        } catch (IOException e) {
            String m = oneLine(e);
            throw new IOException(m.contains(file.toString()) ? m : file + ": " + m, e);
        }
        throw new IOException(file + ": unknown image format (expected .nrrd, .nii or .nii.gz)");
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
