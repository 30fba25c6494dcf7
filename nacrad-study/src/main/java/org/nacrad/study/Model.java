package org.nacrad.study;

import java.util.Locale;

/** The study's three logistic models, in report order. */
public enum Model {
    /** The independent clinical and diffusion predictors. */
    CLINICAL,
    /** The Rad-score alone. */
    RADIOMICS,
    /** The Rad-score and the independent clinical and diffusion predictors. */
    COMBINED;

    /** The name in outputs: {@code clinical}, {@code radiomics}, {@code combined}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
