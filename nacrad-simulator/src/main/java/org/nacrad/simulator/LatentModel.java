package org.nacrad.simulator;

/**
 * The generative model of resistance:
 * <pre>
 *   logit P(resistant) = β₀ + β_ER·[ER+] + β_Ki·[Ki-67 ≥ 20 %] + β_RDI·z(RDI)                    (clinical part)
 *                           + β_rMK·z(rMK) + β_rMD·z(rMD) + β_ADC·z(ADC)
 *                           + β_het·heterogeneity + β_nec·z(necrotic fraction) + β_mar·margin      (imaging part)
 * </pre>
 * z(·) standardises by the population mean and SD, estimated once from 20 000 draws of a fixed reference stream of
 * the configuration's preset (so they do not depend on the cohort's seed or size); heterogeneity and margin are already standard normal
 * scores. Necrosis acts through the necrotic volume fraction the image shows (zero for about half the tumours),
 * not through its latent score, so that no part of the outcome hides in necrosis too small to be seen.
 * β₀ is solved by bisection so that the population mean of P(resistant) equals the configured prevalence.
 *
 * @param intercept β₀
 * @param means     population means of RDI, rMK, rMD, ADC and the necrotic fraction
 * @param sds       population SDs of the same
 */
record LatentModel(SimulationConfig config, double intercept, double[] means, double[] sds) {

    static final int REFERENCE_DRAWS = 20_000;
    static final long REFERENCE_SEED = 0x5EEDL;
    /** Standardised variables: RDI, rMK, rMD, ADC, necrotic fraction. */
    static final int VARIABLES = 5;

    /** Calibrates standardisation and intercept from the reference draws. */
    static LatentModel calibrate(SimulationConfig config) {
        PatientGenerator.Predictors[] ref = new PatientGenerator.Predictors[REFERENCE_DRAWS];
        double[][] v = new double[VARIABLES][REFERENCE_DRAWS];
        for (int i = 0; i < REFERENCE_DRAWS; i++) {
            ref[i] = config.preset() == SimulationConfig.Preset.PAPER
                    ? PaperPopulation.draw(REFERENCE_SEED, i, config.markers(), config.bValues())
                    : PatientGenerator.drawPredictors(new Rng(REFERENCE_SEED, i), config.bValues());
            double[] x = raw(ref[i]);
            for (int j = 0; j < VARIABLES; j++) {
                v[j][i] = x[j];
            }
        }
        double[] means = new double[VARIABLES];
        double[] sds = new double[VARIABLES];
        for (int j = 0; j < VARIABLES; j++) {
            double m = 0;
            for (double x : v[j]) {
                m += x;
            }
            m /= REFERENCE_DRAWS;
            double ss = 0;
            for (double x : v[j]) {
                ss += (x - m) * (x - m);
            }
            means[j] = m;
            sds[j] = StrictMath.sqrt(ss / (REFERENCE_DRAWS - 1));
        }
        LatentModel unanchored = new LatentModel(config, 0, means, sds);
        double[] lin = new double[REFERENCE_DRAWS];
        for (int i = 0; i < REFERENCE_DRAWS; i++) {
            lin[i] = unanchored.clinicalPart(ref[i]) + unanchored.imagingPart(ref[i]);
        }
        double lo = -20;
        double hi = 20;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            double mean = 0;
            for (double l : lin) {
                mean += 1 / (1 + StrictMath.exp(-(mid + l)));
            }
            mean /= REFERENCE_DRAWS;
            if (mean < config.prevalence()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new LatentModel(config, (lo + hi) / 2, means, sds);
    }

    private static double[] raw(PatientGenerator.Predictors p) {
        return new double[] {p.rdi(), p.tissue().rmk(), p.tissue().rmd(), p.tissue().adc(),
            PatientGenerator.necrosisFraction(p.tissue().necrosis())};
    }

    private double z(PatientGenerator.Predictors p, int j) {
        return (raw(p)[j] - means[j]) / sds[j];
    }

    /** ER, Ki-67 and RDI terms. */
    double clinicalPart(PatientGenerator.Predictors p) {
        return config.effect("er_positive") * (p.erPositive() ? 1 : 0)
                + config.effect("ki67_high") * (p.ki67High() ? 1 : 0)
                + config.effect("rdi") * z(p, 0);
    }

    /** The texture terms alone (heterogeneity, necrosis, margin): what the T1 radiomics features can measure. */
    double texturePart(PatientGenerator.Predictors p) {
        Patient.Tissue t = p.tissue();
        return config.effect("heterogeneity") * t.heterogeneity() + config.effect("necrosis") * z(p, 4)
                + config.effect("margin") * t.margin();
    }

    /** Diffusion and texture terms. */
    double imagingPart(PatientGenerator.Predictors p) {
        Patient.Tissue t = p.tissue();
        return config.effect("rmk") * z(p, 1) + config.effect("rmd") * z(p, 2) + config.effect("adc") * z(p, 3)
                + config.effect("heterogeneity") * t.heterogeneity() + config.effect("necrosis") * z(p, 4)
                + config.effect("margin") * t.margin();
    }
}
