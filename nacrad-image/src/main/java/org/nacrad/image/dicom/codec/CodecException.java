package org.nacrad.image.dicom.codec;

/**
 * A compressed frame that cannot be decoded: a malformed or truncated code stream, or a coding process nacrad
 * does not implement. The message says what is wrong, without the file (the caller adds it).
 */
public final class CodecException extends Exception {

    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }
}
