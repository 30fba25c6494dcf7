package org.nacrad.radiomics.settings;

/**
 * {@code lbp2DMethod}: the code scikit-image's {@code local_binary_pattern} computes for the LBP2D image type.
 * PyRadiomics' parameter-file schema lists {@code default}, {@code ror}, {@code uniform} and {@code var};
 * {@code nri_uniform} is accepted only from code, as PyRadiomics' own code passes it on to scikit-image.
 */
public enum Lbp2DMethod implements Choice {
    /** Grey-scale but not rotation invariant codes. */
    DEFAULT("default"),
    /** Rotation invariant codes (the minimum over rotations). */
    ROR("ror"),
    /** Rotation invariant uniform patterns (Ojala et al. 2002). */
    UNIFORM("uniform"),
    /** Non rotation invariant uniform patterns. */
    NRI_UNIFORM("nri_uniform"),
    /** Rotation invariant variance of the samples (contrast). */
    VAR("var");

    private final String pyName;

    Lbp2DMethod(String pyName) {
        this.pyName = pyName;
    }

    @Override
    public String pyName() {
        return pyName;
    }
}
