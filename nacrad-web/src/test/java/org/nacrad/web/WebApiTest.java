package org.nacrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.study.ModelInputs;
import org.nacrad.study.PredictionJson;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;
import org.nacrad.testkit.DicomTestWriter;

/**
 * {@code nacrad serve} over real HTTP on 127.0.0.1 (a free port; the server is stopped by the test): the API's
 * predictions are the bytes {@code nacrad predict --format json} writes for the same patient (the predictor and
 * the JSON writer it uses), the form gives the same probability, and every bad input, limit and security rule of
 * docs/serve.md gets its 4xx/5xx with one sentence naming the field or file, no stack trace, and no file left in
 * the server's temporary folder. One small study is the fixture of the whole class.
 */
class WebApiTest {

    @TempDir
    static Path dir;
    static WebFixture fixture;
    static SavedModel model;
    static Predictor predictor;
    static ModelInputs inputs;
    static NacradServer server;
    static StringWriter log = new StringWriter();
    static String patient;

    @BeforeAll
    static void start() throws Exception {
        fixture = WebFixture.build(dir.resolve("study"));
        model = fixture.savedModel();
        predictor = new Predictor(model);
        inputs = predictor.inputs();
        server = NacradServer.start(fixture.model, WebOptions.defaults().withPort(0).withWorkers(2, 8)
                .withTempRoot(Files.createDirectories(dir.resolve("tmp"))), new PrintWriter(log, true));
        patient = fixture.validationIds().get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        assertThat(server.tempRoot()).doesNotExist();
    }

    @AfterEach
    void noFileLeftBehind() throws Exception {
        assertThat(WebFixture.emptied(server.tempRoot())).as("files left in the server's temporary folder").isEmpty();
    }

    private static URI at(String path) {
        return server.uri().resolve(path);
    }

    @Test
    void theFixtureModelNeedsEveryKindOfInput() {
        assertThat(model.predictors()).containsExactly("rad_score", "pr_positive", "rdi", "radc");
        assertThat(inputs.files().stream().map(ModelInputs.Input::name)).containsExactly("image", "mask",
                "mask_segment", "dwi", "bvals", "dwi_tumour_mask", "dwi_mask_segment", "reference_mask",
                "reference_mask_segment");
        assertThat(inputs.clinicalNames()).contains("pr_pct", "epirubicin_planned_dose_mg_m2", "docetaxel_actual_days")
                .doesNotContain("er_pct", "her2_ihc", "ki67_pct", "age");
    }

    @Test
    void apiPredictionsAreTheBytesOfNacradPredict() throws Exception {
        List<String> ids = fixture.validationIds().subList(0, 3);
        for (String id : ids) {
            HttpResponse<String> r = WebFixture.post(at("/api/predict"), fixture.parts(id, inputs).field("id", id));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String expected = PredictionJson.write(PredictionJson.document(model,
                    List.of(PredictionJson.row(predictor.predict(fixture.inputs(id, id, inputs)))))) + "\n";
            assertThat(r.body()).isEqualTo(expected);
            // and the study's own probability of this validation patient, to the bit
            double study = Double.parseDouble(org.nacrad.clinical.Table.read(fixture.dir.resolve("out/tables/predictions.csv"))
                    .rows().stream().filter(row -> row.get(0).equals(id)).findFirst().orElseThrow().get(6));
            JsonNode p = new ObjectMapper().readTree(r.body()).get("predictions").get(0);
            assertThat(p.get("probability").asDouble()).isEqualTo(study);
            assertThat(p.get("probability_ci_lower").asDouble()).isLessThan(study);
            assertThat(p.get("probability_ci_upper").asDouble()).isGreaterThan(study);
            assertThat(p.get("diffusion").get("tumour_voxels").asDouble()).isPositive();
        }
    }

    @Test
    void aZippedImageGivesTheSamePrediction() throws Exception {
        // the same T1 as a NIfTI inside a zip: the zip stands for the file it holds
        byte[] zip = zip(Map.of("patient/t1.nii.gz", Files.readAllBytes(fixture.file(patient, "image"))));
        HttpResponse<String> nifti = WebFixture.post(at("/api/predict"), fixture.parts(patient, inputs));
        HttpResponse<String> zipped = WebFixture.post(at("/api/predict"), fixture.parts(patient, inputs)
                .without("image").file("image", "t1.zip", zip));
        assertThat(zipped.statusCode()).as(zipped.body()).isEqualTo(200);
        assertThat(zipped.body()).isEqualTo(nifti.body());
    }

