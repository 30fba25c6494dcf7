package org.nacrad.study;

/**
 * One problem found in a cohort: the manifest row (1-based data row; 0 for the whole file), the patient id when
 * known, the column, and what is wrong.
 */
public record Problem(int row, String id, String column, String message) {

    @Override
    public String toString() {
        String where = row == 0 ? "manifest" : "row " + row + (id == null || id.isEmpty() ? "" : " (id " + id + ")");
        return where + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
