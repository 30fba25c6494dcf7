package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.nacrad.simulator.Patient;
import org.nacrad.simulator.SimulationConfig;
import org.nacrad.simulator.Simulator;
import org.nacrad.stats.roc.DeLong;

/**
 * A tuning aid for the simulator's paper preset (docs/reproduction.md): re-runs the study's selection, models and
 * evaluation on cohorts whose features a study has already cached, for an outcome model given as a simulator YAML,
 * without reading an image. Changing the effects, markers or counts leaves every image byte-identical, so the
 * cached diffusion and radiomics features stay valid; the clinical columns, labels and admission dates are redrawn
 * by the simulator. Prints, per seed, Table 1's whole-cohort P of ER, PR, HER-2 and Ki-67, the selected predictors,
 * the LASSO size, the models' AUCs and the DeLong P values, then their spread.
 * {@code java -cp <test classpath> org.nacrad.study.TuneStudyMain sim.yaml[,sim2.yaml…] STUDY_DIR_PATTERN seed…},
 * where the pattern holds {@code %d} for the seed, e.g. {@code cohorts/s%d} (the study output with {@code cache/});
 * several YAML files (comma-separated) are tried in turn with the features read once.
 */
public final class TuneStudyMain {

    private TuneStudyMain() {
    }

    static final List<String> SIX = List.of("er_positive", "ki67_high", "rdi", "rmk", "rmd", "adc_mean");

    private static final Map<Path, Map<String, Double>> CACHE = new java.util.HashMap<>();

    public static void main(String[] args) throws Exception {
        for (String yaml : args[0].split(",")) {
            System.out.println("== " + yaml);
            String[] one = args.clone();
            one[0] = yaml;
            run(one);
        }
    }

