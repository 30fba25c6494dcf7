package org.nacrad.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

class SimulatorTest {

    static final SimulationConfig LITERATURE = SimulationConfig.preset(SimulationConfig.Preset.LITERATURE);

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDiffers(@TempDir Path tmp) throws Exception {
        SimulationConfig c = SimulationConfig.defaults().withPatients(3).withSeed(7);
        new Simulator(c).write(tmp.resolve("a"), 2, null);
        new Simulator(c).write(tmp.resolve("b"), 1, null);
        new Simulator(c.withSeed(8)).write(tmp.resolve("c"), 2, null);
        Map<String, String> a = hashes(tmp.resolve("a"));
        assertThat(a).containsKeys("manifest.csv", "cycles.csv", "truth.csv", "truth-summary.json",
                "images/NAC0001/t1.nii.gz", "images/NAC0001/tumour.nii.gz", "images/NAC0001/dwi.nii.gz",
                "images/NAC0001/dwi.bval", "images/NAC0001/dwi_tumour.nii.gz", "images/NAC0001/reference.nii.gz");
        assertThat(hashes(tmp.resolve("b"))).isEqualTo(a);
        Map<String, String> c8 = hashes(tmp.resolve("c"));
        assertThat(c8.get("manifest.csv")).isNotEqualTo(a.get("manifest.csv"));
        assertThat(c8.get("images/NAC0001/t1.nii.gz")).isNotEqualTo(a.get("images/NAC0001/t1.nii.gz"));
    }

    @Test
    void imagesAndMasksShareGeometryAndTumoursAreNonEmpty(@TempDir Path tmp) throws Exception {
        SimulationConfig c = SimulationConfig.defaults().withPatients(3).withSeed(11);
        new Simulator(c).write(tmp, 2, null);
        for (String id : List.of("NAC0001", "NAC0002", "NAC0003")) {
            Path d = tmp.resolve("images").resolve(id);
            Volume t1 = ImageIO.read(d.resolve("t1.nii.gz"));
            Volume mask = ImageIO.read(d.resolve("tumour.nii.gz"));
            assertThat(t1.geometry().size()).containsExactly(128, 128, 48);
            assertThat(mask.geometry().mismatch(t1.geometry(), 1e-6)).isNull();
            assertThat(count(mask)).isGreaterThan(500);
            List<Volume> dwi = ImageIO.readSeries(d.resolve("dwi.nii.gz"));
            assertThat(dwi).hasSize(5);
            Volume dm = ImageIO.read(d.resolve("dwi_tumour.nii.gz"));
            Volume ref = ImageIO.read(d.resolve("reference.nii.gz"));
            assertThat(dm.geometry().mismatch(dwi.get(0).geometry(), 1e-6)).isNull();
            assertThat(ref.geometry().mismatch(dwi.get(0).geometry(), 1e-6)).isNull();
            assertThat(count(dm)).isPositive();
            assertThat(count(ref)).isPositive();
            assertThat(Files.readString(d.resolve("dwi.bval")).trim()).isEqualTo("0 50 800 1500 2000");
        }
        assertThat(Files.readString(tmp.resolve("truth-summary.json"))).contains("\"bayes_auc\"")
                .contains("\"clinical_only_auc\"").contains("\"imaging_only_auc\"").contains("\"effects\"");
    }

    @Test
    void aBreastWithLittleFibroglandularTissueStillGetsAReferenceRoi() {
        // seed 3, NAC0227: no fibroglandular voxel survives the 10 mm margin and the erosion, so the reference ROI
        // relaxes to 5 mm without erosion (this patient once stopped the whole simulation)
        SimulationConfig c = LITERATURE.withSeed(3);
        Patient p = new PatientGenerator(c, LatentModel.calibrate(c)).generate(226);
        assertThat(p.id()).isEqualTo("NAC0227");
        Phantom.Images im = new Phantom(c, p).draw();
        assertThat(count(im.referenceMask())).isPositive();
        assertThat(count(im.dwiTumourMask())).isPositive();
    }

