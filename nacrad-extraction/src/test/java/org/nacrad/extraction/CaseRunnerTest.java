package org.nacrad.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resumable runner: what it reuses, what it recomputes and says so, and what one bad case cannot do. */
class CaseRunnerTest {

    @TempDir
    Path dir;

    private CaseRunner.Result run(ExtractionSettings s, List<CaseSpec> cases, Path cache, Duration limit)
            throws IOException {
        return new CaseRunner(new CaseExtractor(s), new DirectoryStore(cache), 2, limit).run(cases, null);
    }

    @Test
    void aRerunReusesExactlyWhatIsUnchanged() throws IOException {
        List<CaseSpec> cases = TinyCases.write(dir, 3);
        ExtractionSettings s = TinyCases.settings(dir);
        Path cache = dir.resolve("cache");
        CaseRunner.Result first = run(s, cases, cache, null);
        assertThat(first.extracted()).isEqualTo(3);
        assertThat(first.reused()).isZero();
        assertThat(first.rows()).allMatch(CaseRow::ok);
        assertThat(first.rows().get(0).features()).containsKey("original_glcm_Contrast");
        assertThat(first.rows().get(0).inputChecksums()).containsOnlyKeys("image", "mask");

        CaseRunner.Result again = run(s, cases, cache, null);
        assertThat(again.reused()).isEqualTo(3);
        assertThat(again.notes()).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(again.rows().get(i).features()).isEqualTo(first.rows().get(i).features());
            assertThat(again.rows().get(i).diagnostics()).isEqualTo(first.rows().get(i).diagnostics());
        }

        // another image under the same name: that case alone is extracted again, and the note says why
        TinyCases.image(cases.get(1).image(), 7);
        CaseRunner.Result changed = run(s, cases, cache, null);
        assertThat(changed.extracted()).isEqualTo(1);
        assertThat(changed.reused()).isEqualTo(2);
        assertThat(changed.notes()).containsExactly(new CaseRunner.Note("c1",
                "input changed since the stored result (image): extracted again"));
        assertThat(changed.rows().get(1).features().get("original_firstorder_Variance"))
                .isNotEqualTo(first.rows().get(1).features().get("original_firstorder_Variance"));

        // other parameters: nothing is reused
        ExtractionSettings other = ExtractionSettings.radiomics(Files.writeString(dir.resolve("p2.yaml"),
                TinyCases.PARAMS.replace("binWidth: 25", "binWidth: 10")));
        CaseRunner.Result params = run(other, cases, cache, null);
        assertThat(params.extracted()).isEqualTo(3);
        assertThat(params.notes()).extracting(CaseRunner.Note::reason)
                .containsOnly("stored result made with other extraction settings: extracted again");
        assertThat(params.rows().get(0).parameterHash()).isNotEqualTo(first.rows().get(0).parameterHash());
    }

    @Test
    void aDamagedEntryIsRecomputedAndSaidSoNeverReused() throws IOException {
        List<CaseSpec> cases = TinyCases.write(dir, 2);
        ExtractionSettings s = TinyCases.settings(dir);
        Path cache = dir.resolve("cache");
        CaseRunner.Result first = run(s, cases, cache, null);
        Path entry = cache.resolve("c0.json");
        String text = Files.readString(entry);
        // cut short, as a full disk or a crash of the file system would leave it
        Files.writeString(entry, text.substring(0, text.length() / 2));
        // and, on the other case, one feature edited by hand
        Path other = cache.resolve("c1.json");
        Files.writeString(other, Files.readString(other).replaceFirst("\"original_firstorder_Mean\":\"[^\"]+\"",
                "\"original_firstorder_Mean\":\"1.0\""));
        CaseRunner.Result again = run(s, cases, cache, null);
        assertThat(again.reused()).isZero();
        assertThat(again.extracted()).isEqualTo(2);
        assertThat(again.notes()).extracting(CaseRunner.Note::reason).containsExactly(
                "stored result unusable (" + entry + ": not a complete entry (cut short?)): extracted again",
                "stored result unusable (" + other + ": checksum mismatch: the entry was changed or cut short): "
                        + "extracted again");
        assertThat(again.rows().get(0).features()).isEqualTo(first.rows().get(0).features());
        assertThat(again.rows().get(1).features()).isEqualTo(first.rows().get(1).features());
        // and the entries are whole again
        assertThat(run(s, cases, cache, null).reused()).isEqualTo(2);
    }

    @Test
    void aFailingCaseIsARowWithItsErrorAndIsTriedAgain() throws IOException {
        List<CaseSpec> cases = new ArrayList<>(TinyCases.write(dir, 2));
        Path missing = dir.resolve("missing.nii.gz");
        cases.add(1, CaseSpec.radiomics("bad", missing, cases.get(0).mask(), null, null));
        ExtractionSettings s = TinyCases.settings(dir);
        CaseRunner.Result r = run(s, cases, dir.resolve("cache"), null);
        assertThat(r.extracted()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.rows().get(1).error()).isEqualTo(missing + ": file not found");
        assertThat(r.rows().get(1).features()).isEmpty();
        assertThat(r.rows().get(0).ok()).isTrue();
        assertThat(r.rows().get(2).ok()).isTrue();
        assertThat(dir.resolve("cache/bad.json")).doesNotExist();
        assertThat(run(s, cases, dir.resolve("cache"), null).failed()).isEqualTo(1);
    }

    @Test
    void aCaseOverItsTimeLimitIsRecordedAndTheRunGoesOn() throws IOException {
        // cases of 80 000 voxels take far longer than the limit of a nanosecond
        List<CaseSpec> cases = TinyCases.write(dir, 4, 10);
        ExtractionSettings s = TinyCases.settings(dir);
        CaseRunner.Result r = run(s, cases, dir.resolve("cache"), Duration.ofNanos(1));
        assertThat(r.rows()).hasSize(4);
        assertThat(r.failed()).isEqualTo(4);
        assertThat(r.rows()).extracting(CaseRow::error).containsOnly("stopped after the per-case time limit of 0 ms");
        // nothing half-done is kept: a run without the limit extracts every case
        CaseRunner.Result again = run(s, cases, dir.resolve("cache"), null);
        assertThat(again.extracted() + again.reused()).isEqualTo(4);
        assertThat(again.failed()).isZero();
    }

    @Test
    void idsThatAreNotFileNamesStayInTheCacheFolder() throws IOException {
        List<CaseSpec> cases = TinyCases.write(dir, 1);
        CaseSpec c = cases.get(0);
        CaseSpec odd = CaseSpec.radiomics("../../escape", c.image(), c.mask(), null, null);
        Path cache = dir.resolve("cache");
        CaseRunner.Result r = run(TinyCases.settings(dir), List.of(odd), cache, null);
        assertThat(r.rows().get(0).ok()).isTrue();
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().startsWith("id-");
        }
        assertThat(run(TinyCases.settings(dir), List.of(odd), cache, null).reused()).isEqualTo(1);
    }
}
