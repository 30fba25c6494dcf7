package org.nacrad.clinical;

/** Range checks shared by the calculators: they name the column and never coerce. */
final class Validation {

    private Validation() {
    }

    static void nonNegative(double v, String column) {
        if (!Double.isFinite(v)) {
            throw new ClinicalValueException(column, "must be a finite number, got " + v);
        }
        if (v < 0) {
            throw new ClinicalValueException(column, "must be ≥ 0, got " + v);
        }
    }

    static void positive(double v, String column) {
        if (!Double.isFinite(v)) {
            throw new ClinicalValueException(column, "must be a finite number, got " + v);
        }
        if (v <= 0) {
            throw new ClinicalValueException(column, "must be > 0, got " + v);
        }
    }

    static void percentage(double v, String column) {
        if (!Double.isFinite(v) || v < 0 || v > 100) {
            throw new ClinicalValueException(column, "must be a percentage in [0, 100], got " + v);
        }
    }
}
