package org.nacrad.stats.roc;

/**
 * Which way a score points, as pROC's {@code direction}: {@link #LESS} ("&lt;", controls &lt; cases: a case is
 * called positive when score ≥ threshold) or {@link #GREATER} ("&gt;", controls &gt; cases: positive when score ≤
 * threshold).
 */
public enum Direction {
    LESS("<"), GREATER(">");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    /** pROC's spelling, "&lt;" or "&gt;". */
    public String symbol() {
        return symbol;
    }

    /** Whether a score is called positive at the threshold. */
    public boolean positive(double score, double threshold) {
        return this == LESS ? score >= threshold : score <= threshold;
    }

    /**
     * pROC's {@code direction = "auto"}: "&lt;" when median(controls) ≤ median(cases), else "&gt;". The medians are
     * R's (mean of the two middle values for an even count).
     */
    public static Direction auto(double[] controls, double[] cases) {
        return median(controls) <= median(cases) ? LESS : GREATER;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return medianOfSorted(s);
    }

    static double medianOfSorted(double[] s) {
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
