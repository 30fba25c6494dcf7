package org.nacrad.clinical;

import java.util.Locale;

/**
 * Receptor status from raw pathology, by the ASCO/CAP guidelines (ER/PR: Allison et al., J Clin Oncol 2020;
 * HER2: Wolff et al., J Clin Oncol 2018) and the St Gallen Ki-67 convention.
 *
 * <ul>
 *   <li>ER positive when ≥ 1 % of tumour nuclei stain; PR likewise;</li>
 *   <li>HER2 positive at IHC 3+, or IHC 2+ (equivocal) with ISH amplification; IHC 0 and 1+ are negative; IHC 2+
 *       without an ISH result is an error, never a guess;</li>
 *   <li>Ki-67 high at ≥ 20 % (the threshold is a parameter).</li>
 * </ul>
 *
 * @param erPositive   ER ≥ 1 %
 * @param prPositive   PR ≥ 1 %
 * @param her2Positive HER2 by IHC/ISH
 * @param ki67High     Ki-67 ≥ threshold
 */
public record Receptors(boolean erPositive, boolean prPositive, boolean her2Positive, boolean ki67High) {

    /** The default Ki-67 threshold, %. */
    public static final double DEFAULT_KI67_THRESHOLD = 20;

    /** ISH result for HER2. */
    public enum Ish {
        AMPLIFIED, NOT_AMPLIFIED, NOT_DONE;

        /** Parses {@code amplified}, {@code not amplified} (or {@code not_amplified}), or empty (not done). */
        public static Ish parse(String s) {
            String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
            return switch (t) {
                case "amplified" -> AMPLIFIED;
                case "not amplified" -> NOT_AMPLIFIED;
                case "" -> NOT_DONE;
                default -> throw new ClinicalValueException(Columns.HER2_ISH,
                        "must be 'amplified', 'not amplified' or empty, got '" + s + "'");
            };
        }
    }

    /** Classifies raw pathology. */
    public static Receptors of(double erPct, double prPct, int her2Ihc, Ish her2Ish, double ki67Pct,
                               double ki67Threshold) {
        Validation.percentage(erPct, Columns.ER_PCT);
        Validation.percentage(prPct, Columns.PR_PCT);
        Validation.percentage(ki67Pct, Columns.KI67_PCT);
        return new Receptors(erPositive(erPct), prPositive(prPct), her2Positive(her2Ihc, her2Ish),
                ki67High(ki67Pct, ki67Threshold));
    }

    /** ER status alone (for a model that uses only it): positive when ≥ 1 % of nuclei stain. */
    public static boolean erPositive(double erPct) {
        Validation.percentage(erPct, Columns.ER_PCT);
        return erPct >= 1;
    }

    /** PR status alone: positive when ≥ 1 % of nuclei stain. */
    public static boolean prPositive(double prPct) {
        Validation.percentage(prPct, Columns.PR_PCT);
        return prPct >= 1;
    }

    /** Ki-67 alone: high at or above the threshold. */
    public static boolean ki67High(double ki67Pct, double ki67Threshold) {
        Validation.percentage(ki67Pct, Columns.KI67_PCT);
        return ki67Pct >= ki67Threshold;
    }

    /** HER2 status alone: IHC 3+, or IHC 2+ with ISH amplification; IHC 2+ without ISH is an error. */
    public static boolean her2Positive(int her2Ihc, Ish her2Ish) {
        return switch (her2Ihc) {
            case 0, 1 -> false;
            case 3 -> true;
            case 2 -> switch (her2Ish) {
                case AMPLIFIED -> true;
                case NOT_AMPLIFIED -> false;
                case NOT_DONE -> throw new ClinicalValueException(Columns.HER2_ISH,
                        "is empty but HER2 IHC is 2+ (equivocal): an ISH result is required");
            };
            default -> throw new ClinicalValueException(Columns.HER2_IHC, "must be 0, 1, 2 or 3, got " + her2Ihc);
        };
    }
}
