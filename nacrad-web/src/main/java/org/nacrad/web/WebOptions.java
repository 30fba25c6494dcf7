package org.nacrad.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code nacrad serve} runs: where it listens, who may use it and how much it accepts.
 *
 * @param host             address to bind (127.0.0.1 by default: reachable from this computer only)
 * @param port             TCP port (0 picks a free one)
 * @param token            access token every request must carry (required when the host is not a loopback
 *                         address; null for none)
 * @param maxFileBytes     largest uploaded file (a .zip counts as uploaded, its contents as unzipped)
 * @param maxUploadBytes   largest request body (all files and fields together)
 * @param maxZipEntries    most entries in one .zip
 * @param maxZipRatio      largest expansion ratio of a .zip (bytes unzipped / bytes uploaded)
 * @param maxUnzippedBytes most bytes unzipped from the .zip files of one request
 * @param requestTimeout   longest a request may take, upload and prediction together
 * @param workers          predictions computed at once
 * @param queue            predictions that may wait for a worker; beyond that the server answers 503
 * @param retryAfterSeconds the Retry-After of a 503
 * @param tempRoot         where the per-request folders are made (null: the system temporary folder)
 */
public record WebOptions(String host, int port, String token, long maxFileBytes, long maxUploadBytes,
                         int maxZipEntries, double maxZipRatio, long maxUnzippedBytes, Duration requestTimeout,
                         int workers, int queue, int retryAfterSeconds, Path tempRoot) {

    /** The shortest access token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final long MB = 1024L * 1024;

    public WebOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535, got " + port);
        }
        token = token == null || token.isEmpty() ? null : token;
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the access token must have at least " + MIN_TOKEN_LENGTH
                    + " characters (a random one: openssl rand -hex 24)");
        }
        positive(maxFileBytes, "--max-file-mb");
        positive(maxUploadBytes, "--max-upload-mb");
        positive(maxZipEntries, "--max-zip-entries");
        positive(maxZipRatio, "--max-zip-ratio");
        positive(maxUnzippedBytes, "--max-unzipped-mb");
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("--request-timeout must be positive");
        }
        positive(workers, "--workers");
        if (queue < 0) {
            throw new IllegalArgumentException("--queue must be >= 0, got " + queue);
        }
        positive(retryAfterSeconds, "Retry-After");
    }

    /** The defaults: local only, 512 MB per file, 1 GB per request, 2 minutes, one worker per core, 32 waiting. */
    public static WebOptions defaults() {
        return new WebOptions("127.0.0.1", 8080, null, 512 * MB, 1024 * MB, 5000, 100, 2048 * MB,
                Duration.ofSeconds(120), Math.max(1, Runtime.getRuntime().availableProcessors()), 32, 10, null);
    }

    public WebOptions withHost(String h) {
        return new WebOptions(h, port, token, maxFileBytes, maxUploadBytes, maxZipEntries, maxZipRatio,
                maxUnzippedBytes, requestTimeout, workers, queue, retryAfterSeconds, tempRoot);
    }

    public WebOptions withPort(int p) {
        return new WebOptions(host, p, token, maxFileBytes, maxUploadBytes, maxZipEntries, maxZipRatio,
                maxUnzippedBytes, requestTimeout, workers, queue, retryAfterSeconds, tempRoot);
    }

    public WebOptions withToken(String t) {
        return new WebOptions(host, port, t, maxFileBytes, maxUploadBytes, maxZipEntries, maxZipRatio,
                maxUnzippedBytes, requestTimeout, workers, queue, retryAfterSeconds, tempRoot);
    }

    public WebOptions withLimits(long fileBytes, long uploadBytes, int zipEntries, double zipRatio, long unzippedBytes,
                                 Duration timeout) {
        return new WebOptions(host, port, token, fileBytes, uploadBytes, zipEntries, zipRatio, unzippedBytes, timeout,
                workers, queue, retryAfterSeconds, tempRoot);
    }

    public WebOptions withWorkers(int w, int q) {
        return new WebOptions(host, port, token, maxFileBytes, maxUploadBytes, maxZipEntries, maxZipRatio,
                maxUnzippedBytes, requestTimeout, w, q, retryAfterSeconds, tempRoot);
    }

    public WebOptions withTempRoot(Path t) {
        return new WebOptions(host, port, token, maxFileBytes, maxUploadBytes, maxZipEntries, maxZipRatio,
                maxUnzippedBytes, requestTimeout, workers, queue, retryAfterSeconds, t);
    }

    /** Whether the host is a loopback address (only this computer can connect). */
    public boolean local() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": unknown host");
        }
    }

    /** Megabytes, for messages. */
    static String mb(long bytes) {
        return bytes % MB == 0 ? (bytes / MB) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private static void positive(double v, String what) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
    }
}
