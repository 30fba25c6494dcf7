package org.nacrad.clinical;

/**
 * Residual Cancer Burden after neoadjuvant therapy (Symmans et al., J Clin Oncol 2007;25:4414-22).
 *
 * <pre>
 *   d_prim = √(d1 · d2)                                   primary tumour bed, mm
 *   f_inv  = (1 − %CIS/100) · (%CA/100)                   invasive fraction of the bed
 *   RCB    = 1.4 · (f_inv · d_prim)^0.17 + [4 · (1 − 0.75^LN) · d_met]^0.17
 * </pre>
 * with %CA the overall cancer cellularity, %CIS the in-situ proportion of the cancer, LN the number of positive
 * lymph nodes and d_met the diameter of the largest nodal metastasis (mm).
 *
 * <p>Classes at the published cut-offs: RCB = 0 is pCR (RCB-0); 0 &lt; RCB ≤ 1.36 RCB-I; 1.36 &lt; RCB ≤ 3.28
 * RCB-II; RCB &gt; 3.28 RCB-III.
 *
 * <p>Worked example: a 30 × 20 mm bed, 40 % cellularity, 10 % in situ, 2 positive nodes, largest metastasis
 * 6 mm: d_prim = √600 = 24.495, f_inv = 0.9 · 0.4 = 0.36, primary term 1.4 · 8.8182^0.17 = 2.0269, nodal term
 * (4 · 0.4375 · 6)^0.17 = 10.5^0.17 = 1.4914, RCB = 3.518 → RCB-III.
 *
 * @param index    the RCB index
 * @param rcbClass its class
 */
public record Rcb(double index, RcbClass rcbClass) {

    /** Cut-off between RCB-I and RCB-II. */
    public static final double CUTOFF_I_II = 1.36;
    /** Cut-off between RCB-II and RCB-III. */
    public static final double CUTOFF_II_III = 3.28;

    /** RCB classes. */
    public enum RcbClass {
        RCB_0("RCB-0"), RCB_I("RCB-I"), RCB_II("RCB-II"), RCB_III("RCB-III");

        private final String label;

        RcbClass(String label) {
            this.label = label;
        }

        /** The label as written in outputs: {@code RCB-0} … {@code RCB-III}. */
        public String label() {
            return label;
        }

        /** Parses {@code RCB-0}, {@code RCB-I}, … (also {@code 0}, {@code I}, {@code II}, {@code III}, {@code pCR}). */
        public static RcbClass parse(String s) {
            String t = s.trim().toUpperCase(java.util.Locale.ROOT).replace("RCB-", "").replace("RCB", "");
            return switch (t) {
                case "0", "PCR" -> RCB_0;
                case "I", "1" -> RCB_I;
                case "II", "2" -> RCB_II;
                case "III", "3" -> RCB_III;
                default -> throw new IllegalArgumentException("not an RCB class: '" + s + "' (RCB-0, RCB-I, RCB-II, RCB-III)");
            };
        }
    }

    /**
     * The pathology inputs, validated: dimensions and metastasis size ≥ 0 mm, percentages in [0, 100], nodes a
     * whole number ≥ 0, and no metastasis size without a positive node.
     *
     * @param d1Mm             largest tumour bed dimension (mm)
     * @param d2Mm             second tumour bed dimension (mm)
     * @param cellularityPct   overall cancer cellularity (% of the bed area)
     * @param inSituPct        in-situ proportion of the cancer (%)
     * @param positiveNodes    number of positive lymph nodes
     * @param largestNodeMetMm diameter of the largest nodal metastasis (mm)
     */
    public record Inputs(double d1Mm, double d2Mm, double cellularityPct, double inSituPct, int positiveNodes,
                         double largestNodeMetMm) {
        public Inputs {
            Validation.nonNegative(d1Mm, Columns.TUMOUR_BED_D1);
            Validation.nonNegative(d2Mm, Columns.TUMOUR_BED_D2);
            Validation.percentage(cellularityPct, Columns.CELLULARITY);
            Validation.percentage(inSituPct, Columns.IN_SITU);
            if (positiveNodes < 0) {
                throw new ClinicalValueException(Columns.POSITIVE_NODES, "must be ≥ 0, got " + positiveNodes);
            }
            Validation.nonNegative(largestNodeMetMm, Columns.LARGEST_NODE_MET);
            if (positiveNodes == 0 && largestNodeMetMm > 0) {
                throw new ClinicalValueException(Columns.LARGEST_NODE_MET,
                        "is " + largestNodeMetMm + " mm but " + Columns.POSITIVE_NODES + " is 0");
            }
        }
    }

    /** Computes the RCB index and class. */
    public static Rcb of(Inputs in) {
        double dPrim = Math.sqrt(in.d1Mm() * in.d2Mm());
        double fInv = (1 - in.inSituPct() / 100) * (in.cellularityPct() / 100);
        double primary = 1.4 * Math.pow(fInv * dPrim, 0.17);
        double nodal = Math.pow(4 * (1 - Math.pow(0.75, in.positiveNodes())) * in.largestNodeMetMm(), 0.17);
        double index = primary + nodal;
        return new Rcb(index, classify(index));
    }

    /** The class of an RCB index. */
    public static RcbClass classify(double index) {
        if (!(index >= 0)) {
            throw new IllegalArgumentException("RCB index must be ≥ 0, got " + index);
        }
        if (index == 0) {
            return RcbClass.RCB_0;
        }
        if (index <= CUTOFF_I_II) {
            return RcbClass.RCB_I;
        }
        return index <= CUTOFF_II_III ? RcbClass.RCB_II : RcbClass.RCB_III;
    }
}
