package org.nacrad.clinical;

/** A clinical value out of range or missing; names the column so a table reader can add the row. */
public final class ClinicalValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String column;

    public ClinicalValueException(String column, String problem) {
        super(column + " " + problem);
        this.column = column;
    }

    /** The input column the problem is in. */
    public String column() {
        return column;
    }
}
