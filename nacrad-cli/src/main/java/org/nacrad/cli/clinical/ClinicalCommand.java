package org.nacrad.cli.clinical;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.nacrad.cli.Outputs;
import org.nacrad.clinical.ClinicalDerivation;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.clinical.Table;
import org.nacrad.io.ErrorText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad clinical}: adds RCB, response, RDI, receptor status and the chemoresistance label to a CSV. */
@Command(name = "clinical",
        mixinStandardHelpOptions = true,
        description = {
            "Derives clinical columns from raw values: rcb_index, rcb_class, shrinkage_rate, recist_response,",
            "<drug>_rdi, rdi, er_positive, pr_positive, her2_positive, ki67_high, chemoresistant.",
            "Each calculator runs when its input columns are present. All problems are reported by row and column;",
            "nothing is written while any remains."})
public final class ClinicalCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Input CSV with raw clinical columns.")
    Path data;

    @Option(names = "--out", required = true, description = "Output CSV (the input columns plus the derived ones).")
    Path out;

    @Option(names = "--rule", defaultValue = ResistanceRule.DEFAULT_SPEC,
            description = "Chemoresistance rule, e.g. 'rcb>=II and shrinkage<0.30' (default), 'rcb>=II', "
                    + "'rcb>=III or shrinkage<10%%'.")
    String rule;

    @Option(names = "--ki67-threshold", defaultValue = "20", description = "Ki-67 high at >= this percentage (default 20).")
    double ki67Threshold;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ResistanceRule r;
        try {
            r = ResistanceRule.parse(rule);
        } catch (IllegalArgumentException e) {
            err.println("nacrad clinical: --rule: " + e.getMessage());
            return 2;
        }
        if (Outputs.isStandardOutput(out)) {
            err.println("nacrad clinical: --out must name a file (the derived table is written there)");
            return 2;
        }
        try {
            Outputs.check(out, Outputs.inputs("the --data file", data));
            Table in = Table.read(data);
            Table derived = ClinicalDerivation.derive(in, new ClinicalDerivation.Options(r, ki67Threshold), data.toString());
            derived.write(out);
            PrintWriter o = spec.commandLine().getOut();
            o.println("nacrad clinical: " + derived.rows().size() + " rows written to " + out);
            if (derived.column("chemoresistant") >= 0) {
                o.println("  label: " + r.describe());
            }
            o.flush();
            return 0;
        } catch (ClinicalDerivation.InvalidTableException e) {
            err.println("nacrad clinical: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("nacrad clinical: " + ErrorText.of(e));
            return 1;
        }
    }
}