    @Test
    void theDwiTumourRoiIsTheSolidTumourWithoutTheNecroticCore() {
        SimulationConfig c = LITERATURE.withSeed(42);
        PatientGenerator g = new PatientGenerator(c, LatentModel.calibrate(c));
        int checked = 0;
        for (int i = 0; i < 40 && checked < 3; i++) {
            Patient p = g.generate(i);
            if (PatientGenerator.necrosisFraction(p.tissue().necrosis()) < 0.1) {
                continue;
            }
            Phantom phantom = new Phantom(c, p);
            Phantom.Images im = phantom.draw();
            Volume whole = phantom.tumourMaskOn(im.dwiTumourMask().geometry());
            int solid = count(im.dwiTumourMask());
            // a necrotic fraction of at least 10 % leaves the ROI clearly smaller than the whole tumour, and inside it
            assertThat(solid).isPositive().isLessThan((int) (0.9 * count(whole)));
            for (int n = 0; n < whole.data().length; n++) {
                if (im.dwiTumourMask().data()[n] != 0) {
                    assertThat(whole.data()[n]).isNotZero();
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    private static int count(Volume v) {
        int c = 0;
        for (double x : v.data()) {
            c += x != 0 ? 1 : 0;
        }
        return c;
    }

    @Test
    void theLiteraturePresetGivesTheTargetRateAndBayesAuc() {
        // the population (20 000 patients): rate 24 % and Bayes AUC about 0.90, clinical and imaging parts each lower
        SimulationConfig big = LITERATURE.withPatients(20_000).withSeed(1);
        Simulator.Summary pop = Simulator.summarise(new Simulator(big).patients().toArray(new Patient[0]),
                LatentModel.calibrate(big));
        assertThat(pop.resistanceRate()).isCloseTo(0.24, within(0.01));
        assertThat(pop.bayesAuc()).isCloseTo(0.90, within(0.02));
        assertThat(pop.clinicalAuc()).isLessThan(pop.bayesAuc() - 0.08);
        assertThat(pop.imagingAuc()).isLessThan(pop.bayesAuc() - 0.08);
        assertThat(Math.abs(pop.clinicalAuc() - pop.imagingAuc())).isLessThan(0.05);
        // 240-patient cohorts vary binomially (SD of the rate 2.8 %): each of a few seeds lies within three SDs,
        // and their Bayes AUC near 0.90
        for (long seed : new long[] {1, 2, 3, 42}) {
            SimulationConfig c = LITERATURE.withSeed(seed);
            Simulator.Summary s = Simulator.summarise(new Simulator(c).patients().toArray(new Patient[0]),
                    LatentModel.calibrate(c));
            assertThat(s.resistanceRate()).as("seed %d", seed).isCloseTo(0.24, within(3 * Math.sqrt(0.24 * 0.76 / 240)));
            assertThat(s.bayesAuc()).as("seed %d", seed).isCloseTo(0.90, within(0.06));
        }
    }

    @Test
    void labelsFollowTheDefaultRule() {
        for (Patient p : new Simulator(SimulationConfig.defaults().withPatients(300)).patients()) {
            var rcb = org.nacrad.clinical.Rcb.of(new org.nacrad.clinical.Rcb.Inputs(p.rcb().d1Mm(), p.rcb().d2Mm(),
                    p.rcb().cellularityPct(), p.rcb().inSituPct(), p.rcb().positiveNodes(), p.rcb().largestNodeMetMm()));
            boolean resistant = org.nacrad.clinical.ResistanceRule.defaultRule().resistant(rcb.rcbClass(), p.baselineMm(),
                    p.postMm());
            assertThat(resistant).as(p.id()).isEqualTo(p.truth().resistant());
        }
    }

    @Test
    void previewIsAPng(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("preview.png");
        new Simulator(SimulationConfig.defaults().withPatients(2)).preview(png, 2);
        byte[] b = Files.readAllBytes(png);
        assertThat(b).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
