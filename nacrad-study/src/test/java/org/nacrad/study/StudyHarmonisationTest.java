package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.clinical.Table;
import org.nacrad.stats.harmonisation.ComBat;
import org.nacrad.stats.harmonisation.ComBatModel;
import org.nacrad.stats.harmonisation.Covariates;
import org.nacrad.stats.harmonisation.FeatureTable;
import org.nacrad.stats.validation.ModellingProcedure;

/**
 * ComBat in the study: fitted on the training rows only (equal to the stats module's ComBat fitted on them), refitted
 * per LASSO CV fold and per bootstrap resample without the rows left out, stored in model.json and applied exactly by
 * predict, the unseen-centre policy, and bad input named by row and column. On a synthetic analysis table (no
 * images), so it runs in about a second; the end-to-end run with images is {@code HarmonisedStudyTest}.
 */
class StudyHarmonisationTest {

    private static final int N = 90;
    private static final int P = 30;
    private static final List<String> CENTRES = List.of("A", "B", "C");

    @TempDir
    Path dir;

    /** 90 patients at centres A, B, C in turn; 30 features, 3 of them carrying the outcome; centre gain and offset. */
    private record Synthetic(Cohort cohort, StudyData data) {
    }

    private static Synthetic synthetic(long seed, java.util.function.Consumer<Map<String, String>> edit) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>();
        double[] y = new double[N];
        boolean[] train = new boolean[N];
        double[][] clinical = new double[N][2];
        double[][] rad = new double[N][P];
        List<Cohort.Patient> patients = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        double[] gain = {1.0, 1.6, 0.5};
        double[] offset = {0, 3, -2};
        for (int i = 0; i < N; i++) {
            String id = String.format("P%03d", i + 1);
            ids.add(id);
            int c = i % 3;
            double latent = r.nextGaussian();
            y[i] = latent + 0.8 * r.nextGaussian() > 0.3 ? 1 : 0;
            train[i] = i < 66;
            double age = 50 + 10 * r.nextGaussian();
            clinical[i][0] = age;
            clinical[i][1] = r.nextBoolean() ? 1 : 0;
            for (int j = 0; j < P; j++) {
                double signal = j < 3 ? latent : 0;
                rad[i][j] = gain[c] * (signal + r.nextGaussian() + 0.02 * (age - 50)) + offset[c] + j;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("id", id);
            values.put("centre", CENTRES.get(c));
            values.put("age", Double.toString(age));
            if (edit != null && i == 4) {
                edit.accept(values);
            }
            patients.add(new Cohort.Patient(i + 1, id, LocalDate.of(2020, 1, 1).plusDays(i), y[i] == 1, null, null,
                    null, null, null, null, null, null, null, values));
            rows.add(List.of(id, values.getOrDefault("centre", ""), values.getOrDefault("age", "")));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < P; j++) {
            names.add("original_f" + j);
        }
        Cohort cohort = new Cohort(Path.of("manifest.csv"), new Table(List.of("id", "centre", "age"), rows), patients,
                List.of(), ResistanceRule.defaultRule());
        StudyData data = new StudyData(ids, y, train, List.of("age", "er_positive"), clinical, names, rad, Map.of());
        return new Synthetic(cohort, data);
    }

    private static StudyConfig.Harmonisation combat(List<String> covariates) {
        return new StudyConfig.Harmonisation(true, null, null, null, null, covariates, null);
    }

    private static double[][] trainingRows(StudyData d) {
        return StudyData.select(d.radiomics(), d.rows(true));
    }

