package org.nacrad.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.nacrad.cli.Progress;
import org.nacrad.study.CohortException;
import org.nacrad.study.Evaluation;
import org.nacrad.study.Study;
import org.nacrad.study.StudyConfig;
import org.nacrad.study.StudyResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nacrad study CONFIG.yaml}: the whole study workflow from one configuration file. */
@Command(name = "study",
        mixinStandardHelpOptions = true,
        description = {"Runs the study from a YAML configuration: cohort checks, labels, radiomics and diffusion",
            "features, split, selection, clinical/radiomics/combined models, evaluation, bootstrap validation;",
            "writes report.html, summary.json, model.json, tables/*.csv, figures/*.svg|png and study.log."})
public final class StudyCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Study configuration (YAML).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return run(config, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs a study and prints its headline numbers; the exit code. */
    public static int run(Path config, PrintWriter out, PrintWriter err) {
        return execute(config, out, err) == null ? 1 : 0;
    }

    /** Runs a study and prints its headline numbers; the result, or null after printing why it failed. */
    static StudyResult execute(Path config, PrintWriter out, PrintWriter err) {
        try {
            StudyConfig c = StudyConfig.read(config);
            Study study = new Study(config, c, out, (what, n) -> {
                Progress p = new Progress("  " + what, n, err);
                return p::update;
            });
            StudyResult r = study.run();
            print(r, out);
            return r;
        } catch (CohortException | IOException | IllegalArgumentException e) {
            err.println("nacrad study: " + e.getMessage());
            return null;
        }
    }

    static void print(StudyResult r, PrintWriter out) {
        out.println();
        for (String m : org.nacrad.study.StudyModels.NAMES) {
            for (String set : StudyResult.SETS) {
                Evaluation e = r.evaluations().get(m).get(set);
                out.printf(Locale.ROOT, "  %-9s %-10s AUC %.3f (%.3f-%.3f)  sensitivity %.3f  specificity %.3f%n", m, set,
                        e.auc().auc(), e.auc().lower(), e.auc().upper(), e.metrics().sensitivity().estimate(),
                        e.metrics().specificity().estimate());
            }
        }
        if (r.bootstrap() != null) {
            out.printf(Locale.ROOT, "  combined: optimism-corrected AUC %.3f (%d bootstrap resamples)%n",
                    r.bootstrap().index("AUC").corrected(), r.bootstrap().used());
        }
        out.flush();
    }
}
