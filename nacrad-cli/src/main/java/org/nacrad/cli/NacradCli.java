package org.nacrad.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nacrad} command line. Each subcommand lives in its own class; this class only lists them.
 */
@Command(name = "nacrad",
        mixinStandardHelpOptions = true,
        versionProvider = NacradCli.Version.class,
        description = "Breast MRI + clinical data to a validated prediction of resistance to neoadjuvant chemotherapy.",
        subcommands = {
            CommandLine.HelpCommand.class,
            org.nacrad.cli.stats.StatsCommand.class,
            org.nacrad.cli.clinical.ClinicalCommand.class,
            org.nacrad.cli.diffusion.DiffusionCommand.class,
            org.nacrad.cli.simulate.SimulateCommand.class,
            org.nacrad.cli.study.StudyCommand.class,
            org.nacrad.cli.study.PredictCommand.class,
            org.nacrad.cli.study.DemoCommand.class,
            org.nacrad.cli.serve.ServeCommand.class,
            org.nacrad.cli.extract.ExtractCommand.class,
            org.nacrad.cli.convert.ConvertCommand.class,
        })
public final class NacradCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns its exit code (for tests: no System.exit). */
    public static int execute(String... args) {
        return new CommandLine(new NacradCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NacradCli.class.getPackage().getImplementationVersion();
            return new String[] {"nacrad " + (v == null ? "dev" : v)};
        }
    }
}