    @Test
    void theStudysComBatIsStatsComBatFittedOnTheTrainingRowsOnly() throws Exception {
        Synthetic s = synthetic(1, null);
        StudyHarmonisation h = StudyHarmonisation.of(combat(List.of("age")), s.cohort(), s.data());
        HarmonisedData hd = HarmonisedData.of(h, s.data(), s.cohort(), line -> { });
        int[] tr = s.data().rows(true);
        List<String> batch = new ArrayList<>();
        double[][] age = new double[tr.length][1];
        for (int k = 0; k < tr.length; k++) {
            batch.add(CENTRES.get(tr[k] % 3));
            age[k][0] = s.data().clinical()[tr[k]][0];
        }
        FeatureTable x = new FeatureTable(java.util.Arrays.stream(tr).mapToObj(s.data().ids()::get).toList(), s.data().radiomicsNames(), trainingRows(s.data()));
        ComBatModel expected = ComBat.parametric().fit(x, batch,
                Covariates.forTraining(List.of("age"), age, StudyData.select(s.data().y(), tr)));
        assertThat(hd.model().toMap()).isEqualTo(expected.toMap());
        // every row, training and validation, harmonised by that model
        int[] all = java.util.stream.IntStream.range(0, N).toArray();
        List<String> allBatch = new ArrayList<>();
        double[][] allAge = new double[N][1];
        for (int i : all) {
            allBatch.add(CENTRES.get(i % 3));
            allAge[i][0] = s.data().clinical()[i][0];
        }
        double[][] want = expected.apply(new FeatureTable(s.data().ids(), s.data().radiomicsNames(), s.data().radiomics()),
                allBatch, Covariates.of(List.of("age"), allAge));
        assertThat(hd.data().radiomics()).isDeepEqualTo(want);
        // and it removes the centre effect: centre means of a noise feature agree after, not before
        assertThat(Math.abs(centreMean(s.data(), 10, "B") - centreMean(s.data(), 10, "A"))).isGreaterThan(2);
        assertThat(Math.abs(centreMean(hd.data(), 10, "B") - centreMean(hd.data(), 10, "A"))).isLessThan(0.5);
    }

    @Test
    void theConfiguredOptionsReachComBat() throws Exception {
        Synthetic s = synthetic(9, null);
        StudyConfig.Harmonisation opts = new StudyConfig.Harmonisation(true, null,
                StudyConfig.ComBatPrior.NON_PARAMETRIC, true, "B", null, null);
        HarmonisedData hd = HarmonisedData.of(StudyHarmonisation.of(opts, s.cohort(), s.data()), s.data(), s.cohort(),
                line -> { });
        int[] tr = s.data().rows(true);
        List<String> batch = new ArrayList<>();
        for (int i : tr) {
            batch.add(CENTRES.get(i % 3));
        }
        ComBatModel expected = ComBat.nonParametric().withMeanOnly(true).withReferenceBatch("B").fit(
                new FeatureTable(java.util.Arrays.stream(tr).mapToObj(s.data().ids()::get).toList(),
                        s.data().radiomicsNames(), trainingRows(s.data())), batch, Covariates.none());
        assertThat(hd.model().toMap()).isEqualTo(expected.toMap());
        // the reference centre's patients keep their values
        for (int i = 1; i < N; i += 3) {
            assertThat(hd.data().radiomics()[i]).containsExactly(s.data().radiomics()[i]);
        }
    }

    private static double centreMean(StudyData d, int feature, String centre) {
        double s = 0;
        int n = 0;
        for (int i : d.rows(true)) {
            if (CENTRES.get(i % 3).equals(centre)) {
                s += d.radiomics()[i][feature];
                n++;
            }
        }
        return s / n;
    }

    @Test
    void changingAValidationPatientChangesNeitherComBatNorTheModels() throws Exception {
        Synthetic s = synthetic(2, null);
        StudyConfig cfg = configWith(combat(List.of()));
        HarmonisedData a = HarmonisedData.of(StudyHarmonisation.of(cfg.harmonisation(), s.cohort(), s.data()),
                s.data(), s.cohort(), line -> { });
        double[][] changed = s.data().radiomics();
        changed = java.util.Arrays.stream(changed).map(double[]::clone).toArray(double[][]::new);
        int v = s.data().rows(false)[0];
        for (int j = 0; j < P; j++) {
            changed[v][j] = changed[v][j] * 10 + 100;
        }
        StudyData d2 = new StudyData(s.data().ids(), s.data().y(), s.data().train(), s.data().clinicalNames(),
                s.data().clinical(), s.data().radiomicsNames(), changed, Map.of());
        HarmonisedData b = HarmonisedData.of(StudyHarmonisation.of(cfg.harmonisation(), s.cohort(), d2), d2,
                s.cohort(), line -> { });
        assertThat(b.model().toMap()).isEqualTo(a.model().toMap());
        for (int i : s.data().rows(true)) {
            assertThat(b.data().radiomics()[i]).containsExactly(a.data().radiomics()[i]);
        }
        StudyModels ma = StudyModels.fit(a.data(), cfg, a.foldRefit());
        StudyModels mb = StudyModels.fit(b.data(), cfg, b.foldRefit());
        assertThat(mb.radiomicsSelection().selected()).isEqualTo(ma.radiomicsSelection().selected());
        assertThat(mb.combined().coefficients().get(0).estimate()).isEqualTo(ma.combined().coefficients().get(0).estimate());
    }

