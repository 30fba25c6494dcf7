package org.nacrad.radiomics;

/**
 * The PyRadiomics version nacrad reproduces: its features, names, settings and diagnostics are those of this commit
 * of PyRadiomics (https://github.com/AIM-Harvard/pyradiomics), and the reference values the tests compare against
 * ({@code ../shared/reference/pyradiomics/current}) were computed with it. Shown in each extraction's
 * {@code diagnostics_Versions_PyRadiomicsReference}.
 */
public final class PyRadiomicsReference {

    /** The git commit of PyRadiomics. */
    public static final String COMMIT = "8ed5793";

    /** {@link #COMMIT} and its date, as the diagnostics show it. */
    public static final String VERSION = COMMIT + " (June 2025)";

    private PyRadiomicsReference() {
    }
}
