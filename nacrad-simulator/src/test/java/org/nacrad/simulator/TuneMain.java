package org.nacrad.simulator;

public class TuneMain {
    public static void main(String[] a) {
        SimulationConfig c = SimulationConfig.defaults();
        if (a.length > 0) {
            c = new SimulationConfig(c.patients(), c.seed(), c.imageSize(), c.imageSpacing(), c.dwiSize(), c.dwiSpacing(),
                    c.bValues(), c.imageNoise(), c.dwiNoise(), c.biasField(), c.prevalence(), c.effects(), Double.parseDouble(a[0]));
        }
        LatentModel m = LatentModel.calibrate(c);
        PatientGenerator g = new PatientGenerator(c, m);
        int n = 20000;
        double[] p = new double[n], cl = new double[n], im = new double[n], rdi = new double[n];
        boolean[] y = new boolean[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            Patient pt = g.generate(i);
            p[i] = pt.truth().probability(); cl[i] = pt.truth().clinicalPart(); im[i] = pt.truth().imagingPart();
            y[i] = pt.truth().resistant(); rdi[i] = pt.truth().rdi();
            if (y[i]) pos++;
        }
        double mp = 0; for (double q : p) mp += q; System.out.println("mean p " + mp / n);
        java.util.Arrays.sort(rdi);
        System.out.printf("intercept %.3f means %s sds %s%n", m.intercept(), java.util.Arrays.toString(m.means()), java.util.Arrays.toString(m.sds()));
        System.out.printf("rate %.4f  bayes %.4f clin %.4f img %.4f  rdi median %.3f p10 %.3f%n", pos / (double) n,
                Auc.of(p, y), Auc.of(cl, y), Auc.of(im, y), rdi[n / 2], rdi[n / 10]);
    }
}
