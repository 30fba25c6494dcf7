package org.nacrad.image.dicom.codec;

/**
 * One decoded greyscale frame.
 *
 * @param columns    samples per line (the code stream's X)
 * @param rows       lines (the code stream's Y)
 * @param precision  bits per sample of the code stream (P), before any point transform is undone
 * @param samples    unsigned sample values, line after line; they are the DICOM stored values' bit patterns, so
 *                   the caller masks them to BitsStored and sign-extends when PixelRepresentation is 1
 */
public record DecodedFrame(int columns, int rows, int precision, int[] samples) {
}
