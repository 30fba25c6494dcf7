package org.nacrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The launcher's class-data sharing training run succeeds (every command it runs exits 0, so the archive holds the
 * classes of a real extraction), prints nothing, and is not listed in the help.
 */
class CdsTrainingCommandTest {

    @Test
    void trainingRunExtractsSilentlyAndIsHidden() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = NacradCli.execute(cl, "cds-training");
        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();

        StringWriter help = new StringWriter();
        CommandLine h = new CommandLine(new NacradCli());
        h.setOut(new PrintWriter(help));
        NacradCli.execute(h, "--help");
        assertThat(help.toString()).contains("extract").doesNotContain("cds-training");
    }
}
