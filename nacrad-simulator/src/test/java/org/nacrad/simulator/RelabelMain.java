package org.nacrad.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tuning aid: rewrites only the tables of a simulated cohort (manifest, cycles, truth, truth summary) for a
 * configuration whose images are unchanged — the phantoms draw from their own streams, so changing the outcome
 * model's effects or prevalence leaves every image byte-identical and a study's feature cache stays valid. Used
 * to tune the default effects over several seeds in seconds instead of re-drawing the images.
 * {@code java -cp <test classpath> org.nacrad.simulator.RelabelMain COHORT_DIR [config.yaml]}; the seed and
 * size come from the YAML (default: the defaults).
 */
public final class RelabelMain {

    private RelabelMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        SimulationConfig c = args.length > 1 ? SimulationConfig.defaults().withYaml(Path.of(args[1]))
                : SimulationConfig.defaults();
        LatentModel model = LatentModel.calibrate(c);
        Patient[] patients = CohortDraw.draw(c, model);
        Files.createDirectories(out);
        Simulator.writeText(out.resolve("manifest.csv"), CohortTables.manifest(patients));
        Simulator.writeText(out.resolve("cycles.csv"), CohortTables.cycles(patients));
        Simulator.writeText(out.resolve("truth.csv"), CohortTables.truth(patients));
        Simulator.Summary s = Simulator.summarise(patients, model);
        Simulator.writeText(out.resolve("truth-summary.json"), CohortTables.summaryJson(s, c, model));
        System.out.printf("rate %.3f bayes %.3f%n", s.resistanceRate(), s.bayesAuc());
    }
}