    @Test
    void eachCvFoldHarmonisesWithComBatFittedWithoutItsHeldOutRows() throws Exception {
        Synthetic s = synthetic(3, null);
        StudyHarmonisation h = StudyHarmonisation.of(combat(List.of()), s.cohort(), s.data());
        int[] tr = s.data().rows(true);
        double[][] x = trainingRows(s.data());
        double[] y = StudyData.select(s.data().y(), tr);
        boolean[] fitRows = new boolean[tr.length];
        for (int k = 0; k < tr.length; k++) {
            fitRows[k] = k % 5 != 0; // fold 1 of 5 held out
        }
        double[][] got = h.foldRefit(x, tr, y).apply(fitRows);
        // equal to ComBat fitted on the fold's training rows, applied to all
        List<Integer> in = new ArrayList<>();
        for (int k = 0; k < tr.length; k++) {
            if (fitRows[k]) {
                in.add(k);
            }
        }
        int[] inRows = in.stream().mapToInt(k -> tr[k]).toArray();
        double[][] xin = in.stream().map(k -> x[k]).toArray(double[][]::new);
        ComBatModel m = h.fit(xin, inRows, StudyData.select(s.data().y(), inRows));
        assertThat(got).isDeepEqualTo(h.apply(m, x, tr, null));
        // a held-out row's values do not move any other row's harmonised values
        double[][] x2 = java.util.Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        x2[0][3] += 50;
        double[][] got2 = h.foldRefit(x2, tr, y).apply(fitRows);
        for (int k = 1; k < tr.length; k++) {
            assertThat(got2[k]).containsExactly(got[k]);
        }
    }

    @Test
    void eachBootstrapResampleRefitsComBatOnTheResampleOnly() throws Exception {
        Synthetic s = synthetic(4, null);
        StudyConfig cfg = configWith(combat(List.of()));
        StudyHarmonisation h = StudyHarmonisation.of(cfg.harmonisation(), s.cohort(), s.data());
        ModellingProcedure proc = StudyModels.combinedProcedure(s.data(), cfg, h);
        int[] tr = s.data().rows(true);
        double[][] x = bootstrapRows(s.data(), tr);
        // a "resample": the first 50 training rows, a few twice
        int[] pick = new int[60];
        for (int k = 0; k < 60; k++) {
            pick[k] = k < 50 ? k : k - 50;
        }
        double[][] xs = java.util.Arrays.stream(pick).mapToObj(k -> x[k]).toArray(double[][]::new);
        double[] ys = java.util.Arrays.stream(pick).mapToDouble(k -> s.data().y()[tr[k]]).toArray();
        double[] lp = proc.fit(xs, ys, 7).linearPredictor(x);
        // the rows outside the resample do not inform its fit: change one, the others score the same
        double[][] x2 = java.util.Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        for (int j = 2; j < 2 + P; j++) {
            x2[60][j] += 40;
        }
        double[][] xs2 = java.util.Arrays.stream(pick).mapToObj(k -> x2[k]).toArray(double[][]::new);
        double[] lp2 = proc.fit(xs2, ys, 7).linearPredictor(x2);
        for (int k = 0; k < x.length; k++) {
            if (k != 60) {
                assertThat(lp2[k]).as("row " + k).isEqualTo(lp[k]);
            }
        }
        // and the harmonisation matters: without it the same resample gives other scores
        double[] raw = StudyModels.combinedProcedure(s.data(), cfg, null).fit(
                java.util.Arrays.stream(xs).map(r -> java.util.Arrays.copyOf(r, r.length - 1)).toArray(double[][]::new),
                ys, 7).linearPredictor(java.util.Arrays.stream(x).map(r -> java.util.Arrays.copyOf(r, r.length - 1))
                .toArray(double[][]::new));
        assertThat(raw).isNotEqualTo(lp);
    }

    private static double[][] bootstrapRows(StudyData d, int[] tr) {
        double[][] x = new double[tr.length][];
        for (int k = 0; k < tr.length; k++) {
            double[] c = d.clinical()[tr[k]];
            double[] r = d.radiomics()[tr[k]];
            x[k] = new double[c.length + r.length + 1];
            System.arraycopy(c, 0, x[k], 0, c.length);
            System.arraycopy(r, 0, x[k], c.length, r.length);
            x[k][c.length + r.length] = tr[k];
        }
        return x;
    }

