package org.nacrad.cli.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.nacrad.cli.Outputs;
import org.nacrad.io.ErrorText;
import org.nacrad.pmml.PmmlExport;
import org.nacrad.study.SavedModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad export}: a saved model in an exchange format (PMML 4.4). */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Writes a model saved by 'nacrad study' (model.json, checksum verified)",
            "in an exchange format. pmml: PMML 4.4 with the radiomics preprocessing",
            "(parameter file and its SHA-256) in the header, the z-scores and the",
            "Rad-score as transformations and the logistic model as a RegressionModel."})
public final class ExportCommand implements Callable<Integer> {

    /** The exchange formats. */
    public enum Format { pmml }

    @Option(names = "--model", required = true, description = "model.json written by nacrad study.")
    Path model;

    @Option(names = "--format", defaultValue = "pmml", description = "Exchange format: ${COMPLETION-CANDIDATES} (default).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = {"Output file (default: beside the model, model.pmml); '-' writes to standard output."})
    String out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path target = out != null ? Path.of(out)
                    : model.toAbsolutePath().resolveSibling(stem(model.getFileName().toString()) + ".pmml");
            Outputs.check(target, Outputs.inputs("the model", model));
            SavedModel m = SavedModel.read(model);
            String xml = new String(PmmlExport.toXml(m), StandardCharsets.UTF_8);
            Outputs.write(target, xml, spec.commandLine().getOut());
            if (!Outputs.isStandardOutput(target)) {
                err.println("nacrad export: wrote " + target + " (PMML 4.4, " + m.radiomicsFeatures().size()
                        + " radiomics features, " + m.clinicalPredictors().size() + " clinical predictors)");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("nacrad export: " + ErrorText.of(e));
            return 1;
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