    static void run(String[] args) throws Exception {
        SimulationConfig base = SimulationConfig.defaults();
        if (!args[0].equals("-")) {
            base = base.withYaml(Path.of(args[0]));
        }
        StudyConfig config = StudyConfig.defaults();
        List<double[]> rows = new ArrayList<>();
        Map<String, Integer> kept = new TreeMap<>();
        int outside = 0;
        for (int a = 2; a < args.length; a++) {
            long seed = Long.parseLong(args[a]);
            Path dir = Path.of(String.format(Locale.ROOT, args[1], seed));
            List<Patient> patients = new Simulator(base.withSeed(seed)).patients();
            StudyData d = data(patients, dir, config);
            StudyModels m = StudyModels.fit(d, config);
            int[] tr = d.rows(true);
            int[] va = d.rows(false);
            Map<Model, Map<Subset, Evaluation>> ev = new LinkedHashMap<>();
            for (Model name : Model.values()) {
                double[] pt = m.predict(name, d, tr);
                double thr = Evaluation.youdenThreshold(StudyData.select(d.y(), tr), pt);
                ev.put(name, Map.of(Subset.TRAIN, Evaluation.of(Subset.TRAIN, StudyData.select(d.y(), tr), pt, thr,
                        new double[] {0.1}), Subset.VALIDATION, Evaluation.of(Subset.VALIDATION,
                        StudyData.select(d.y(), va), m.predict(name, d, va), thr, new double[] {0.1})));
            }
            StringBuilder t1 = new StringBuilder();
            double[] table1 = new double[4];
            int k = 0;
            for (String v : List.of("er_positive", "pr_positive", "her2_positive", "ki67_high")) {
                int j = d.clinicalNames().indexOf(v);
                List<Double> res = new ArrayList<>();
                List<Double> sen = new ArrayList<>();
                for (int i = 0; i < d.y().length; i++) {
                    (d.y()[i] == 1 ? res : sen).add(d.clinical()[i][j]);
                }
                double[] r1 = res.stream().mapToDouble(Double::doubleValue).toArray();
                double[] s1 = sen.stream().mapToDouble(Double::doubleValue).toArray();
                Table1.Row row = Table1.row(v, "all", r1, s1);
                boolean higher = Arrays.stream(r1).average().orElse(0) > Arrays.stream(s1).average().orElse(0);
                table1[k++] = higher ? row.p() : 1;
                t1.append(String.format(Locale.ROOT, " %s %.3f%s", v.substring(0, 2), row.p(), higher ? "" : "(lower)"));
            }
            List<String> sel = m.clinicalSelection().predictors();
            int six = 0;
            for (String s : sel) {
                kept.merge(s, 1, Integer::sum);
                six += SIX.contains(s) ? 1 : 0;
            }
            boolean out = sel.size() > six;
            outside += out ? 1 : 0;
            double[] r = new double[22];
            r[0] = seed;
            r[1] = six;
            r[2] = m.radiomicsSelection().selected().size();
            int c = 3;
            for (Model name : Model.values()) {
                for (Subset set : Subset.values()) {
                    r[c++] = ev.get(name).get(set).auc().auc();
                }
            }
            for (Subset set : Subset.values()) {
                r[c++] = ev.get(Model.COMBINED).get(set).metrics().sensitivity().estimate();
                r[c++] = ev.get(Model.COMBINED).get(set).metrics().specificity().estimate();
            }
            for (Model other : List.of(Model.CLINICAL, Model.RADIOMICS)) {
                for (Subset set : Subset.values()) {
                    r[c++] = DeLong.pairedTest(ev.get(Model.COMBINED).get(set).placements(),
                            ev.get(other).get(set).placements()).p();
                }
            }
            System.arraycopy(table1, 0, r, c, 4);
            rows.add(r);
            System.out.printf(Locale.ROOT, "seed %2d |%s | %s%s | lasso %2d | AUC comb %.3f/%.3f clin %.3f/%.3f rad %.3f/%.3f"
                    + " | sens/spec %.3f/%.3f %.3f/%.3f | DeLong clin %.3f/%.3f rad %.3f/%.3f%n", seed, t1, sel,
                    out ? " OUTSIDE" : "", (int) r[2], r[7], r[8], r[3], r[4], r[5], r[6], r[9], r[10], r[11], r[12],
                    r[13], r[14], r[15], r[16]);
        }
        System.out.println("kept: " + kept + "; outside in " + outside + " of " + rows.size());
        String[] names = {"seed", "six", "lasso", "clin tr", "clin va", "rad tr", "rad va", "comb tr", "comb va",
            "sens tr", "spec tr", "sens va", "spec va", "P clin tr", "P clin va", "P rad tr", "P rad va",
            "T1 ER", "T1 PR", "T1 HER2", "T1 Ki67"};
        for (int j = 1; j < names.length; j++) {
            double[] v = new double[rows.size()];
            int below = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[j];
                below += v[i] < 0.05 ? 1 : 0;
            }
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "%-9s median %.3f range %.3f–%.3f%s%n", names[j], v[v.length / 2], v[0],
                    v[v.length - 1], j >= 13 ? "  (P < 0.05 in " + below + ")" : "");
        }
    }

    /** The study's analysis table from the simulated records and the cached features of a study folder. */
    static StudyData data(List<Patient> patients, Path studyDir, StudyConfig config) throws IOException {
        List<String> ids = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<String> clin = config.clinical().candidates();
        double[] y = new double[patients.size()];
        double[][] c = new double[patients.size()][clin.size()];
        double[][] rad = new double[patients.size()][];
        List<String> radNames = null;
        for (int i = 0; i < patients.size(); i++) {
            Patient p = patients.get(i);
            ids.add(p.id());
            dates.add(p.admission());
            y[i] = p.truth().resistant() ? 1 : 0;
            Map<String, Double> diff = cache(studyDir.resolve("cache/diffusion/" + p.id() + ".json"));
            Map<String, Double> r = cache(studyDir.resolve("cache/radiomics/" + p.id() + ".json"));
            if (radNames == null) {
                radNames = new ArrayList<>(r.keySet());
            }
            rad[i] = new double[radNames.size()];
            for (int j = 0; j < radNames.size(); j++) {
                rad[i][j] = r.get(radNames.get(j));
            }
            for (int j = 0; j < clin.size(); j++) {
                c[i][j] = switch (clin.get(j)) {
                    case "age" -> p.age();
                    case "er_positive", "pr_positive", "her2_positive", "ki67_high" ->
                            PaperPresetTest.positive(p, clin.get(j)) ? 1 : 0;
                    case "rdi" -> p.truth().rdi();
                    default -> diff.get(clin.get(j));
                };
            }
        }
        boolean[] train = Split.chronological(ids, dates, config.split().trainFraction());
        return new StudyData(ids, y, train, List.copyOf(clin), c, radNames, rad, Map.of());
    }

    private static Map<String, Double> cache(Path f) throws IOException {
        Map<String, Double> hit = CACHE.get(f);
        if (hit != null) {
            return hit;
        }
        Map<String, Double> m;
        try {
            m = org.nacrad.extraction.StoredCase.parse(Files.readString(f)).row().features();
        } catch (org.nacrad.extraction.StoredCase.DamagedException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
        CACHE.put(f, m);
        return m;
    }

}
