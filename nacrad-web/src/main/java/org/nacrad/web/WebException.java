package org.nacrad.web;

/**
 * A request the server refuses: an HTTP status, the field or file it is about (null when none) and one sentence
 * saying what is wrong, which is what the client sees.
 */
final class WebException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    WebException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
