package org.nacrad.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.nacrad.cli.JobsOption;
import org.nacrad.cli.Progress;
import org.nacrad.io.ErrorText;
import org.nacrad.study.CohortException;
import org.nacrad.study.Evaluation;
import org.nacrad.study.Model;
import org.nacrad.study.Study;
import org.nacrad.study.StudyConfig;
import org.nacrad.study.StudyResult;
import org.nacrad.study.Subset;

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

    @CommandLine.Mixin
    JobsOption jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return execute(config, jobs.given() ? jobs.jobs() : 0, spec.commandLine().getOut(),
                spec.commandLine().getErr()) == null ? 1 : 0;
    }

    /**
     * Runs a study and prints its headline numbers; the result, or null after printing why it failed.
     *
     * @param threads threads (0: the config's {@code radiomics.jobs}, whose 0 is all cores)
     */
    static StudyResult execute(Path config, int threads, PrintWriter out, PrintWriter err) {
        try {
            StudyConfig c = StudyConfig.read(config);
            Study study = new Study(config, c, out, (what, n) -> {
                Progress p = new Progress("  " + what, n, err);
                return p::update;
            }, threads);
            StudyResult r = study.run();
            print(r, out);
            return r;
        } catch (CohortException e) {
            err.println("nacrad study: " + e.getMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            err.println("nacrad study: " + ErrorText.of(e));
            return null;
        }
    }

    static void print(StudyResult r, PrintWriter out) {
        out.println();
        for (Model m : Model.values()) {
            for (Subset set : Subset.values()) {
                Evaluation e = r.evaluation(m, set);
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
