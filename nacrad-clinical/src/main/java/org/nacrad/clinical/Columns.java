package org.nacrad.clinical;

/** Column names of the clinical tables (the study manifest uses the same). */
public final class Columns {

    private Columns() {
    }

    // RCB inputs
    public static final String TUMOUR_BED_D1 = "tumour_bed_d1_mm";
    public static final String TUMOUR_BED_D2 = "tumour_bed_d2_mm";
    public static final String CELLULARITY = "cellularity_pct";
    public static final String IN_SITU = "in_situ_pct";
    public static final String POSITIVE_NODES = "positive_nodes";
    public static final String LARGEST_NODE_MET = "largest_node_metastasis_mm";
    // response
    public static final String BASELINE_DIAMETER = "baseline_diameter_mm";
    public static final String POST_DIAMETER = "post_diameter_mm";
    // receptors
    public static final String ER_PCT = "er_pct";
    public static final String PR_PCT = "pr_pct";
    public static final String HER2_IHC = "her2_ihc";
    public static final String HER2_ISH = "her2_ish";
    public static final String KI67_PCT = "ki67_pct";
    // dose intensity, per drug: <drug> + suffix
    public static final String PLANNED_DOSE = "_planned_dose_mg_m2";
    public static final String DELIVERED_DOSE = "_delivered_dose_mg_m2";
    public static final String PLANNED_DAYS = "_planned_days";
    public static final String ACTUAL_DAYS = "_actual_days";

    // outputs
    public static final String RCB_INDEX = "rcb_index";
    public static final String RCB_CLASS = "rcb_class";
    public static final String SHRINKAGE_RATE = "shrinkage_rate";
    public static final String RECIST_RESPONSE = "recist_response";
    public static final String RDI = "rdi";
    public static final String ER_POSITIVE = "er_positive";
    public static final String PR_POSITIVE = "pr_positive";
    public static final String HER2_POSITIVE = "her2_positive";
    public static final String KI67_HIGH = "ki67_high";
    public static final String CHEMORESISTANT = "chemoresistant";
    public static final String CHEMORESISTANCE_RULE = "chemoresistance_rule";
}
