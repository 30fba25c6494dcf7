package org.nacrad.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.nacrad.io.ErrorText;
import org.nacrad.study.ModelInputs;
import org.nacrad.study.PredictionJson;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;

/**
 * The routes of {@code nacrad serve}:
 * <pre>
 *   GET  /              model card (HTML)
 *   GET  /predict       the form (HTML)
 *   POST /predict       the result page (HTML), or the form again with the refusal
 *   GET  /api/model     the model card as JSON
 *   POST /api/predict   the prediction, the same JSON as nacrad predict --format json
 *   GET  /health        liveness and load (JSON)
 *   GET  /assets/...    the style sheet and script (from the jar)
 * </pre>
 * Every response carries the protective headers; with a token, every request must present it. A prediction is
 * admitted only when a worker or a queue place is free (else 503 with Retry-After), reads its upload into a private
 * folder deleted when the prediction ends, and runs on the bounded worker pool within the request time limit. Every
 * refusal is a 4xx/5xx with one sentence naming the field or file; an unexpected failure is a 500 that names the
 * request id, and the log records its type and stack frames, never a message (which could carry a value or a
 * file name).
 */
final class App extends Handler.Abstract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> SEGMENTS = Set.of("mask_segment", "dwi_mask_segment", "reference_mask_segment");

    private final SavedModel model;
    private final Predictor predictor;
    private final ModelInputs inputs;
    private final WebOptions options;
    private final Path tempRoot;
    private final ThreadPoolExecutor workers;
    private final Semaphore admission;
    private final PrintWriter log;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    private final String card;

    App(SavedModel model, WebOptions options, Path tempRoot, ThreadPoolExecutor workers, PrintWriter log)
            throws IOException {
        this.model = model;
        this.predictor = new Predictor(model);
        this.inputs = predictor.inputs();
        this.options = options;
        this.tempRoot = tempRoot;
        this.workers = workers;
        this.admission = new Semaphore(options.workers() + options.queue());
        this.log = log;
        for (String a : List.of("nacrad.css", "nacrad.js")) {
            try (InputStream in = App.class.getResourceAsStream("assets/" + a)) {
                if (in == null) {
                    throw new IOException("asset " + a + " missing from the jar");
                }
                assets.put("/assets/" + a, in.readAllBytes());
            }
        }
        this.card = ModelCardPage.html(model, inputs);
    }

    /** Predictions admitted and not finished (running or waiting). */
    int busy() {
        return options.workers() + options.queue() - admission.availablePermits();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long id = ids.incrementAndGet();
        long start = System.nanoTime();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Security.headers(response.getHeaders());
        response.getHeaders().put("X-Request-Id", Long.toString(id));
        boolean api = path.startsWith("/api/") || path.equals("/health");
        int status;
        try {
            status = route(request, response, callback, id, method, path, api);
        } catch (WebException e) {
            status = error(response, callback, e.status(), e.field(), e.getMessage(), id, api, request);
        } catch (Throwable t) {
            logFailure(id, t);
            status = error(response, callback, 500, null, "Internal error while handling request " + id
                    + "; the server log has the details.", id, api, request);
        }
        log(id, method, path, status, start);
        return true;
    }

    private int route(Request request, Response response, Callback callback, long id, String method, String path,
                      boolean api) throws Exception {
        String known = switch (path) {
            case "/", "/predict", "/api/model", "/api/predict", "/health" -> path;
            default -> assets.containsKey(path) ? path : null;
        };
        // the token first: without it, not even whether a path exists is answered
        if (options.token() != null && !Security.same(Security.presentedToken(request), options.token())) {
            Fields q = Request.extractQueryParameters(request);
            String t = q.getValue("token");
            if (method.equals("GET") && t != null && Security.same(t, options.token())) {
                response.getHeaders().add(HttpHeader.SET_COOKIE, Security.setCookie(request, Security.TOKEN_COOKIE,
                        options.token(), "/"));
                // back to the page asked for, never to an address the link made up (only the server's own paths)
                String to = known == null ? "/" : known;
                response.getHeaders().put(HttpHeader.LOCATION, to);
                return send(response, callback, 303, "text/plain; charset=utf-8", "See " + to + "\n");
            }
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"nacrad\"");
            throw new WebException(401, null, "This server needs its access token: open the address with ?token= "
                    + "that its administrator gave you, or send the header 'Authorization: Bearer <token>'.");
        }
        if (known == null) {
            throw new WebException(404, null, "There is no page here: the model card is at /, the form at /predict "
                    + "and the API at /api/model and /api/predict.");
        }
        boolean post = method.equals("POST");
        boolean get = method.equals("GET");
        boolean postRoute = path.equals("/predict") || path.equals("/api/predict");
        if (!(get && !path.equals("/api/predict")) && !(post && postRoute)) {
            response.getHeaders().put(HttpHeader.ALLOW, postRoute ? (path.equals("/predict") ? "GET, POST" : "POST")
                    : "GET");
            throw new WebException(405, null, "Method " + method + " is not allowed on " + path + ".");
        }
        if (post && !Security.sameOrigin(request)) {
            throw new WebException(403, null, "This request came from another web site and is refused.");
        }
        switch (path) {
            case "/" -> {
                return send(response, callback, 200, "text/html; charset=utf-8", card);
            }
            case "/health" -> {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("status", "ok");
                h.put("model", model.name());
                h.put("model_checksum", model.checksum());
                h.put("workers", options.workers());
                h.put("queue", options.queue());
                h.put("busy", busy());
                return json(response, callback, 200, h);
            }
            case "/api/model" -> {
                return json(response, callback, 200, modelJson());
            }
            case "/predict" -> {
                if (get) {
                    String csrf = Security.random();
                    response.getHeaders().add(HttpHeader.SET_COOKIE, Security.setCookie(request, Security.CSRF_COOKIE,
                            csrf, "/predict"));
                    return send(response, callback, 200, "text/html; charset=utf-8",
                            PredictPage.form(model, inputs, options, csrf, Map.of(), null, null));
                }
                return predict(request, response, callback, id, true);
            }
            case "/api/predict" -> {
                return predict(request, response, callback, id, false);
            }
            default -> {
                byte[] a = assets.get(path);
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
                return send(response, callback, 200, path.endsWith(".css") ? "text/css; charset=utf-8"
                        : "text/javascript; charset=utf-8", a);
            }
        }
    }

    /** The outcome of a prediction task. */
    private record Outcome(Predictor.Prediction prediction, String json, List<QualityImages.Panel> panels,
                           String qcProblem) {
    }

    private int predict(Request request, Response response, Callback callback, long id, boolean form)
            throws WebException, IOException {
        long deadline = System.nanoTime() + options.requestTimeout().toNanos();
        if (!admission.tryAcquire()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(options.retryAfterSeconds()));
            throw new WebException(503, null, "The server is busy: all " + options.workers() + " workers and "
                    + options.queue() + " queue places are taken; try again in " + options.retryAfterSeconds()
                    + " s.");
        }
        boolean handedOver = false;
        Upload upload = null;
        Map<String, String> clinical = new LinkedHashMap<>();
        try {
            Path dir = Files.createTempDirectory(tempRoot, "request-");
            Set<String> fileFields = new LinkedHashSet<>();
            inputs.files().stream().filter(i -> i.kind() == ModelInputs.Kind.FILE).forEach(i -> fileFields.add(i.name()));
            try {
                upload = Upload.read(request, dir, options, fileFields, deadline);
            } catch (WebException | IOException | RuntimeException e) {
                Upload.delete(dir);
                throw e;
            }
            Map<String, String> fields = new LinkedHashMap<>(upload.fields());
            if (form) {
                String csrf = fields.remove("csrf");
                if (!Security.same(csrf, Security.cookie(request, Security.CSRF_COOKIE))) {
                    throw new WebException(403, null, "The form has expired or was not opened from this server: "
                            + "open /predict again and submit it from there.");
                }
            }
            String patient = fields.remove("id");
            if (patient == null) {
                patient = "patient";
            } else if (patient.length() > 64 || !patient.matches("[\\p{L}\\p{N} _.:/#-]+")) {
                throw new WebException(400, "id", "The field 'id' must be at most 64 letters, digits, spaces or "
                        + "_ . : / # -.");
            }
            Map<String, String> segments = new LinkedHashMap<>();
            for (String s : SEGMENTS) {
                String v = fields.remove(s);
                if (v != null) {
                    if (!inputs.usesFile(s)) {
                        throw new WebException(400, s, "The field '" + s + "' is not an input of this model.");
                    }
                    segments.put(s, v);
                }
            }
            List<String> unknown = inputs.unknown(fields.keySet());
            if (!unknown.isEmpty()) {
                throw new WebException(400, unknown.get(0), (unknown.size() == 1 ? "The field '" + unknown.get(0)
                        + "' is" : "The fields '" + String.join("', '", unknown) + "' are") + " not an input of this "
                        + "model; it uses " + inputs.describeClinical() + ".");
            }
            clinical.putAll(fields);
            for (ModelInputs.Input f : inputs.files()) {
                if (f.kind() == ModelInputs.Kind.FILE && f.required() && !upload.files().containsKey(f.name())) {
                    throw new WebException(400, f.name(), "The '" + f.name() + "' file is missing: the model needs "
                            + "the " + lower(f.label()) + ".");
                }
            }
            for (ModelInputs.Input c : inputs.clinical()) {
                if (c.required() && !clinical.containsKey(c.name())) {
                    throw new WebException(400, c.name(), "The field '" + c.name() + "' is missing: the model needs "
                            + "the " + lower(c.label()) + (c.unit().isEmpty() ? "" : " (" + c.unit() + ")") + ".");
                }
            }
            Map<String, Path> f = upload.files();
            Predictor.Inputs in = new Predictor.Inputs(patient, f.get("image"), f.get("mask"),
                    segments.get("mask_segment"), f.get("dwi"), f.get("bvals"), f.get("dwi_tumour_mask"),
                    segments.get("dwi_mask_segment"), f.get("reference_mask"), segments.get("reference_mask_segment"),
                    clinical);
            Upload owned = upload;
            // whoever claims first cleans up: the task when it starts, or this thread when the time is up first
            java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
            Future<Outcome> task;
            try {
                task = workers.submit(() -> {
                    if (!claimed.compareAndSet(false, true)) {
                        return null;
                    }
                    try {
                        return compute(in, owned, form);
                    } finally {
                        owned.close();
                        admission.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(options.retryAfterSeconds()));
                throw new WebException(503, null, "The server is busy; try again in " + options.retryAfterSeconds()
                        + " s.");
            }
            handedOver = true;
            Outcome out;
            try {
                out = task.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (claimed.compareAndSet(false, true)) {
                    task.cancel(false);
                    owned.close();
                    admission.release();
                }
                throw new WebException(503, null, "The prediction did not finish within the "
                        + options.requestTimeout().toSeconds() + " s a request may take (--request-timeout).");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebException(503, null, "The server is stopping.");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException || c instanceof IllegalArgumentException
                        || c instanceof IllegalStateException || c instanceof UnsupportedOperationException) {
                    String m = sentence(owned.describe(ErrorText.of(c)), patient);
                    throw new WebException(422, fieldOf(m), m);
                }
                if (c instanceof OutOfMemoryError) {
                    throw new WebException(507, null, "The inputs are too large for the memory of this server.");
                }
                throw new IllegalStateException("prediction task failed", c);
            }
            if (!form) {
                return send(response, callback, 200, "application/json; charset=utf-8", out.json() + "\n");
            }
            return send(response, callback, 200, "text/html; charset=utf-8", PredictPage.result(model,
                    out.prediction(), out.json(), out.panels(), out.qcProblem(), clinical));
        } catch (WebException e) {
            if (form && e.status() < 500 && e.status() != 401) {
                // the form again, with the values kept and the refusal shown beside its field
                String csrf = Security.random();
                response.getHeaders().add(HttpHeader.SET_COOKIE, Security.setCookie(request, Security.CSRF_COOKIE,
                        csrf, "/predict"));
                Map<String, String> keep = new LinkedHashMap<>(clinical);
                if (upload != null) {
                    upload.fields().forEach((k, v) -> {
                        if (!k.equals("csrf")) {
                            keep.putIfAbsent(k, v);
                        }
                    });
                }
                return send(response, callback, e.status(), "text/html; charset=utf-8", PredictPage.form(model,
                        inputs, options, csrf, keep, e.getMessage(), e.field()));
            }
            throw e;
        } finally {
            if (!handedOver) {
                if (upload != null) {
                    upload.close();
                }
                admission.release();
            }
        }
    }

    /** Runs on a worker: the prediction, its JSON and, for the page, the quality pictures. */
    private Outcome compute(Predictor.Inputs in, Upload upload, boolean form) throws IOException {
        Predictor.Prediction p = predictor.predict(in);
        String json = PredictionJson.write(PredictionJson.document(model, List.of(PredictionJson.row(p))));
        List<QualityImages.Panel> panels = new ArrayList<>();
        String problem = null;
        if (form) {
            try {
                if (in.image() != null) {
                    panels.addAll(QualityImages.t1(in.image(), in.mask(), in.maskSegment(), model.label()));
                }
                if (in.dwi() != null) {
                    panels.addAll(QualityImages.dwi(in.dwi(), in.bvals(), in.dwiMask(), in.dwiMaskSegment(),
                            in.reference(), in.referenceSegment()));
                }
            } catch (IOException | RuntimeException e) {
                problem = "The quality pictures could not be drawn: " + upload.describe(e.getMessage());
            }
        }
        return new Outcome(p, json, panels, problem);
    }

    /** The model as JSON: what the card shows, the inputs, the limits. */
    private Map<String, Object> modelJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.name());
        m.put("model_checksum", model.checksum());
        m.put("created", model.values().get("created"));
        m.put("versions", model.values().get("versions"));
        m.put("threshold", model.threshold());
        m.put("intercept", model.intercept());
        m.put("coefficients", model.coefficients());
        List<Map<String, Object>> in = new ArrayList<>();
        for (ModelInputs.Input i : concat(inputs.files(), inputs.clinical())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", i.name());
            x.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
            x.put("label", i.label());
            x.put("unit", i.unit());
            x.put("required", i.required());
            x.put("note", i.note());
            if (!i.choices().isEmpty()) {
                x.put("choices", i.choices());
            }
            if (i.range() != null) {
                x.put("training_range", List.of(i.range()[0], i.range()[1]));
            }
            in.add(x);
        }
        m.put("inputs", in);
        Map<String, Object> ranges = new LinkedHashMap<>();
        model.trainingRanges().forEach((k, v) -> ranges.put(k, List.of(v[0], v[1])));
        m.put("training_ranges", ranges);
        m.put("development", model.development());
        m.put("interval", Predictor.INTERVAL_NOTE);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_file_bytes", options.maxFileBytes());
        limits.put("max_upload_bytes", options.maxUploadBytes());
        limits.put("max_zip_entries", options.maxZipEntries());
        limits.put("max_zip_ratio", options.maxZipRatio());
        limits.put("max_unzipped_bytes", options.maxUnzippedBytes());
        limits.put("request_timeout_seconds", options.requestTimeout().toSeconds());
        m.put("limits", limits);
        return m;
    }

    private static List<ModelInputs.Input> concat(List<ModelInputs.Input> a, List<ModelInputs.Input> b) {
        List<ModelInputs.Input> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private int error(Response response, Callback callback, int status, String field, String message, long id,
                      boolean api, Request request) {
        if (request.getLength() != 0) {
            // a refusal may come before the body was read, and the server then closes the connection behind its
            // answer: say so, or a client sends its next request on a connection about to close
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        String m = message.endsWith(".") ? message : message + ".";
        if (api) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("error", m);
            if (field != null) {
                e.put("field", field);
            }
            e.put("status", status);
            e.put("request_id", id);
            return json(response, callback, status, e);
        }
        String body = Html.page("nacrad: " + status, Request.getPathInContext(request),
                "<h1>" + status + "</h1>\n<div class=\"error\" role=\"alert\" id=\"error\">" + Html.esc(m)
                        + "</div>\n<p><a href=\"/\">Model card</a> · <a href=\"/predict\">Predict</a></p>\n");
        return send(response, callback, status, "text/html; charset=utf-8", body);
    }

    private int json(Response response, Callback callback, int status, Map<String, Object> body) {
        try {
            return send(response, callback, status, "application/json; charset=utf-8",
                    JSON.writeValueAsString(body) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int send(Response response, Callback callback, int status, String type, String body) {
        return send(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return status;
    }

    /**
     * One sentence from a reader's or the predictor's message: without the "patient X: " prefix the predictor adds
     * (the page is about one patient), on one line, ending with a full stop.
     */
    static String sentence(String message, String patient) {
        String m = message == null ? "The inputs could not be used" : message;
        String prefix = "patient " + patient + ": ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        m = m.replaceAll("\\s*\\n\\s*", "; ").trim();
        String first = m.split(" ", 2)[0];
        if (first.matches("[a-z]+")) {
            m = Character.toUpperCase(m.charAt(0)) + m.substring(1); // but a field name such as pr_pct stays as it is
        }
        return m.endsWith(".") ? m : m + ".";
    }

    /** The field a refusal is about, when its sentence starts with one ("'mask' (x.nii.gz): ..." or "pr_pct ..."). */
    private String fieldOf(String sentence) {
        for (ModelInputs.Input i : concat(inputs.files(), inputs.clinical())) {
            if (sentence.startsWith("'" + i.name() + "' (") || sentence.startsWith(i.name() + " ")) {
                return i.name();
            }
        }
        return null;
    }

    private static String lower(String label) {
        return label.length() < 2 || !Character.isLowerCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private void log(long id, String method, String path, int status, long start) {
        String route = switch (path) {
            case "/", "/predict", "/api/model", "/api/predict", "/health" -> path;
            default -> assets.containsKey(path) ? path : "(other path)";
        };
        synchronized (log) {
            log.printf(Locale.ROOT, "%s nacrad serve: request %d %s %s -> %d in %.3f s%n",
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), id, method.length() > 10 ? "(method)" : method,
                    route, status, (System.nanoTime() - start) / 1e9);
            log.flush();
        }
    }

    /** The type and stack frames of an unexpected failure; no message (it could name a file or carry a value). */
    private void logFailure(long id, Throwable t) {
        synchronized (log) {
            log.printf(Locale.ROOT, "%s nacrad serve: request %d failed:%n", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    id);
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                log.println("  " + c.getClass().getName());
                StackTraceElement[] frames = c.getStackTrace();
                for (int k = 0; k < Math.min(frames.length, 12); k++) {
                    log.println("    at " + frames[k]);
                }
            }
            log.flush();
        }
    }
}
