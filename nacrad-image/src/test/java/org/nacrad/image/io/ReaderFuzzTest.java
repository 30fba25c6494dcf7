package org.nacrad.image.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.fuzz.FuzzFiles;

/**
 * Coverage-guided fuzzing (Jazzer) of the NIfTI and NRRD readers. Invariant: any bytes give an image or an
 * {@link ImageFormatException}, within the memory cap and the time bound of {@link FuzzFiles}: never another
 * exception, an {@link OutOfMemoryError} or a hang.
 *
 * <p>In {@code mvn verify} each method runs once per input of its committed corpus
 * ({@code src/test/resources/org/nacrad/image/io/ReaderFuzzTestInputs/<method>/}: seeds, and every input that once
 * crashed a reader); {@code JAZZER_FUZZ=1} fuzzes one method for longer (docs/input-safety.md).
 */
class ReaderFuzzTest {

    private static String cap;

    @BeforeAll
    static void capMemory() {
        cap = FuzzFiles.capMemory();
    }

    @AfterAll
    static void restore() {
        FuzzFiles.restore(cap);
    }

    /** The bytes as a NIfTI file ({@code .nii.gz} when they start with the gzip magic), read as a series. */
    @FuzzTest(maxDuration = "5m")
    void nifti(byte[] data) throws Exception {
        boolean gz = data.length > 1 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
        FuzzFiles.bounded(() -> {
            try {
                ImageIO.readSeries(FuzzFiles.write(gz ? "input.nii.gz" : "input.nii", data));
            } catch (ImageFormatException expected) {
                // a clear refusal
            }
        });
    }

    /** The bytes as a NRRD header, attached or detached (a 64-byte {@code data.raw} lies beside it). */
    @FuzzTest(maxDuration = "5m")
    void nrrd(byte[] data) throws Exception {
        FuzzFiles.bounded(() -> {
            try {
                ImageIO.read(FuzzFiles.write("input.nhdr", data));
            } catch (ImageFormatException expected) {
                // a clear refusal
            }
        });
    }
}
