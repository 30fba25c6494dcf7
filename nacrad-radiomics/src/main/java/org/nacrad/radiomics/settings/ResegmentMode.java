package org.nacrad.radiomics.settings;

/**
 * {@code resegmentMode}: how the {@code resegmentRange} thresholds are read (PyRadiomics'
 * {@code imageoperations.resegmentMask}).
 */
public enum ResegmentMode implements Choice {
    /** The range in image intensities, as given. */
    ABSOLUTE("absolute"),
    /** The range as fractions of the ROI's maximum intensity. */
    RELATIVE("relative"),
    /** The range in standard deviations around the ROI mean (population standard deviation). */
    SIGMA("sigma");

    private final String pyName;

    ResegmentMode(String pyName) {
        this.pyName = pyName;
    }

    @Override
    public String pyName() {
        return pyName;
    }
}
