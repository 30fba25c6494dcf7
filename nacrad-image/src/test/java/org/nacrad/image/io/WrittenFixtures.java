package org.nacrad.image.io;

import java.nio.file.Path;

import org.nacrad.image.Volume;

/**
 * Writes, with nacrad's writers, the files that {@code make_itk_fixtures.sh} then has ITK 5.2.1 read back
 * ({@code itk_written.txt}), so that {@link ItkReadTest} can check that ITK reads what nacrad writes. Run by the
 * script as {@code java -cp <classes>:<test-classes> org.nacrad.image.io.WrittenFixtures <itk resource dir>}.
 */
public final class WrittenFixtures {

    private WrittenFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Volume oblique = NiftiReader.read(dir.resolve("oblique_sform.nii"));
        Volume flip = NiftiReader.read(dir.resolve("qfac_neg.nii"));
        Volume scaled = NiftiReader.read(dir.resolve("scaled_int16.nii.gz"));
        NiftiWriter.write(oblique, dir.resolve("written_oblique.nii"));
        NiftiWriter.write(flip, dir.resolve("written_qfac_neg.nii.gz"));
        NiftiWriter.write(scaled, dir.resolve("written_scaled_float32.nii"));
        NrrdWriter.write(oblique, dir.resolve("written_oblique.nrrd"));
        NrrdWriter.write(flip, dir.resolve("written_qfac_neg_raw.nrrd"), false);
    }
}
