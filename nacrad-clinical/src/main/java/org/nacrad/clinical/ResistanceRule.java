package org.nacrad.clinical;

import java.math.BigDecimal;
import java.util.Locale;

import org.nacrad.clinical.Rcb.RcbClass;

/**
 * The rule that turns RCB class and tumour shrinkage into the chemoresistance label.
 *
 * <p>Written as a small expression of one or two terms joined by {@code and} / {@code or}:
 * <ul>
 *   <li>{@code rcb>=II} — RCB class at least II ({@code I}, {@code II} or {@code III});</li>
 *   <li>{@code shrinkage<0.30} (or {@code shrinkage<30%}) — shrinkage rate below the fraction.</li>
 * </ul>
 * The default, {@value #DEFAULT_SPEC}, reads "resistant when the RCB class is RCB-II or RCB-III and the tumour
 * shrank by less than 30 %" and is stated, with {@link #describe()}, in every output that uses a label.
 * Shrinkage is compared in exact decimal arithmetic (see {@link Response#shrinkageBelow}).
 *
 * @param minClass       resistant RCB classes start here, or null when the rule has no RCB term
 * @param shrinkageBelow resistant shrinkage rates are below this fraction, or null when the rule has no shrinkage term
 * @param and            true to require both terms, false for either (ignored with one term)
 */
public record ResistanceRule(RcbClass minClass, BigDecimal shrinkageBelow, boolean and) {

    /** The default rule's expression. */
    public static final String DEFAULT_SPEC = "rcb>=II and shrinkage<0.30";

    public ResistanceRule {
        if (minClass == null && shrinkageBelow == null) {
            throw new IllegalArgumentException("a resistance rule needs an RCB term, a shrinkage term or both");
        }
        if (minClass == RcbClass.RCB_0) {
            throw new IllegalArgumentException("rcb>=0 would call every patient resistant");
        }
    }

    /** The default rule: RCB-II/III and shrinkage below 30 %. */
    public static ResistanceRule defaultRule() {
        return parse(DEFAULT_SPEC);
    }

    /** Parses a rule expression such as {@code rcb>=II and shrinkage<0.30}. */
    public static ResistanceRule parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean and = true;
        String[] terms;
        if (s.contains(" and ")) {
            terms = s.split(" and ");
        } else if (s.contains(" or ")) {
            terms = s.split(" or ");
            and = false;
        } else {
            terms = new String[] {s};
        }
        if (terms.length > 2) {
            throw new IllegalArgumentException("rule '" + spec + "': at most two terms (rcb>=…, shrinkage<…)");
        }
        RcbClass min = null;
        BigDecimal below = null;
        for (String raw : terms) {
            String t = raw.replace(" ", "");
            if (t.startsWith("rcb>=") && min == null) {
                min = RcbClass.parse(t.substring(5));
            } else if (t.startsWith("shrinkage<") && below == null) {
                String v = t.substring(10);
                below = v.endsWith("%") ? new BigDecimal(v.substring(0, v.length() - 1)).movePointLeft(2)
                        : new BigDecimal(v);
            } else {
                throw new IllegalArgumentException("rule '" + spec + "': cannot read term '" + raw.trim()
                        + "' (expected rcb>=I|II|III or shrinkage<FRACTION, joined by and/or)");
            }
        }
        return new ResistanceRule(min, below, and);
    }

    /** Whether the rule needs the RCB class. */
    public boolean usesRcb() {
        return minClass != null;
    }

    /** Whether the rule needs the shrinkage. */
    public boolean usesShrinkage() {
        return shrinkageBelow != null;
    }

    /** Applies the rule. {@code rcbClass} may be null when the rule has no RCB term, likewise the diameters. */
    public boolean resistant(RcbClass rcbClass, double baselineMm, double postMm) {
        Boolean byRcb = minClass == null ? null : rcbClass.compareTo(minClass) >= 0;
        Boolean byShrink = shrinkageBelow == null ? null
                : Response.shrinkageBelow(baselineMm, postMm, shrinkageBelow);
        if (byRcb == null) {
            return byShrink;
        }
        if (byShrink == null) {
            return byRcb;
        }
        return and ? byRcb && byShrink : byRcb || byShrink;
    }

    /** The canonical expression, e.g. {@code rcb>=II and shrinkage<0.30}. */
    public String spec() {
        String r = minClass == null ? null : "rcb>=" + minClass.label().substring(4);
        String s = shrinkageBelow == null ? null : "shrinkage<" + shrinkageBelow.toPlainString();
        if (r == null) {
            return s;
        }
        if (s == null) {
            return r;
        }
        return r + (and ? " and " : " or ") + s;
    }

    /** The rule in words, for reports. */
    public String describe() {
        String r = null;
        if (minClass != null) {
            StringBuilder b = new StringBuilder("the RCB class is ");
            RcbClass[] all = RcbClass.values();
            for (int i = minClass.ordinal(); i < all.length; i++) {
                if (i > minClass.ordinal()) {
                    b.append(i == all.length - 1 ? " or " : ", ");
                }
                b.append(all[i].label());
            }
            r = b.toString();
        }
        String s = shrinkageBelow == null ? null
                : "the tumour shrinkage rate is below "
                        + shrinkageBelow.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
        String body = r == null ? s : s == null ? r : r + (and ? " and " : " or ") + s;
        return "chemoresistant when " + body + " (rule: " + spec() + ")";
    }
}
