package org.nacrad.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --jobs N}, shared by the commands that run work in parallel ({@code extract}, {@code study}, {@code demo}):
 * how many threads, by default the available cores; checked here once (at least 1).
 */
public final class JobsOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private Integer jobs;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Threads to use (default: the available cores).")
    void setJobs(int n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--jobs must be at least 1, got " + n);
        }
        jobs = n;
    }

    /** Whether {@code --jobs} was given. */
    public boolean given() {
        return jobs != null;
    }

    /** The threads: {@code --jobs}, or the available cores. */
    public int jobs() {
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }
}
