package org.nacrad.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.clinical.Table;
import org.nacrad.study.ModelInputs;
import org.nacrad.study.SavedModel;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import picocli.CommandLine;

/**
 * {@code nacrad serve} end to end, through the command line itself: a cohort simulated with {@code nacrad simulate},
 * a study run with {@code nacrad study}, the server started with {@code nacrad serve --port 0} on 127.0.0.1 and
 * stopped by the test. The API's answer for demo patients is byte for byte what {@code nacrad predict --format
 * json} prints for the same files and values; in a real browser (Debian's Chromium, headless, driven by Selenium
 * through Debian's chromedriver) the model card opens, the form is filled and the files uploaded, and the
 * probability on the result page equals {@code nacrad predict}'s.
 */
class ServeCommandTest {

    @TempDir
    static Path dir;
    static Path model;
    static Table manifest;
    static ModelInputs inputs;
    static Thread serving;
    static URI url;
    static final StringWriter SERVE_OUT = new StringWriter();
    static final StringWriter SERVE_ERR = new StringWriter();
    /** Selenium finds no DevTools module for this Chromium and says so at WARNING: the test needs none. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void studyAndServer() throws Exception {
        run(0, "simulate", "--patients", "80", "--seed", "11", "--out", dir.resolve("cohort").toString());
        Files.writeString(dir.resolve("original.yaml"), "imageType: {Original: {}}\nfeatureClass:\n  shape:\n"
                + "  firstorder:\n  glcm:\n  glrlm:\n  glszm:\nsetting: {binWidth: 25, label: 1}\n");
        Files.writeString(dir.resolve("study.yaml"), "manifest: cohort/manifest.csv\noutput: out\n"
                + "evaluation: {bootstrap: 0}\nselection: {folds: 5}\nradiomics: {params: original.yaml}\n"
                + "clinical: {candidates: [pr_positive, rdi, radc], univariate_p: 1.0, p_threshold: 1.0}\n");
        run(0, "study", dir.resolve("study.yaml").toString());
        model = dir.resolve("out/model.json");
        manifest = Table.read(dir.resolve("cohort/manifest.csv"));
        inputs = ModelInputs.of(SavedModel.read(model));
        serving = new Thread(() -> {
            CommandLine cl = new CommandLine(new NacradCli());
            cl.setOut(new PrintWriter(SERVE_OUT, true));
            cl.setErr(new PrintWriter(SERVE_ERR, true));
            cl.execute("serve", "--model", model.toString(), "--port", "0", "--workers", "2",
                    "--temp-dir", dir.toString());
        }, "serve-under-test");
        serving.start();
        long end = System.nanoTime() + 60_000_000_000L;
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)").matcher("");
        while (System.nanoTime() < end && !m.reset(SERVE_OUT.toString()).find()) {
            assertThat(serving.isAlive()).as(SERVE_ERR.toString()).isTrue();
            Thread.sleep(50);
        }
        url = URI.create(m.group(1));
    }

    @AfterAll
    static void stopServer() throws Exception {
        serving.interrupt();
        serving.join(60_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(SERVE_OUT.toString()).contains("nacrad serve: stopped");
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("nacrad-serve-"))).as("temporary folders")
                    .isEmpty();
        }
    }

    private static String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(String.join(" ", args) + "\n" + err).isEqualTo(expected);
        return expected == 0 ? out.toString() : err.toString();
    }

    private static String cell(String id, String column) {
        List<String> row = manifest.rows().stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
        return row.get(manifest.column(column));
    }

    private static Path file(String id, String column) {
        return dir.resolve("cohort").resolve(cell(id, column));
    }

    private static List<String> validationIds() throws Exception {
        return Table.read(dir.resolve("out/tables/predictions.csv")).rows().stream()
                .filter(r -> r.get(1).equals("validation")).map(r -> r.get(0)).toList();
    }

    /** nacrad predict's JSON for one patient, with exactly the options the model needs. */
    private static String predict(String id, String... extraClinical) {
        List<String> clinical = new ArrayList<>();
        for (String c : inputs.clinicalNames()) {
            clinical.add(c + "=" + cell(id, c));
        }
        clinical.addAll(List.of(extraClinical));
        return run(extraClinical.length == 0 ? 0 : 1, "predict", "--model", model.toString(), "--format", "json",
                "--id", id, "--image", file(id, "image").toString(), "--mask", file(id, "mask").toString(), "--dwi",
                file(id, "dwi").toString(), "--bvals", file(id, "bvals").toString(), "--dwi-mask",
                file(id, "dwi_tumour_mask").toString(), "--reference-mask", file(id, "reference_mask").toString(),
                "--clinical", String.join(",", clinical));
    }

