package org.nacrad.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.nacrad.clinical.Table;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;
import org.nacrad.study.ModelInputs;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;
import org.nacrad.study.Study;
import org.nacrad.study.StudyConfig;

/**
 * Test fixture: a small simulated cohort and the study run on it (original-image features, no bootstrap), whose
 * clinical selection keeps PR status, the relative dose intensity and rADC, so that the model needs every kind of
 * input (T1 image and mask, DWI series with b-values and both masks, a receptor value and the dose columns); and
 * a minimal multipart client.
 */
final class WebFixture {

    final Path dir;
    final Path model;
    final Table manifest;

    private WebFixture(Path dir) throws IOException {
        this.dir = dir;
        this.model = dir.resolve("out/model.json");
        this.manifest = Table.read(dir.resolve("cohort/manifest.csv"));
    }

    /** Simulates 80 patients and runs the study into {@code dir}. */
    static WebFixture build(Path dir) throws Exception {
        new Simulator(SimulationConfig.defaults().withPatients(80).withSeed(11)).write(dir.resolve("cohort"), 2, null);
        Files.writeString(dir.resolve("original.yaml"), "imageType: {Original: {}}\nfeatureClass:\n  shape:\n"
                + "  firstorder:\n  glcm:\n  glrlm:\n  glszm:\nsetting: {binWidth: 25, label: 1}\n");
        Path config = dir.resolve("study.yaml");
        Files.writeString(config, "manifest: cohort/manifest.csv\noutput: out\nevaluation: {bootstrap: 0}\n"
                + "selection: {folds: 5}\nradiomics: {params: original.yaml}\n"
                + "clinical: {candidates: [pr_positive, rdi, radc], univariate_p: 1.0, p_threshold: 1.0}\n");
        new Study(config, StudyConfig.read(config), new PrintWriter(new StringWriter()), null).run();
        return new WebFixture(dir);
    }

    SavedModel savedModel() throws IOException {
        return SavedModel.read(model);
    }

    /** Ids of the validation patients (from the study's predictions table). */
    List<String> validationIds() throws IOException {
        Table p = Table.read(dir.resolve("out/tables/predictions.csv"));
        return p.rows().stream().filter(r -> r.get(1).equals("validation")).map(r -> r.get(0)).toList();
    }

    /** A manifest cell of a patient. */
    String cell(String id, String column) {
        List<String> row = manifest.rows().stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        return row.get(manifest.column(column));
    }

    /** A patient's file of a manifest column. */
    Path file(String id, String column) {
        return dir.resolve("cohort").resolve(cell(id, column));
    }

    /** The multipart parts of a patient: the model's files and clinical values (named like the manifest). */
    Multipart parts(String id, ModelInputs inputs) {
        Multipart m = new Multipart();
        for (ModelInputs.Input f : inputs.files()) {
            if (f.kind() == ModelInputs.Kind.FILE) {
                m.file(f.name(), file(id, f.name()));
            }
        }
        for (String c : inputs.clinicalNames()) {
            m.field(c, cell(id, c));
        }
        return m;
    }

    /** The Predictor inputs of the same patient (what nacrad predict builds from its options). */
    Predictor.Inputs inputs(String id, String reference, ModelInputs inputs) {
        Map<String, String> clinical = new LinkedHashMap<>();
        for (String c : inputs.clinicalNames()) {
            clinical.put(c, cell(id, c));
        }
        java.util.function.Function<String, Path> f = c -> inputs.usesFile(c) ? file(id, c) : null;
        return new Predictor.Inputs(reference, f.apply("image"), f.apply("mask"), null, f.apply("dwi"),
                f.apply("bvals"), f.apply("dwi_tumour_mask"), null, f.apply("reference_mask"), null, clinical);
    }

    /** Files left in a folder (recursively). */
    static List<Path> contents(Path folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> s = Files.walk(folder)) {
                return s.filter(p -> !p.equals(folder)).toList();
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt > 50) {
                    throw e; // a folder still being deleted vanished under the walk: look again
                }
            }
        }
    }

    /** Waits up to 20 s for a folder to be empty (a cancelled request cleans up when its worker ends). */
    static List<Path> emptied(Path folder) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        List<Path> left = contents(folder);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = contents(folder);
        }
        return left;
    }

    /** A multipart/form-data body built by hand on the client side (the server parses with Jetty). */
    static final class Multipart {
        final String boundary = "----nacradtest" + System.nanoTime();
        private final List<Object[]> parts = new ArrayList<>();

        Multipart field(String name, String value) {
            parts.add(new Object[] {name, null, value.getBytes(StandardCharsets.UTF_8)});
            return this;
        }

        Multipart file(String name, Path file) {
            try {
                return file(name, file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        Multipart file(String name, String fileName, byte[] content) {
            parts.add(new Object[] {name, fileName, content});
            return this;
        }

        Multipart without(String name) {
            parts.removeIf(p -> p[0].equals(name));
            return this;
        }

        Multipart replace(String name, String value) {
            without(name);
            return field(name, value);
        }

        byte[] body() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Object[] p : parts) {
                StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(p[0]).append('"');
                if (p[1] != null) {
                    h.append("; filename=\"").append(p[1]).append("\"\r\nContent-Type: application/octet-stream");
                }
                h.append("\r\n\r\n");
                b.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
                b.writeBytes((byte[]) p[2]);
                b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return b.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    /** An HTTP client that follows no redirect. */
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<String> post(URI uri, Multipart m, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", m.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
