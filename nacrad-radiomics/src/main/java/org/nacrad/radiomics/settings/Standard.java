package org.nacrad.radiomics.settings;

/**
 * {@code standard}: which definitions an extraction follows. nacrad's own setting (PyRadiomics has none): a
 * parameter file with {@code standard: ibsi} is an IBSI-mode file, read by {@code ibsi.IbsiParameters}; PyRadiomics
 * mode is the default.
 */
public enum Standard implements Choice {
    /** PyRadiomics' processing, features, names and numbers. */
    PYRADIOMICS("pyradiomics"),
    /** IBSI-1 processing and features, named by IBSI tag (docs/ibsi.md). */
    IBSI("ibsi");

    private final String pyName;

    Standard(String pyName) {
        this.pyName = pyName;
    }

    @Override
    public String pyName() {
        return pyName;
    }
}
