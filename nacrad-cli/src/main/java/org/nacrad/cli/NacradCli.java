package org.nacrad.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import org.nacrad.io.ErrorText;
import org.nacrad.io.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nacrad} command line. Each subcommand lives in its own class; this class lists them and holds what
 * every command shares: a usage error is one line (exit 2), an unexpected failure is one line (exit 1, never a stack
 * trace), and a failure to write standard output (a full disk, a closed pipe) is an error (exit 1), not a lost
 * result.
 */
@Command(name = "nacrad",
        mixinStandardHelpOptions = true,
        versionProvider = NacradCli.VersionProvider.class,
        description = "Breast MRI + clinical data to a validated prediction of resistance to neoadjuvant chemotherapy.",
        subcommands = {
            CommandLine.HelpCommand.class,
            org.nacrad.cli.stats.StatsCommand.class,
            org.nacrad.cli.clinical.ClinicalCommand.class,
            org.nacrad.cli.diffusion.DiffusionCommand.class,
            org.nacrad.cli.simulate.SimulateCommand.class,
            org.nacrad.cli.study.StudyCommand.class,
            org.nacrad.cli.study.PredictCommand.class,
            org.nacrad.cli.export.ExportCommand.class,
            org.nacrad.cli.study.DemoCommand.class,
            org.nacrad.cli.serve.ServeCommand.class,
            org.nacrad.cli.extract.ExtractCommand.class,
            org.nacrad.cli.convert.ConvertCommand.class,
            org.nacrad.cli.bench.BenchCommand.class,
            CdsTrainingCommand.class,
        })
public final class NacradCli implements Runnable {

    /** Exit code of a failure to write standard output. */
    static final int OUTPUT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on System.out and System.err and returns its exit code (for tests: no System.exit). */
    public static int execute(String... args) {
        return execute(new CommandLine(new NacradCli()), args);
    }

    /** Runs a configured command line: shared error handling and the check that standard output was written. */
    public static int execute(CommandLine cl, String... args) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            PrintWriter err = c.getErr();
            err.println(name(c) + ": " + ErrorText.firstLine(String.valueOf(e.getMessage())) + " (see '" + name(c)
                    + " --help')");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println(name(c) + ": " + ErrorText.of(e));
            c.getErr().flush();
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            cl.getErr().println("nacrad: " + ErrorText.of(e));
            cl.getErr().flush();
            return 1;
        }
        if (cl.getOut().checkError() || System.out.checkError()) {
            cl.getErr().println("nacrad: cannot write the output to standard output (disk full, or the reader "
                    + "closed the pipe); the result is lost");
            cl.getErr().flush();
            return code == 0 ? OUTPUT_FAILED : code;
        }
        return code;
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NacradCli());
        // straight to the file descriptor: a write error reaches checkError (System.out would swallow it)
        cl.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                Charset.defaultCharset())));
        System.exit(execute(cl, args));
    }

    /** The command's full name, e.g. {@code nacrad stats roc}. */
    static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    /** nacrad's version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nacrad " + Version.nacrad()};
        }
    }
}
