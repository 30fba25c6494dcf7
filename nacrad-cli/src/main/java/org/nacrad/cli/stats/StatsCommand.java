package org.nacrad.cli.stats;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nacrad stats …}: the statistics of nacrad-stats on any CSV. Each subcommand is its own class. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = "Statistics on any CSV, with the same numbers as R (glmnet, pROC, rms, stats).",
        subcommands = {
            LogitCommand.class,
            LassoCommand.class,
            RocCommand.class,
            DcaCommand.class,
            CompareCommand.class,
            IccCommand.class,
        })
public final class StatsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