    private StudyConfig configWith(StudyConfig.Harmonisation h) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "selection: {folds: 5}\n");
        StudyConfig c = StudyConfig.read(f);
        return new StudyConfig(c.manifest(), c.output(), c.label(), c.split(), c.radiomics(), c.diffusion(),
                c.clinical(), c.selection(), c.evaluation(), c.columns(), c.exclusions(), h, c.robustness(),
                c.compareWith());
    }

    @Test
    void predictAppliesTheStoredParametersExactlyAndStatesThePolicy() throws Exception {
        Synthetic s = synthetic(5, null);
        StudyConfig cfg = configWith(combat(List.of("age")));
        HarmonisedData hd = HarmonisedData.of(StudyHarmonisation.of(cfg.harmonisation(), s.cohort(), s.data()),
                s.data(), s.cohort(), line -> { });
        StudyModels models = StudyModels.fit(hd.data(), cfg, hd.foldRefit());
        SavedModel saved = hd.addTo(new SavedModel(Map.of("format", SavedModel.FORMAT)), models);
        // through JSON, as model.json
        @SuppressWarnings("unchecked")
        Map<String, Object> back = new ObjectMapper().readValue(new ObjectMapper().writeValueAsBytes(saved.values()),
                Map.class);
        SavedHarmonisation sh = SavedHarmonisation.of(new SavedModel(back));
        assertThat(sh.combat().features()).containsExactlyElementsOf(models.radiomicsSelection().selected().keySet());
        for (int i : s.data().rows(false)) {
            Map<String, Double> raw = s.data().radiomicsOf(i);
            Map<String, String> clinical = Map.of("centre", CENTRES.get(i % 3), "age",
                    Double.toString(s.data().clinical()[i][0]));
            List<String> warnings = new ArrayList<>();
            Map<String, Double> h = sh.apply(raw, clinical, "patient " + i, warnings);
            for (String f : sh.combat().features()) {
                assertThat(h.get(f)).as(f).isEqualTo(hd.data().radiomicsOf(i).get(f));
            }
            assertThat(warnings).isEmpty();
            assertThat(models.radiomicsSelection().radScore(h))
                    .isEqualTo(models.radiomicsSelection().radScore(hd.data().radiomicsOf(i)));
        }
        Map<String, Double> raw = s.data().radiomicsOf(0);
        assertThatThrownBy(() -> sh.apply(raw, Map.of("centre", "Z", "age", "50"), "patient X", new ArrayList<>()))
                .hasMessageContaining("patient X, column centre: centre 'Z' was not in the training set (A, B or C)")
                .hasMessageContaining("refuses");
        assertThatThrownBy(() -> sh.apply(raw, Map.of("centre", "A"), "patient X", new ArrayList<>()))
                .hasMessageContaining("patient X, column age: the harmonisation covariate is missing");
        assertThatThrownBy(() -> sh.apply(raw, Map.of("age", "50"), "patient X", new ArrayList<>()))
                .hasMessageContaining("patient X, column centre: no centre");
        // policy reference: unchanged features, with a warning
        SavedHarmonisation ref = new SavedHarmonisation("centre", StudyConfig.UnseenCentre.REFERENCE,
                ComBat.parametric().withReferenceBatch("A").fit(new FeatureTable(s.data().ids(),
                        s.data().radiomicsNames(), s.data().radiomics()), centres(N), Covariates.none()));
        List<String> warnings = new ArrayList<>();
        Map<String, Double> h = ref.apply(raw, Map.of("centre", "Z"), "patient X", warnings);
        assertThat(h).isEqualTo(raw);
        assertThat(warnings).singleElement().asString().contains("centre 'Z' was not in the training set")
                .contains("not harmonised");
    }

    private static List<String> centres(int n) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(CENTRES.get(i % 3));
        }
        return c;
    }

    @Test
    void badInputIsNamedByRowAndColumn() throws Exception {
        // a centre with a single patient
        Synthetic one = synthetic(6, v -> v.put("centre", "D"));
        assertThatThrownBy(() -> StudyHarmonisation.of(combat(List.of()), one.cohort(), one.data()))
                .isInstanceOf(CohortException.class)
                .hasMessageContaining("row 5 (id P005), column centre: centre 'D' has a single patient");
        // found from the cohort alone, before any feature is extracted
        assertThatThrownBy(() -> StudyHarmonisation.check(combat(List.of()), one.cohort()))
                .hasMessageContaining("row 5 (id P005), column centre: centre 'D' has a single patient");
        StudyHarmonisation.check(StudyConfig.Harmonisation.NONE, one.cohort()); // harmonisation off: no check
        // a covariate missing
        Synthetic missing = synthetic(6, v -> v.put("age", ""));
        assertThatThrownBy(() -> StudyHarmonisation.of(combat(List.of("age")), missing.cohort(), missing.data()))
                .hasMessageContaining("row 5 (id P005), column age: covariate of the harmonisation is missing");
        // no centre
        Synthetic none = synthetic(6, v -> v.put("centre", " "));
        assertThatThrownBy(() -> StudyHarmonisation.of(combat(List.of()), none.cohort(), none.data()))
                .hasMessageContaining("row 5 (id P005), column centre: no centre");
        // a covariate that is not a column
        Synthetic s = synthetic(6, null);
        assertThatThrownBy(() -> StudyHarmonisation.of(combat(List.of("bmi")), s.cohort(), s.data()))
                .hasMessageContaining("column bmi: covariate 'bmi' of harmonisation.covariates is not a manifest column");
        // an unseen centre in validation, policy refuse
        Synthetic late = synthetic(6, null);
        for (int i = 80; i < N; i++) {
            late.cohort().patients().get(i).values().put("centre", "E");
        }
        StudyHarmonisation lh = StudyHarmonisation.of(combat(List.of()), late.cohort(), late.data());
        assertThatThrownBy(() -> HarmonisedData.of(lh, late.data(), late.cohort(), line -> { }))
                .hasMessageContaining("row 81 (id P081), column centre: centre 'E' of this validation patient has no "
                        + "training patients [A, B, C]");
        // with policy reference, they are kept unharmonised and the log says so
        StudyConfig.Harmonisation refPolicy = new StudyConfig.Harmonisation(true, null, null, null, "A", null,
                StudyConfig.UnseenCentre.REFERENCE);
        List<String> log = new ArrayList<>();
        HarmonisedData kept = HarmonisedData.of(StudyHarmonisation.of(refPolicy, late.cohort(), late.data()),
                late.data(), late.cohort(), log::add);
        assertThat(kept.data().radiomics()[85]).containsExactly(late.data().radiomics()[85]);
        assertThat(log).anyMatch(l -> l.contains("warning: patient P081: centre 'E' was not in the training set"));
    }

    @Test
    void theConfigRefusesTheOutcomeAsACovariateAndAnIncompletePolicy() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "harmonisation: {combat: true, covariates: [age, chemoresistant]}\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("harmonisation.covariates: "
                + "'chemoresistant' is the outcome or defines it");
        Files.writeString(f, "harmonisation: {combat: true, covariates: [rcb_index]}\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("'rcb_index' is the outcome");
        Files.writeString(f, "harmonisation: {combat: true, unseen_centre: reference}\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("unseen_centre: reference needs "
                + "harmonisation.reference_batch");
        Files.writeString(f, "harmonisation: {combat: true, prior: bayes}\n");
        assertThatThrownBy(() -> StudyConfig.read(f)).hasMessageContaining("parametric or non-parametric");
        Files.writeString(f, "harmonisation: {combat: true, prior: non-parametric, mean_only: true, "
                + "reference_batch: A, covariates: [age], unseen_centre: reference, column: site}\n");
        StudyConfig.Harmonisation h = StudyConfig.read(f).harmonisation();
        assertThat(h).isEqualTo(new StudyConfig.Harmonisation(true, "site", StudyConfig.ComBatPrior.NON_PARAMETRIC,
                true, "A", List.of("age"), StudyConfig.UnseenCentre.REFERENCE));
        assertThat(StudyConfig.defaults().harmonisation().combat()).isFalse();
        // a covariate that reproduces the outcome under another name is refused when ComBat is fitted
        Synthetic s = synthetic(8, null);
        for (int i = 0; i < N; i++) {
            s.cohort().patients().get(i).values().put("age", s.data().y()[i] == 1 ? "1" : "0");
        }
        StudyHarmonisation h2 = StudyHarmonisation.of(combat(List.of("age")), s.cohort(), s.data());
        assertThatThrownBy(() -> HarmonisedData.of(h2, s.data(), s.cohort(), line -> { }))
                .hasMessageContaining("covariate 'age' is the outcome");
    }
}
