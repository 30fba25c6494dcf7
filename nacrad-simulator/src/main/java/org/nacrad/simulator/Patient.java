package org.nacrad.simulator;

import java.time.LocalDate;
import java.util.List;

/**
 * One simulated patient: the clinical record a hospital would have, the latent tissue properties the images are
 * made from, and the ground truth of the outcome model.
 *
 * @param index         0-based position in the cohort (its random streams derive from it)
 * @param id            patient id, e.g. {@code NAC0001}
 * @param admission     admission date
 * @param age           years
 * @param erPct         ER-stained nuclei, %
 * @param prPct         PR-stained nuclei, %
 * @param her2Ihc       HER2 IHC score 0–3
 * @param her2Ish       {@code amplified}, {@code not amplified} or empty (not done)
 * @param ki67Pct       Ki-67 index, %
 * @param cycles        chemotherapy cycles as planned and delivered
 * @param baselineMm    longest tumour diameter before NAC, mm
 * @param postMm        longest tumour diameter after NAC, mm
 * @param rcb           RCB pathology inputs after surgery
 * @param tissue        latent tissue properties used to draw the images
 * @param truth         the outcome model's values for this patient
 */
public record Patient(int index, String id, LocalDate admission, int age, double erPct, double prPct, int her2Ihc,
                      String her2Ish, double ki67Pct, List<Cycle> cycles, double baselineMm, double postMm,
                      RcbInputs rcb, Tissue tissue, Truth truth) {

    /**
     * One cycle of one drug.
     *
     * @param drug          drug name ({@code epirubicin}, {@code docetaxel})
     * @param cycle         1-based cycle number of this drug
     * @param plannedDose   planned dose, mg/m²
     * @param deliveredDose delivered dose, mg/m² (0 if omitted)
     * @param plannedDay    planned day of administration (day 0 = start of NAC)
     * @param actualDay     actual day of administration
     */
    public record Cycle(String drug, int cycle, double plannedDose, double deliveredDose, int plannedDay, int actualDay) {
    }

    /** Post-surgery pathology, in the columns of the RCB calculator. */
    public record RcbInputs(double d1Mm, double d2Mm, double cellularityPct, double inSituPct, int positiveNodes,
                            double largestNodeMetMm) {
    }

    /**
     * Latent tissue properties.
     *
     * @param tumourD         tumour (viable tissue) diffusivity, mm²/s
     * @param tumourK         tumour kurtosis
     * @param normalD         normal fibroglandular diffusivity, mm²/s
     * @param normalK         normal fibroglandular kurtosis
     * @param adc             the tumour ADC a noise-free b ≤ 1000 fit of this D and K gives, mm²/s
     * @param heterogeneity   standardised enhancement heterogeneity
     * @param necrosis        necrotic volume fraction of the tumour
     * @param margin          standardised margin irregularity (lobulation, spiculation)
     */
    public record Tissue(double tumourD, double tumourK, double normalD, double normalK, double adc,
                         double heterogeneity, double necrosis, double margin) {

        public double rmd() {
            return tumourD / normalD;
        }

        public double rmk() {
            return tumourK / normalK;
        }
    }

    /**
     * Ground truth.
     *
     * @param rdi          regimen relative dose intensity
     * @param logOdds      latent log-odds of resistance
     * @param clinicalPart the ER, Ki-67 and RDI terms of the log-odds
     * @param imagingPart  the diffusion and texture terms of the log-odds
     * @param probability  latent probability of resistance
     * @param resistant    the drawn outcome
     */
    public record Truth(double rdi, double logOdds, double clinicalPart, double imagingPart, double probability,
                        boolean resistant) {
    }
}
