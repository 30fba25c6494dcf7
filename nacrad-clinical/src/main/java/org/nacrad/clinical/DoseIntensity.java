package org.nacrad.clinical;

import java.util.List;

/**
 * Relative dose intensity (the dose-intensity completion rate) of chemotherapy (Hryniuk &amp; Bush, J Clin Oncol
 * 1984; Lyman, J Natl Compr Canc Netw 2009).
 *
 * <pre>
 *   DI_planned   = planned dose (mg/m²) / planned duration (days)
 *   DI_delivered = delivered dose (mg/m²) / actual duration (days)
 *   RDI_drug     = DI_delivered / DI_planned
 *   RDI          = mean of RDI_drug over the drugs of the regimen
 * </pre>
 *
 * <p>Example: docetaxel planned 450 mg/m² over 63 days, delivered 360 mg/m² over 70 days:
 * RDI = (360/70)/(450/63) = 0.72. A drug that was never given (delivered 0) has RDI 0 whatever its days.
 */
public final class DoseIntensity {

    private DoseIntensity() {
    }

    /**
     * One drug's planned and delivered course.
     *
     * @param drug            drug name as in the column prefix, e.g. {@code docetaxel}
     * @param plannedDose     planned cumulative dose, mg/m² (&gt; 0)
     * @param deliveredDose   delivered cumulative dose, mg/m² (≥ 0)
     * @param plannedDays     planned duration, days (&gt; 0)
     * @param actualDays      actual duration, days (&gt; 0 when any dose was delivered)
     */
    public record Course(String drug, double plannedDose, double deliveredDose, double plannedDays,
                         double actualDays) {
        public Course {
            Validation.positive(plannedDose, drug + Columns.PLANNED_DOSE);
            Validation.nonNegative(deliveredDose, drug + Columns.DELIVERED_DOSE);
            Validation.positive(plannedDays, drug + Columns.PLANNED_DAYS);
            Validation.nonNegative(actualDays, drug + Columns.ACTUAL_DAYS);
            if (deliveredDose > 0 && actualDays == 0) {
                throw new ClinicalValueException(drug + Columns.ACTUAL_DAYS,
                        "is 0 but " + deliveredDose + " mg/m² were delivered");
            }
        }

        /** This drug's relative dose intensity. */
        public double rdi() {
            if (deliveredDose == 0) {
                return 0;
            }
            return (deliveredDose / actualDays) / (plannedDose / plannedDays);
        }
    }

    /** The regimen's RDI: the mean of its drugs' RDIs. */
    public static double regimen(List<Course> courses) {
        if (courses.isEmpty()) {
            throw new IllegalArgumentException("a regimen needs at least one drug");
        }
        double sum = 0;
        for (Course c : courses) {
            sum += c.rdi();
        }
        return sum / courses.size();
    }
}
