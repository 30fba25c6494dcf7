package org.nacrad.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The CSV and JSON files of a simulated cohort. */
final class CohortTables {

    private CohortTables() {
    }

    /** The manifest header: the study's input columns. */
    static final List<String> MANIFEST = List.of("id", "admission_date", "image", "mask", "dwi", "bvals",
            "dwi_tumour_mask", "reference_mask", "age", "er_pct", "pr_pct", "her2_ihc", "her2_ish", "ki67_pct",
            "epirubicin_planned_dose_mg_m2", "epirubicin_delivered_dose_mg_m2", "epirubicin_planned_days",
            "epirubicin_actual_days", "docetaxel_planned_dose_mg_m2", "docetaxel_delivered_dose_mg_m2",
            "docetaxel_planned_days", "docetaxel_actual_days", "baseline_diameter_mm", "post_diameter_mm",
            "tumour_bed_d1_mm", "tumour_bed_d2_mm", "cellularity_pct", "in_situ_pct", "positive_nodes",
            "largest_node_metastasis_mm");

    static String manifest(Patient[] patients) {
        StringBuilder b = new StringBuilder(String.join(",", MANIFEST)).append('\n');
        for (Patient p : patients) {
            String dir = "images/" + p.id() + "/";
            double[][] t = PatientGenerator.totals(p.cycles());
            Patient.RcbInputs r = p.rcb();
            row(b, p.id(), p.admission().toString(), dir + "t1.nii.gz", dir + "tumour.nii.gz", dir + "dwi.nii.gz",
                    dir + "dwi.bval", dir + "dwi_tumour.nii.gz", dir + "reference.nii.gz", number(p.age()),
                    number(p.erPct()), number(p.prPct()), number(p.her2Ihc()), p.her2Ish(), number(p.ki67Pct()),
                    number(t[0][0]), number(t[0][1]), number(t[0][2]), number(t[0][3]), number(t[1][0]),
                    number(t[1][1]), number(t[1][2]), number(t[1][3]), number(p.baselineMm()), number(p.postMm()),
                    number(r.d1Mm()), number(r.d2Mm()), number(r.cellularityPct()), number(r.inSituPct()),
                    number(r.positiveNodes()), number(r.largestNodeMetMm()));
        }
        return b.toString();
    }

    static String cycles(Patient[] patients) {
        StringBuilder b = new StringBuilder("id,drug,cycle,planned_day,actual_day,planned_dose_mg_m2,delivered_dose_mg_m2\n");
        for (Patient p : patients) {
            for (Patient.Cycle c : p.cycles()) {
                row(b, p.id(), c.drug(), number(c.cycle()), number(c.plannedDay()), number(c.actualDay()),
                        number(c.plannedDose()), number(c.deliveredDose()));
            }
        }
        return b.toString();
    }

    static String truth(Patient[] patients) {
        StringBuilder b = new StringBuilder("id,probability,log_odds,clinical_part,imaging_part,resistant,er_positive,"
                + "ki67_high,rdi,tumour_md,tumour_mk,normal_md,normal_mk,rmd,rmk,adc,heterogeneity,necrosis_score,"
                + "necrosis_fraction,margin\n");
        for (Patient p : patients) {
            Patient.Truth t = p.truth();
            Patient.Tissue s = p.tissue();
            row(b, p.id(), number(t.probability()), number(t.logOdds()), number(t.clinicalPart()),
                    number(t.imagingPart()), t.resistant() ? "1" : "0", p.erPct() >= 1 ? "1" : "0",
                    p.ki67Pct() >= 20 ? "1" : "0", number(t.rdi()), number(s.tumourD()), number(s.tumourK()),
                    number(s.normalD()), number(s.normalK()), number(s.rmd()), number(s.rmk()), number(s.adc()),
                    number(s.heterogeneity()), number(s.necrosis()),
                    number(PatientGenerator.necrosisFraction(s.necrosis())), number(s.margin()));
        }
        return b.toString();
    }

