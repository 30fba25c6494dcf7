package org.nacrad.cli.serve;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.nacrad.web.NacradServer;
import org.nacrad.web.WebOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nacrad serve}: the saved model as a web calculator for clinicians and a JSON API, from this jar, offline
 * (docs/serve.md). The server itself lives in the nacrad-web module; this command only reads the options.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves a model saved by 'nacrad study' in a browser: the model card (/), a prediction form",
            "(/predict) and the API (/api/model, /api/predict, /health). Listens on 127.0.0.1 (this computer only)",
            "unless --host says otherwise; another host needs an access token. Stop with Ctrl+C."})
public final class ServeCommand implements Callable<Integer> {

    private static final long MB = 1024L * 1024;

    @Option(names = "--model", required = true, description = "model.json written by nacrad study.")
    Path model;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface, needs a token).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--token", description = {"Access token every request must carry (at least 16 characters);",
        "default: the NACRAD_TOKEN environment variable (preferred: a flag is visible to other users of the computer)."})
    String token;

    @Option(names = "--max-file-mb", defaultValue = "512", description = "Largest uploaded file, MB (default 512).")
    long maxFileMb;

    @Option(names = "--max-upload-mb", defaultValue = "1024",
            description = "Largest request, all files together, MB (default 1024).")
    long maxUploadMb;

    @Option(names = "--max-zip-entries", defaultValue = "5000",
            description = "Most entries in one uploaded .zip (default 5000).")
    int maxZipEntries;

    @Option(names = "--max-zip-ratio", defaultValue = "100",
            description = "Largest expansion of a .zip, unzipped/zipped bytes (default 100).")
    double maxZipRatio;

    @Option(names = "--max-unzipped-mb", defaultValue = "2048",
            description = "Most bytes one request may unzip, MB (default 2048).")
    long maxUnzippedMb;

    @Option(names = "--request-timeout", defaultValue = "120",
            description = "Longest a request may take, upload and prediction, seconds (default 120).")
    long timeoutSeconds;

    @Option(names = "--workers", description = "Predictions computed at once (default: one per core).")
    Integer workers;

    @Option(names = "--queue", defaultValue = "32",
            description = "Predictions that may wait for a worker; beyond that: 503 with Retry-After (default 32).")
    int queue;

    @Option(names = "--temp-dir", description = "Where uploads are kept while a request runs (default: the system's).")
    Path tempDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NacradServer server;
        try {
            String t = token != null ? token : System.getenv("NACRAD_TOKEN");
            WebOptions o = WebOptions.defaults().withHost(host).withPort(port).withToken(t)
                    .withLimits(maxFileMb * MB, maxUploadMb * MB, maxZipEntries, maxZipRatio, maxUnzippedMb * MB,
                            Duration.ofSeconds(timeoutSeconds))
                    .withWorkers(workers == null ? WebOptions.defaults().workers() : workers, queue)
                    .withTempRoot(tempDir);
            server = NacradServer.start(model, o, err);
            out.println("nacrad serve: serving " + model + " at " + server.uri()
                    + (o.token() == null ? "" : " (open it once with ?token=<the token> to sign the browser in)"));
            out.println("nacrad serve: " + o.workers() + " workers, " + o.queue() + " queue places; press Ctrl+C "
                    + "to stop");
            out.flush();
        } catch (Exception e) {
            err.println("nacrad serve: " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread hook = new Thread(() -> stop(server), "nacrad-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop(server);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
        out.println("nacrad serve: stopped");
        out.flush();
        return 0;
    }

    private static void stop(NacradServer server) {
        try {
            server.close();
        } catch (Exception e) {
            // stopping: nothing left to report to
        }
    }
}
