package org.nacrad.radiomics;

/**
 * An extraction that cannot be done for this input: bad mask, NaN voxels, invalid settings for the image. The
 * message is one line naming the file (image or mask) and the problem, fit to show a user as is.
 */
public final class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
