package org.nacrad.simulator;

public class SeedsMain {
    public static void main(String[] a) {
        for (long seed = 1; seed <= 12; seed++) {
            SimulationConfig c = SimulationConfig.defaults().withSeed(seed == 12 ? 42 : seed);
            java.util.List<Patient> ps = new Simulator(c).patients();
            Simulator.Summary s = Simulator.summarise(ps.toArray(new Patient[0]), LatentModel.calibrate(c));
            System.out.printf("seed %d rate %.3f bayes %.3f clin %.3f img %.3f%n", c.seed(), s.resistanceRate(), s.bayesAuc(), s.clinicalAuc(), s.imagingAuc());
        }
    }
}
