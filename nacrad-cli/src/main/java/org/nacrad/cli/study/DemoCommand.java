package org.nacrad.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.nacrad.cli.JobsOption;
import org.nacrad.cli.Progress;
import org.nacrad.io.AtomicFile;
import org.nacrad.io.ErrorText;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;
import org.nacrad.study.PaperComparison;
import org.nacrad.study.StudyResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad demo}: simulates the default cohort and runs the study on it. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Simulates the default 240-patient cohort into DIR/cohort (nacrad simulate) and runs the study",
            "on it into DIR/study (nacrad study): the whole workflow on a fresh machine with no data. With the paper",
            "preset (default) it prints the published study's numbers beside the run's (docs/reproduction.md)."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "nacrad-demo", description = "Output folder (default nacrad-demo).")
    Path out;

    @Option(names = "--patients", defaultValue = "240", description = "Patients to simulate (default 240).")
    int patients;

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default 42).")
    long seed;

    @Option(names = "--preset", defaultValue = "paper", description = {"Simulator preset: paper (default: the "
            + "published cohort, shown beside the paper's numbers) or literature (docs/simulator.md)."})
    String preset;

    @Option(names = "--bootstrap", defaultValue = "200", description = {"Bootstrap resamples of the whole procedure (default 200, so the demo finishes in minutes; the study default is 1000)."})
    int bootstrap;

    @CommandLine.Mixin
    JobsOption jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command that serves a model (the path quoted when the shell would split it). */
    static String serveCommand(Path model) {
        String p = model.toString();
        return "./nacrad serve --model " + (p.matches("[A-Za-z0-9_./+-]+") ? p : "'" + p.replace("'", "'\\''") + "'");
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            long t0 = System.nanoTime();
            Path cohort = out.resolve("cohort");
            SimulationConfig c = SimulationConfig.preset(SimulationConfig.Preset.of(preset)).withPatients(patients)
                    .withSeed(seed);
            Simulator simulator = new Simulator(c);
            o.println("nacrad demo: simulating " + patients + " patients into " + cohort);
            o.flush();
            Progress progress = new Progress("  simulate", patients, err);
            Simulator.Summary s = simulator.write(cohort, jobs.jobs(), progress::update);
            progress.done();
            SimulationConfig.Counts k = c.counts() != null && c.counts().applicable(patients) ? c.counts() : null;
            if (k != null) {
                o.printf(Locale.ROOT, "  %d of %d resistant (%.2f %%); of the first %d by admission date %d (%.2f %%), of the "
                        + "other %d %d (%.2f %%)%n", k.resistant(patients), patients, 100.0 * k.resistant(patients) / patients,
                        k.training(patients), k.trainingResistant(patients),
                        100.0 * k.trainingResistant(patients) / k.training(patients), patients - k.training(patients),
                        k.resistant(patients) - k.trainingResistant(patients),
                        100.0 * (k.resistant(patients) - k.trainingResistant(patients)) / (patients - k.training(patients)));
            }
            o.printf(Locale.ROOT, "  resistance rate %.3f, Bayes AUC %.3f (truth-summary.json)%n", s.resistanceRate(),
                    s.bayesAuc());
            boolean paper = c.preset() == SimulationConfig.Preset.PAPER;
            Path config = out.resolve("study.yaml");
            AtomicFile.writeString(config, "# nacrad demo: the study on the simulated cohort (defaults reproduce the paper)\n"
                    + "manifest: cohort/manifest.csv\noutput: study\nevaluation:\n  bootstrap: " + bootstrap + "\n"
                    + (paper ? "compare_with: paper\n" : ""));
            StudyResult result = StudyCommand.execute(config, jobs.jobs(), o, err);
            if (result == null) {
                return 1;
            }
            if (paper) {
                PaperComparison.lines(result).forEach(o::println);
            }
            Recovery recovery = Recovery.of(result, simulator.patients(), s.bayesAuc());
            recovery.write(out.resolve("recovery.json"));
            recovery.lines().forEach(o::println);
            o.printf(Locale.ROOT, "nacrad demo: done in %.0f s; open %s%n", (System.nanoTime() - t0) / 1e9,
                    out.resolve("study").resolve("report.html"));
            o.println("nacrad demo: to use the model at the point of care, in a browser, run:");
            o.println("  " + serveCommand(out.resolve("study").resolve("model.json")));
            o.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("nacrad demo: " + ErrorText.of(e));
            return 1;
        }
    }
}
