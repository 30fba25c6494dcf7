package org.nacrad.clinical;

import java.math.BigDecimal;

/**
 * Tumour shrinkage and RECIST 1.1 response of a single target lesion from its longest diameters before and after
 * neoadjuvant therapy.
 *
 * <pre>  shrinkage rate = (D_baseline − D_post) / D_baseline</pre>
 *
 * <p>RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009) on the sum of diameters, here one lesion: CR when the
 * lesion has disappeared (D_post = 0); PR at a decrease of at least 30 %; PD at an increase of at least 20 % and at
 * least 5 mm; SD otherwise. Thresholds are compared in exact decimal arithmetic on the diameters as written
 * ((b − p) ≥ 0.3·b), so a decrease of exactly 30 % is PR whatever the binary rounding of 0.3.
 *
 * <p>Example: 40 mm → 26 mm is a shrinkage rate of 0.35, PR; 40 mm → 30 mm is 0.25, SD.
 *
 * @param shrinkageRate fraction (negative for growth)
 * @param recist        response category
 */
public record Response(double shrinkageRate, Recist recist) {

    /** RECIST 1.1 categories. */
    public enum Recist { CR, PR, SD, PD }

    /** Computes the response; the baseline diameter must be &gt; 0 and the post-treatment one ≥ 0. */
    public static Response of(double baselineMm, double postMm) {
        Validation.positive(baselineMm, Columns.BASELINE_DIAMETER);
        Validation.nonNegative(postMm, Columns.POST_DIAMETER);
        double rate = (baselineMm - postMm) / baselineMm;
        Recist r;
        if (postMm == 0) {
            r = Recist.CR;
        } else if (!shrinkageBelow(baselineMm, postMm, new BigDecimal("0.3"))) {
            r = Recist.PR;
        } else if (growthAtLeast(baselineMm, postMm, new BigDecimal("0.2")) && postMm - baselineMm >= 5) {
            r = Recist.PD;
        } else {
            r = Recist.SD;
        }
        return new Response(rate, r);
    }

    /**
     * Whether the shrinkage rate is below a fraction, compared exactly as (b − p) &lt; f·b on the decimal values
     * of the diameters ({@link BigDecimal#valueOf(double)}).
     */
    public static boolean shrinkageBelow(double baselineMm, double postMm, BigDecimal fraction) {
        BigDecimal b = BigDecimal.valueOf(baselineMm);
        BigDecimal p = BigDecimal.valueOf(postMm);
        return b.subtract(p).compareTo(fraction.multiply(b)) < 0;
    }

    private static boolean growthAtLeast(double baselineMm, double postMm, BigDecimal fraction) {
        BigDecimal b = BigDecimal.valueOf(baselineMm);
        BigDecimal p = BigDecimal.valueOf(postMm);
        return p.subtract(b).compareTo(fraction.multiply(b)) >= 0;
    }
}
