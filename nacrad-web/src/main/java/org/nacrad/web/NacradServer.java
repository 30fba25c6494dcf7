package org.nacrad.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.nacrad.study.SavedModel;

/**
 * {@code nacrad serve}: the saved model as a web calculator and API, on an embedded Jetty 12 server (no servlet
 * container, no hand-written HTTP). It refuses to start with a model whose checksum fails, a model file that lacks
 * what the pages need, or a non-local address without an access token. Uploads go to a private temporary folder
 * made at start and removed at stop; each request has its own folder inside it, removed when the request ends.
 */
public final class NacradServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final Path tempRoot;
    private final App app;
    private final WebOptions options;

    private NacradServer(Server server, ServerConnector connector, ThreadPoolExecutor workers, Path tempRoot, App app,
                         WebOptions options) {
        this.server = server;
        this.connector = connector;
        this.workers = workers;
        this.tempRoot = tempRoot;
        this.app = app;
        this.options = options;
    }

    /**
     * Reads and verifies the model, and starts the server.
     *
     * @param log where the request log goes (one line per request: id, route, status, time)
     * @throws IOException              the model cannot be read, its checksum fails, or it lacks a needed section
     * @throws IllegalArgumentException the options are not acceptable (a non-local host without a token)
     */
    public static NacradServer start(Path modelFile, WebOptions options, PrintWriter log) throws Exception {
        if (!options.local() && options.token() == null) {
            throw new IllegalArgumentException("--host " + options.host() + " can be reached from other computers: "
                    + "give an access token with --token or the NACRAD_TOKEN environment variable (at least "
                    + WebOptions.MIN_TOKEN_LENGTH + " characters; for example: openssl rand -hex 24)");
        }
        SavedModel model = SavedModel.read(modelFile);
        if (!model.missingForServing().isEmpty()) {
            throw new IOException(modelFile + ": this model file was written by an older nacrad and lacks "
                    + String.join(", ", model.missingForServing()) + "; run the study again (nacrad study CONFIG) "
                    + "to write a complete model.json");
        }
        Path root = Files.createTempDirectory(options.tempRoot() == null
                ? Path.of(System.getProperty("java.io.tmpdir")) : options.tempRoot(), "nacrad-serve-");
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.workers(), options.workers(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(options.workers() + options.queue()), r -> {
                    Thread t = new Thread(r, "nacrad-predict-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        QueuedThreadPool threads = new QueuedThreadPool(options.workers() + options.queue() + 24, 4);
        threads.setName("nacrad-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setErrorHandler(new PlainErrors());
        try {
            App app = new App(model, options, root, workers, log);
            server.setHandler(app);
            server.setStopTimeout(5_000);
            server.start();
            return new NacradServer(server, connector, workers, root, app, options);
        } catch (Exception e) {
            workers.shutdownNow();
            server.stop();
            Upload.delete(root);
            if (e instanceof java.io.IOException && e.getCause() instanceof java.net.BindException) {
                throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                        + e.getCause().getMessage(), e);
            }
            throw e;
        }
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Its address (http://host:port/). */
    public URI uri() {
        String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** The folder holding the per-request folders (empty between requests). */
    public Path tempRoot() {
        return tempRoot;
    }

    /** Predictions admitted and not finished. */
    public int busy() {
        return app.busy();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server, waits for running predictions (a few seconds) and removes the temporary folder. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the web server did not stop cleanly", e);
        } finally {
            workers.shutdown();
            try {
                workers.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
            Upload.delete(tempRoot);
        }
    }

    /**
     * Jetty's own refusals (a malformed request, headers too large) in the server's style: one sentence, the
     * protective headers, no stack trace.
     */
    private static final class PlainErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            Security.headers(response.getHeaders());
            String body = "HTTP " + status + ": the server could not accept this request ("
                    + (status == 431 ? "headers too large" : status == 414 ? "address too long" : "malformed request")
                    + ").\n";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, b.length);
            response.write(true, ByteBuffer.wrap(b), callback);
            return true;
        }
    }
}