    /**
     * A DICOM series as a .zip and its tumour as a DICOM-SEG give the NIfTI prediction: the series is written from
     * the NIfTI volume (int16 values, the NIfTI's geometry), so only the spacing's decimal form in DICOM can differ.
     */
    @Test
    void aDicomSeriesZipAndItsSegGiveTheNiftiPrediction() throws Exception {
        Volume t1 = ImageIO.read(fixture.file(patient, "image"));
        Volume mask = ImageIO.read(fixture.file(patient, "mask"));
        Geometry g = t1.geometry();
        DicomTestWriter.Grid grid = new DicomTestWriter.Grid(g.size(), g.spacing(), g.origin(), g.direction());
        DicomTestWriter.Ids ids = DicomTestWriter.Ids.fresh();
        Path series = dir.resolve("dicom/t1");
        DicomTestWriter.writeMrSeries(series, grid, ids, "P1", List.of(t1.data()), null, 1, 0);
        Path seg = dir.resolve("dicom/tumour.seg.dcm");
        DicomTestWriter.writeSeg(seg, grid, ids, "P1", List.of(new DicomTestWriter.Segment(1, "tumour", mask.data())));
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (var files = Files.list(series)) {
            for (Path f : files.toList()) {
                entries.put("t1/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        HttpResponse<String> dicom = WebFixture.post(at("/api/predict"), fixture.parts(patient, inputs)
                .without("image").file("image", "t1.zip", zip(entries)).without("mask").file("mask", seg));
        assertThat(dicom.statusCode()).as(dicom.body()).isEqualTo(200);
        JsonNode d = new ObjectMapper().readTree(dicom.body()).get("predictions").get(0);
        double nifti = predictor.predict(fixture.inputs(patient, "patient", inputs)).probability();
        assertThat(d.get("probability").asDouble()).isCloseTo(nifti, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theFormGivesTheSameProbabilityWithQualityPicturesAndNomogram() throws Exception {
        HttpResponse<String> form = WebFixture.get(at("/predict"));
        assertThat(form.statusCode()).isEqualTo(200);
        for (ModelInputs.Input in : inputs.clinical()) {
            assertThat(form.body()).contains("name=\"" + in.name() + "\"");
        }
        assertThat(form.body()).doesNotContain("name=\"er_pct\"").doesNotContain("name=\"age\"");
        String csrf = hidden(form.body(), "csrf");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nacrad_csrf="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        HttpResponse<String> page = WebFixture.post(at("/predict"), fixture.parts(patient, inputs).field("csrf", csrf),
                "Cookie", cookie.substring(0, cookie.indexOf(';')), "Origin", server.uri().toString().replaceAll("/$", ""));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        double expected = predictor.predict(fixture.inputs(patient, "patient", inputs)).probability();
        Matcher m = Pattern.compile("data-probability=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(expected);
        assertThat(page.body()).contains("95 % CI").contains("Risk group").contains("class=\"patient-mark\"")
                .contains("data:image/png;base64,").contains("Tumour volume").contains("Diffusion ROIs")
                .contains("download=\"nacrad-result.json\"");
        // without the anti-forgery token the same form is refused
        HttpResponse<String> forged = WebFixture.post(at("/predict"), fixture.parts(patient, inputs).field("csrf", csrf));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("The form has expired or was not opened from this server");
    }

    /**
     * Nothing of a patient is written outside the request's folder: javax.imageio's default PNG stream caches in a
     * file of its cache directory (java.io.tmpdir), so the quality pictures are encoded in memory. The cache
     * directory is pointed at a watched folder while a form is predicted; no file may appear there, even briefly.
     */
    @Test
    void theQualityPicturesAreEncodedWithoutATemporaryFile() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("imageio-cache"));
        boolean useCache = javax.imageio.ImageIO.getUseCache();
        java.io.File cacheDir = javax.imageio.ImageIO.getCacheDirectory();
        try (java.nio.file.WatchService w = watched.getFileSystem().newWatchService()) {
            watched.register(w, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            javax.imageio.ImageIO.setUseCache(true);
            javax.imageio.ImageIO.setCacheDirectory(watched.toFile());
            HttpResponse<String> form = WebFixture.get(at("/predict"));
            String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nacrad_csrf="))
                    .findFirst().orElseThrow();
            HttpResponse<String> page = WebFixture.post(at("/predict"), fixture.parts(patient, inputs)
                    .field("csrf", hidden(form.body(), "csrf")), "Cookie", cookie.substring(0, cookie.indexOf(';')));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("data:image/png;base64,");
            java.nio.file.WatchKey key = w.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(key == null ? List.of() : key.pollEvents().stream().map(e -> e.context().toString()).toList())
                    .as("files created in javax.imageio's cache directory").isEmpty();
        } finally {
            javax.imageio.ImageIO.setUseCache(useCache);
            javax.imageio.ImageIO.setCacheDirectory(cacheDir);
        }
    }

    @Test
    void theModelCardAndTheApiDescribeTheModel() throws Exception {
        HttpResponse<String> card = WebFixture.get(at("/"));
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("Development cohort").contains("80 analysed").contains("AUC (95 % CI, DeLong)")
                .contains("Calibration slope").contains("<svg").contains("Intended use").contains(model.checksum());
        JsonNode api = new ObjectMapper().readTree(WebFixture.get(at("/api/model")).body());
        assertThat(api.get("model_checksum").asText()).isEqualTo(model.checksum());
        assertThat(api.get("inputs").findValuesAsText("name")).containsAll(inputs.clinicalNames());
        assertThat(api.get("development").get("performance").get("validation").get("auc").asDouble())
                .isEqualTo(((Number) ((Map<?, ?>) ((Map<?, ?>) model.development().get("performance"))
                        .get("validation")).get("auc")).doubleValue());
        JsonNode health = new ObjectMapper().readTree(WebFixture.get(at("/health")).body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
    }

    @Test
    void everyResponseCarriesTheProtectiveHeaders() throws Exception {
        for (String path : List.of("/", "/predict", "/api/model", "/health", "/nothing", "/assets/nacrad.css")) {
            HttpResponse<String> r = WebFixture.get(at(path));
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
        assertThat(WebFixture.get(at("/")).body()).doesNotContain("<script>").doesNotContain("style=");
    }

    /** Bad inputs: status, the sentence naming the field or file, no stack trace (the files are checked after each). */
    @Test
    void badInputsAreRefusedWithTheFieldOrFileNamed() throws Exception {
        String notUsed = "er_pct";
        expect(fixture.parts(patient, inputs).without("mask"), 400, "The 'mask' file is missing", "mask");
        expect(fixture.parts(patient, inputs).without("pr_pct"), 400, "The field 'pr_pct' is missing", "pr_pct");
        expect(fixture.parts(patient, inputs).field(notUsed, "80"), 400, "The field 'er_pct' is not an input of this "
                + "model", notUsed);
        expect(fixture.parts(patient, inputs).field("er_pct", "80").field("ki67_pct", "20"), 400,
                "The fields 'er_pct', 'ki67_pct' are not an input of this model", "er_pct");
        expect(fixture.parts(patient, inputs).replace("pr_pct", "eighty"), 422, "pr_pct is not a number: 'eighty'",
                "pr_pct");
        expect(fixture.parts(patient, inputs).replace("pr_pct", "150"), 422,
                "pr_pct must be a percentage in [0, 100], got 150.0", "pr_pct");
        expect(fixture.parts(patient, inputs).without("image").file("image", "t1.nii.gz",
                "not an image".getBytes(StandardCharsets.UTF_8)), 422, "'image' (t1.nii.gz)", "image");
        expect(fixture.parts(patient, inputs).without("mask").file("mask", "dwi_tumour.nii.gz",
                Files.readAllBytes(fixture.file(patient, "dwi_tumour_mask"))), 422, "'mask' (dwi_tumour.nii.gz)", "mask");
        expect(fixture.parts(patient, inputs).without("image").file("image", "t1.nii.gz", new byte[0]), 400,
                "The 'image' file (t1.nii.gz) is empty", "image");
        expect(fixture.parts(patient, inputs).file("height", "h.txt", "1".getBytes(StandardCharsets.UTF_8)), 400,
                "The field 'height' is not a file input of this model", "height");
        expect(fixture.parts(patient, inputs).field("pr_pct", "70"), 400, "The field 'pr_pct' is given twice", "pr_pct");
        expect(fixture.parts(patient, inputs).field("id", "<script>"), 400, "The field 'id' must be", "id");
        // the log carries request ids, routes and statuses only: no patient value, no file name, no id
        String l = log.toString();
        assertThat(l).contains("request ").contains("POST /api/predict -> 422").doesNotContain("eighty")
                .doesNotContain("t1.nii.gz").doesNotContain("dwi_tumour").doesNotContain(patient)
                .doesNotContain("Exception");
    }

    @Test
    void zipsThatEscapeTheirFolderOrExplodeAreRefused() throws Exception {
        byte[] t1 = Files.readAllBytes(fixture.file(patient, "image"));
        expect(fixture.parts(patient, inputs).without("image").file("image", "series.zip",
                zip(Map.of("../../escape.dcm", t1))), 400, "leaves its folder", "image");
        expect(fixture.parts(patient, inputs).without("image").file("image", "series.zip",
                zip(Map.of("/etc/escape.dcm", t1))), 400, "absolute path", "image");
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5001; i++) {
            many.put("IM" + i, new byte[] {1});
        }
        expect(fixture.parts(patient, inputs).without("image").file("image", "series.zip", zip(many)), 413,
                "more than 5000 entries", "image");
        expect(fixture.parts(patient, inputs).without("image").file("image", "bomb.zip",
                zip(Map.of("zeros.dcm", new byte[20 * 1024 * 1024]))), 413, "expands more than 100 times", "image");
        expect(fixture.parts(patient, inputs).without("image").file("image", "broken.zip",
                "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1)), 400, "is not a readable zip", "image");
    }

    @Test
    void methodsPathsAndBodiesOutsideTheApiAreRefused() throws Exception {
        HttpResponse<String> notFound = WebFixture.get(at("/etc/passwd"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        HttpResponse<String> method = WebFixture.HTTP.send(java.net.http.HttpRequest.newBuilder(at("/api/predict"))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> json = WebFixture.HTTP.send(java.net.http.HttpRequest.newBuilder(at("/api/predict"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("multipart/form-data");
        // (small bodies: a refusal that comes before the upload is read closes the connection behind it)
        HttpResponse<String> cross = WebFixture.post(at("/api/predict"), new WebFixture.Multipart().field("pr_pct", "1"),
                "Origin", "http://evil.example");
        assertThat(cross.statusCode()).isEqualTo(403);
        assertThat(cross.body()).contains("came from another web site");
        // a browser's Fetch Metadata decides: its own page's post passes even with "Origin: null" (what a browser
        // sends under a no-referrer policy); a sibling site's or another site's is refused
        for (String[] h : new String[][] {{"same-origin", "null", "400"}, {"same-site", server.uri().toString(), "403"},
                {"cross-site", "http://evil.example", "403"}}) {
            HttpResponse<String> r = WebFixture.post(at("/api/predict"), new WebFixture.Multipart().field("pr_pct", "1"),
                    "Sec-Fetch-Site", h[0], "Origin", h[1]);
            assertThat(r.statusCode()).as(h[0]).isEqualTo(Integer.parseInt(h[2]));
        }
        for (HttpResponse<String> r : List.of(notFound, method, json, cross)) {
            assertThat(r.body()).doesNotContain("at org.").doesNotContain("Exception");
        }
        // what Jetty refuses before a request exists: one sentence and the same headers
        try (Socket garbage = new Socket("127.0.0.1", server.port())) {
            garbage.getOutputStream().write("GARBAGE / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(garbage.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'none'")
                    .contains("X-Content-Type-Options: nosniff")
                    .endsWith("HTTP 400: the server could not accept this request (malformed request).\n");
        }
    }

    /** Size and time limits, and the bounded pool: a tightly limited second server on the same model. */
    @Test
    void limitsAndTheBoundedPool() throws Exception {
        WebOptions tight = WebOptions.defaults().withPort(0).withWorkers(1, 0)
                .withLimits(2L * 1024 * 1024, 3L * 1024 * 1024, 10, 100, 8L * 1024 * 1024, Duration.ofSeconds(3))
                .withTempRoot(Files.createDirectories(dir.resolve("tmp-tight")));
        try (NacradServer s = NacradServer.start(fixture.model, tight, new PrintWriter(new StringWriter()))) {
            URI api = s.uri().resolve("/api/predict");
            HttpResponse<String> big = WebFixture.post(api, new WebFixture.Multipart()
                    .file("image", "t1.nii.gz", new byte[(int) (2.5 * 1024 * 1024)]));
            assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
            assertThat(big.body()).contains("The 'image' file is larger than the 2 MB a file may have");
            // a request announcing more than the limit is refused before its body is read (a client sending
            // Expect: 100-continue, as curl does, gets the answer before uploading anything)
            try (Socket big4 = new Socket("127.0.0.1", s.port())) {
                big4.getOutputStream().write(("POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "multipart/form-data; boundary=xyz\r\nExpect: 100-continue\r\nContent-Length: 4000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = read(big4.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 413").contains("The upload (3.8 MB) is larger than the 3 MB a "
                        + "request may carry (--max-upload-mb).");
            }
            // one slow upload holds the only place: the next request gets 503 with Retry-After
            try (Socket slow = new Socket("127.0.0.1", s.port())) {
                OutputStream o = slow.getOutputStream();
                o.write(("POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                        + "boundary=xyz\r\nContent-Length: 100000\r\n\r\n--xyz\r\n").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                awaitBusy(s);
                HttpResponse<String> busy = WebFixture.post(api, new WebFixture.Multipart().field("pr_pct", "1"));
                assertThat(busy.statusCode()).isEqualTo(503);
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(busy.body()).contains("The server is busy");
                // and the slow upload itself runs out of time
                String answer = read(slow.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 408").contains("did not arrive within the 3 s");
            }
            assertThat(WebFixture.emptied(s.tempRoot())).isEmpty();
        }
    }

    @Test
    void aTokenIsRequiredWhenSetAndComparedAsAWhole() throws Exception {
        String token = "correct-horse-battery-staple";
        try (NacradServer s = NacradServer.start(fixture.model, WebOptions.defaults().withPort(0).withToken(token)
                .withTempRoot(Files.createDirectories(dir.resolve("tmp-token"))), new PrintWriter(new StringWriter()))) {
            assertThat(WebFixture.get(s.uri().resolve("/health")).statusCode()).isEqualTo(401);
            // without the token not even whether a path exists is answered, and signing in on a made-up path
            // redirects to the model card, never to where the link points (//evil.example would leave the server)
            assertThat(WebFixture.get(s.uri().resolve("/nothing")).statusCode()).isEqualTo(401);
            assertThat(WebFixture.get(s.uri().resolve("/nothing?token=" + token)).headers().firstValue("Location"))
                    .hasValue("/");
            HttpResponse<String> away = WebFixture.get(URI.create(s.uri() + "/evil.example/?token=" + token));
            assertThat(away.headers().firstValue("Location").orElse("/")).as("status " + away.statusCode())
                    .isEqualTo("/");
            assertThat(WebFixture.get(s.uri().resolve("/health"), "Authorization", "Bearer correct-horse")
                    .statusCode()).isEqualTo(401);
            assertThat(WebFixture.get(s.uri().resolve("/health"), "Authorization", "Bearer " + token).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> signIn = WebFixture.get(s.uri().resolve("/?token=" + token));
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Location")).hasValue("/");
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
            assertThat(WebFixture.get(s.uri().resolve("/"), "Cookie", cookie.substring(0, cookie.indexOf(';')))
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> api = WebFixture.post(s.uri().resolve("/api/predict"),
                    new WebFixture.Multipart().field("pr_pct", "1"));
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("needs its access token");
        }
    }

    @Test
    void theServerRefusesToStartWhenItShouldNot() throws Exception {
        assertThatThrownBy(() -> NacradServer.start(fixture.model, WebOptions.defaults().withHost("0.0.0.0").withPort(0),
                new PrintWriter(new StringWriter()))).hasMessageContaining("give an access token");
        assertThatThrownBy(() -> WebOptions.defaults().withToken("short")).hasMessageContaining("at least 16");
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(fixture.model).replaceFirst("\"threshold\" : ", "\"threshold\" : 0.01 + "));
        assertThatThrownBy(() -> NacradServer.start(tampered, WebOptions.defaults().withPort(0),
                new PrintWriter(new StringWriter()))).hasMessageContaining("tampered.json");
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, Files.readString(fixture.model).replaceFirst("\"threshold\" : [0-9.eE-]+",
                "\"threshold\" : 0.5"));
        assertThatThrownBy(() -> NacradServer.start(changed, WebOptions.defaults().withPort(0),
                new PrintWriter(new StringWriter()))).hasMessageContaining("checksum mismatch");
        Map<String, Object> old = new java.util.LinkedHashMap<>(model.values());
        old.remove("development");
        Path older = dir.resolve("older.json");
        new SavedModel(old).write(older);
        assertThatThrownBy(() -> NacradServer.start(older, WebOptions.defaults().withPort(0),
                new PrintWriter(new StringWriter()))).hasMessageContaining("written by an older nacrad")
                .hasMessageContaining("development cohort");
    }

    // --- helpers

    private static void expect(WebFixture.Multipart m, int status, String message, String field) throws Exception {
        HttpResponse<String> r = WebFixture.post(at("/api/predict"), m);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = new ObjectMapper().readTree(r.body());
        assertThat(e.get("error").asText()).contains(message).doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain(server.tempRoot().toString());
        if (field != null) {
            assertThat(e.get("field").asText()).isEqualTo(field);
        }
        assertThat(WebFixture.emptied(server.tempRoot())).as(message).isEmpty();
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    private static void awaitBusy(NacradServer s) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (s.busy() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(s.busy()).isEqualTo(1);
    }

    private static String read(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
            if (b.toString(StandardCharsets.UTF_8).contains("\r\n\r\n{") && b.toString(StandardCharsets.UTF_8).endsWith("}\n")) {
                break;
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
