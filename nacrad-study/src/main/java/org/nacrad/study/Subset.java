package org.nacrad.study;

import java.util.Locale;

/** The two sets of patients, in report order: the models are fitted on the first and validated on the second. */
public enum Subset {
    /** The training set. */
    TRAIN("training"),
    /** The validation set. */
    VALIDATION("validation");

    private final String label;

    Subset(String label) {
        this.label = label;
    }

    /** The name in outputs: {@code train}, {@code validation}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in prose: {@code training}, {@code validation}. */
    public String label() {
        return label;
    }

    /** Whether this is the training set. */
    public boolean training() {
        return this == TRAIN;
    }

    @Override
    public String toString() {
        return id();
    }
}