    @Test
    void theApiAnswersWithTheBytesOfNacradPredict() throws Exception {
        for (String id : validationIds().subList(0, 3)) {
            String boundary = "----serve" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "id", null, id.getBytes(StandardCharsets.UTF_8));
            for (String f : List.of("image", "mask", "dwi", "bvals", "dwi_tumour_mask", "reference_mask")) {
                part(body, boundary, f, file(id, f).getFileName().toString(), Files.readAllBytes(file(id, f)));
            }
            for (String c : inputs.clinicalNames()) {
                part(body, boundary, c, null, cell(id, c).getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/predict"))
                    .timeout(Duration.ofSeconds(120)).expectContinue(true)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(predict(id));
        }
    }

    @Test
    void predictRefusesAClinicalValueTheModelDoesNotUseByName() throws Exception {
        String id = validationIds().get(0);
        assertThat(predict(id, "er_pct=80", "height_cm=170"))
                .contains("clinical values er_pct, height_cm are not used by this model (it uses pr_pct, ");
    }

    /**
     * The browser, end to end. Skipped outside CI when Debian's chromium or chromedriver is missing; under CI
     * {@code .ci/run} installs both and their absence fails. Selenium Manager is never asked for anything: the
     * driver and the browser are given by path.
     */
    @Test
    void aClinicianGetsNacradPredictsProbabilityInTheBrowser() throws Exception {
        // found as the study's report test finds the browser (Debian's paths), the driver beside it
        Path chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        if (chromium == null || !Files.isExecutable(chromedriver)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("chromium and chromium-driver must be installed (.ci/run installs them)");
            }
            Assumptions.assumeTrue(false, "Debian's chromium/chromium-driver not installed: browser test skipped");
        }
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        String id = validationIds().get(1);
        String printed = predict(id);
        Matcher number = Pattern.compile("\"probability\" : ([-+0-9.eE]+)").matcher(printed);
        assertThat(number.find()).as(printed).isTrue();
        String expectedText = number.group(1);
        double expected = new ObjectMapper().readTree(printed).get("predictions").get(0).get("probability")
                .asDouble();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--disable-extensions", "--window-size=1100,2600",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(url.toString());
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Probability of resistance to neoadjuvant chemotherapy");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Development cohort")
                    .contains("80 analysed");
            driver.findElement(By.linkText("Predict for a patient")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("predict-form")));
            driver.findElement(By.id("f-id")).sendKeys(id);
            for (String f : List.of("image", "mask", "dwi", "bvals", "dwi_tumour_mask", "reference_mask")) {
                driver.findElement(By.id("f-" + f)).sendKeys(file(id, f).toAbsolutePath().toString());
            }
            for (String c : inputs.clinicalNames()) {
                driver.findElement(By.id("f-" + c)).sendKeys(cell(id, c));
            }
            driver.findElement(By.id("submit")).click();
            WebElement result;
            try {
                result = new WebDriverWait(driver, Duration.ofSeconds(300)).until(
                        ExpectedConditions.presenceOfElementLocated(By.id("result")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no result page; server log:\n" + SERVE_ERR + "\npage:\n"
                        + driver.getPageSource(), e);
            }
            // the probability as nacrad predict prints it, character for character, and so the same double
            assertThat(result.getDomAttribute("data-probability")).isEqualTo(expectedText);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(result.getDomAttribute("data-probability"))))
                    .isEqualTo(Double.doubleToRawLongBits(expected));
            assertThat(driver.findElement(By.id("probability")).getText())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * expected));
            assertThat(driver.findElement(By.id("ci")).getText()).startsWith("95 % CI ");
            assertThat(driver.findElements(By.cssSelector(".panels img"))).hasSizeGreaterThanOrEqualTo(3);
            // the patient on every predictor axis, and on the total points, linear predictor and risk axes
            assertThat(driver.findElements(By.cssSelector("circle.patient-mark")))
                    .hasSize(SavedModel.read(model).predictors().size() + 3);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path shot = Path.of("target", "serve-result.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            assertThat(png.length).isPositive();
        } finally {
            driver.quit();
            service.stop();
        }
    }

    private static void part(ByteArrayOutputStream b, String boundary, String name, String fileName, byte[] content) {
        String h = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
        b.writeBytes(h.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
