package org.nacrad.simulator;

import java.util.Arrays;

/**
 * Prints the population properties of the simulator's outcome model (the numbers docs/simulator.md quotes): over
 * 20 000 patients of seed 42 drawn freely (no exact counts), the resistance rate, the Bayes AUC and the AUCs of the clinical and imaging parts of
 * the truth, and the RDI distribution. An optional argument is a YAML file of settings to try (as {@code nacrad simulate --config}),
 * or a number that scales every effect. Run from the module's test classpath, e.g. in an IDE, or
 * {@code java -cp <test classpath> org.nacrad.simulator.TuneMain [config.yaml | effectScale]}.
 */
public final class TuneMain {

    private TuneMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        SimulationConfig c = SimulationConfig.defaults();
        if (args.length > 0 && args[0].endsWith(".yaml")) {
            c = c.withYaml(java.nio.file.Path.of(args[0]));
        } else if (args.length > 0) {
            c = new SimulationConfig(c.preset(), c.patients(), c.seed(), c.imageSize(), c.imageSpacing(), c.dwiSize(),
                    c.dwiSpacing(), c.bValues(), c.imageNoise(), c.dwiNoise(), c.biasField(), c.prevalence(), c.effects(),
                    Double.parseDouble(args[0]), c.counts(), c.markers());
        }
        int n = 20000;
        c = c.withPatients(n).withCounts(null);
        LatentModel m = LatentModel.calibrate(c);
        Patient[] all = CohortDraw.draw(c, m);
        double[] p = new double[n];
        double[] clinical = new double[n];
        double[] imaging = new double[n];
        double[] six = new double[n];
        double[] texture = new double[n];
        double[] rdi = new double[n];
        boolean[] y = new boolean[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            Patient pt = all[i];
            p[i] = pt.truth().probability();
            clinical[i] = pt.truth().clinicalPart();
            imaging[i] = pt.truth().imagingPart();
            PatientGenerator.Predictors pr = CohortDraw.predictors(c, i);
            texture[i] = m.texturePart(pr);
            six[i] = pt.truth().logOdds() - m.intercept() - texture[i];
            y[i] = pt.truth().resistant();
            rdi[i] = pt.truth().rdi();
            pos += y[i] ? 1 : 0;
        }
        Arrays.sort(rdi);
        System.out.printf("intercept %.3f, standardisation means %s, SDs %s%n", m.intercept(),
                Arrays.toString(m.means()), Arrays.toString(m.sds()));
        System.out.printf("rate %.4f  bayes %.4f clin %.4f img %.4f  rdi median %.3f p10 %.3f%n", pos / (double) n,
                Auc.of(p, y), Auc.of(clinical, y), Auc.of(imaging, y), rdi[n / 2], rdi[n / 10]);
        System.out.printf("clinical + diffusion part (the study's clinical model) %.4f, texture part %.4f%n",
                Auc.of(six, y), Auc.of(texture, y));
    }
}
