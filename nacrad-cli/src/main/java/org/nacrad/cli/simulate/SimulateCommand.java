package org.nacrad.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.nacrad.cli.Progress;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;

import org.nacrad.io.ErrorText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad simulate}: writes a synthetic NAC cohort with known ground truth (docs/simulator.md). */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Writes a realistic synthetic NAC cohort (breast T1 MRI, multi-b DWI, masks, clinical records)",
            "with a known ground truth: manifest.csv, cycles.csv, images/<id>/*.nii.gz, truth.csv, truth-summary.json."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--preset", defaultValue = "paper", description = {"Generative model: paper (default: the "
            + "published cohort, 58 of 240 resistant, 40 of the first 160) or literature (the NAC literature's",
            "directions, outcomes drawn freely); see docs/simulator.md."})
    String preset;

    @Option(names = "--patients", description = "Number of patients (default 240).")
    Integer patients;

    @Option(names = "--seed", description = "Random seed (default 42); the same seed gives byte-identical files.")
    Long seed;

    @Option(names = "--config", description = "YAML file overriding simulator settings (see docs/simulator.md).")
    Path config;

    @Option(names = "--image-size", split = ",", description = "T1 size i,j,k (default 128,128,48).")
    int[] imageSize;

    @Option(names = "--dwi-size", split = ",", description = "DWI size i,j,k (default 64,64,24).")
    int[] dwiSize;

    @Option(names = "--centres", description = "Number of centres, 1 to 6 (default 1): patients are imaged round "
            + "robin at centres A, B, C, … whose scanners record the T1 signal with their own gain and offset "
            + "(docs/simulator.md); the manifest then has a centre column and truth-centres.csv lists the scanners.")
    Integer centres;

    @Option(names = "--jobs", defaultValue = "0", description = "Worker threads (default: all cores).")
    int jobs;

    @Option(names = "--preview", description = "Also write preview.png: a montage of the first patients.")
    boolean preview;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        try {
            SimulationConfig c = SimulationConfig.preset(SimulationConfig.Preset.of(preset));
            if (config != null) {
                c = c.withYaml(config);
            }
            if (patients != null) {
                c = c.withPatients(patients);
            }
            if (seed != null) {
                c = c.withSeed(seed);
            }
            if (imageSize != null || dwiSize != null) {
                c = c.withImageSize(imageSize != null ? imageSize : c.imageSize(), dwiSize != null ? dwiSize : c.dwiSize());
            }
            int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
            Simulator sim = new Simulator(c, org.nacrad.simulator.Centres.of(centres == null ? 1 : centres));
            long t0 = System.nanoTime();
            Progress progress = new Progress("simulate", c.patients(), err);
            Simulator.Summary s = sim.write(out, threads, progress::update);
            progress.done();
            if (preview) {
                sim.preview(out.resolve("preview.png"), 5);
            }
            o.printf(Locale.ROOT, "nacrad simulate: %d patients written to %s in %.1f s%n", s.patients(), out,
                    (System.nanoTime() - t0) / 1e9);
            o.printf(Locale.ROOT, "  resistance rate %.3f, Bayes AUC %.3f, clinical-only AUC %.3f, imaging-only AUC %.3f"
                    + " (truth-summary.json)%n", s.resistanceRate(), s.bayesAuc(), s.clinicalAuc(), s.imagingAuc());
            o.flush();
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("nacrad simulate: " + ErrorText.of(e));
            return 1;
        }
    }
}