    static String summaryJson(Simulator.Summary s, SimulationConfig c, LatentModel m) {
        StringBuilder e = new StringBuilder();
        for (String name : SimulationConfig.EFFECT_NAMES) {
            e.append(e.length() == 0 ? "" : ", ").append('"').append(name).append("\": ").append(number(c.effect(name)));
        }
        String counts = "null";
        SimulationConfig.Counts k0 = CohortDraw.applied(c);
        if (k0 != null) {
            int n = c.patients();
            counts = "{\"resistant\": " + k0.resistant(n) + ", \"training_patients\": " + k0.training(n)
                    + ", \"training_resistant\": " + (k0.trainingResistant(n) < 0 ? "null"
                    : Integer.toString(k0.trainingResistant(n))) + "}";
        }
        String markers = "";
        if (c.preset() == SimulationConfig.Preset.PAPER) {
            SimulationConfig.Markers k = c.markers();
            markers = "    \"markers\": {\"er_positive\": " + number(k.erPositive()) + ", \"pr_if_er_positive\": "
                    + number(k.prIfErPositive()) + ", \"pr_if_er_negative\": " + number(k.prIfErNegative())
                    + ", \"ki67_median\": " + number(k.ki67Median()) + ", \"her2_er_positive_ki67_high\": "
                    + number(k.her2ErPositiveKi67High()) + ", \"her2_er_positive_ki67_low\": "
                    + number(k.her2ErPositiveKi67Low()) + ", \"her2_er_negative_ki67_high\": "
                    + number(k.her2ErNegativeKi67High()) + ", \"her2_er_negative_ki67_low\": "
                    + number(k.her2ErNegativeKi67Low()) + ", \"ki67_heterogeneity\": " + number(k.ki67Heterogeneity())
                    + ", \"er_heterogeneity\": " + number(k.erHeterogeneity()) + "},\n";
        }
        return "{\n"
                + "  \"preset\": \"" + c.preset().id() + "\",\n"
                + "  \"n_patients\": " + s.patients() + ",\n"
                + "  \"resistance_rate\": " + json(s.resistanceRate()) + ",\n"
                + "  \"bayes_auc\": " + json(s.bayesAuc()) + ",\n"
                + "  \"clinical_only_auc\": " + json(s.clinicalAuc()) + ",\n"
                + "  \"imaging_only_auc\": " + json(s.imagingAuc()) + ",\n"
                + "  \"parameters\": {\n"
                + "    \"seed\": " + c.seed() + ",\n"
                + "    \"prevalence_target\": " + number(c.prevalence()) + ",\n"
                + "    \"exact_counts\": " + counts + ",\n"
                + markers
                + "    \"intercept\": " + number(m.intercept()) + ",\n"
                + "    \"effects\": {" + e + "},\n"
                + "    \"standardisation\": {\"rdi\": [" + number(m.means()[0]) + ", " + number(m.sds()[0])
                + "], \"rmk\": [" + number(m.means()[1]) + ", " + number(m.sds()[1]) + "], \"rmd\": ["
                + number(m.means()[2]) + ", " + number(m.sds()[2]) + "], \"adc\": [" + number(m.means()[3]) + ", "
                + number(m.sds()[3]) + "], \"necrotic_fraction\": [" + number(m.means()[4]) + ", "
                + number(m.sds()[4]) + "]},\n"
                + "    \"image_size\": " + ints(c.imageSize()) + ", \"image_spacing\": " + doubles(c.imageSpacing()) + ",\n"
                + "    \"dwi_size\": " + ints(c.dwiSize()) + ", \"dwi_spacing\": " + doubles(c.dwiSpacing()) + ",\n"
                + "    \"b_values\": " + doubles(c.bValues()) + ",\n"
                + "    \"image_noise\": " + number(c.imageNoise()) + ", \"dwi_noise\": " + number(c.dwiNoise())
                + ", \"bias_field\": " + number(c.biasField()) + "\n"
                + "  }\n}\n";
    }

    /** A JSON number, or null where undefined (an AUC of a cohort with one outcome class). */
    private static String json(double v) {
        return Double.isFinite(v) ? number(v) : "null";
    }

    private static String ints(int[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ", ").append(a[i]);
        }
        return b.append(']').toString();
    }

    private static String doubles(double[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ", ").append(number(a[i]));
        }
        return b.append(']').toString();
    }

    private static void row(StringBuilder b, String... cells) {
        b.append(String.join(",", cells)).append('\n');
    }

    /** A number as written in the tables: whole numbers without a decimal point, others round-trip exact. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
