package org.nacrad.stats.harmonisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.stats.data.RFixture;

/**
 * ComBat against {@code sva::ComBat} 3.46 (the R script {@code src/test/r/combat/combat_reference.R}): every option
 * combination on two data sets, comparing sva's harmonised training data, its internal estimates and the
 * harmonisation of held-out rows with those estimates.
 */
class ComBatTest {

    /** A fixture data set: batch, age, er, then the features. */
    record Data(FeatureTable x, List<String> batch, double[][] cov, double[] er) {

        static Data read(String name) {
            try {
                List<String> lines = Files.readAllLines(RFixture.resource("combat/" + name));
                String[] head = lines.get(0).split(",");
                List<String> feats = List.of(head).subList(3, head.length);
                List<String> ids = new ArrayList<>();
                List<String> batch = new ArrayList<>();
                double[][] x = new double[lines.size() - 1][feats.size()];
                double[][] cov = new double[x.length][2];
                double[] er = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    String[] r = lines.get(i + 1).split(",");
                    ids.add("P" + (i + 1));
                    batch.add(r[0]);
                    cov[i][0] = Double.parseDouble(r[1]);
                    cov[i][1] = Double.parseDouble(r[2]);
                    er[i] = cov[i][1];
                    for (int f = 0; f < feats.size(); f++) {
                        x[i][f] = Double.parseDouble(r[3 + f]);
                    }
                }
                return new Data(new FeatureTable(ids, feats, x), batch, cov, er);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (String ds : List.of("three", "zero")) {
            for (String prior : List.of("par", "nonpar")) {
                for (String scale : List.of("full", "meanonly")) {
                    for (String ref : List.of("noref", "refB")) {
                        for (String cov : List.of("nocov", "cov")) {
                            a.add(Arguments.of(ds, String.join("_", prior, scale, ref, cov)));
                        }
                    }
                }
            }
        }
        return a.stream();
    }

    static void close(String what, double actual, double expected) {
        double tol = 1e-8 * Math.max(1, Math.abs(expected));
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs sva " + expected).isLessThanOrEqualTo(tol);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void equalsSvaComBat(String ds, String tag) {
        Data train = Data.read(ds + ".train.csv");
        Data held = Data.read(ds + ".new.csv");
        RFixture r = RFixture.load("combat/" + ds + "." + tag + ".csv");
        ComBat method = (tag.startsWith("par") ? ComBat.parametric() : ComBat.nonParametric())
                .withMeanOnly(tag.contains("meanonly")).withReferenceBatch(tag.contains("refB") ? "B" : null);
        boolean withCov = tag.endsWith("_cov");
        List<String> covNames = List.of("age", "er");
        // the outcome the covariates are checked against: any vector that is not one of them
        double[] outcome = new double[train.x().rowCount()];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = i % 3 == 0 ? 1 : 0;
        }
        Covariates cov = withCov ? Covariates.forTraining(covNames, train.cov(), outcome) : Covariates.none();
        ComBatModel m = method.fit(train.x(), train.batch(), cov);

        assertThat(String.join(" ", m.batches())).isEqualTo(r.str("batches"));
        List<String> unadjusted = new ArrayList<>();
        for (int f = 0; f < train.x().featureCount(); f++) {
            if (m.unadjusted().containsKey(train.x().features().get(f))) {
                unadjusted.add(String.valueOf(f + 1));
            }
        }
        assertThat(String.join(" ", unadjusted)).isEqualTo(r.str("unadjusted"));
        int checked = 0;
        for (int f = 0; f < train.x().featureCount(); f++) {
            String k = String.valueOf(f + 1);
            if (!r.has("grand.mean." + k)) {
                assertThat(m.grandMean(f)).isNaN();
                continue;
            }
            close("grand mean " + k, m.grandMean(f), r.num("grand.mean." + k));
            close("pooled variance " + k, m.pooledVariance(f), r.num("var.pooled." + k));
            for (String b : m.batches()) {
                close("gamma* " + b + " " + k, m.gammaStar(b, f), r.num("gamma.star." + b + "." + k));
                close("delta* " + b + " " + k, m.deltaStar(b, f), r.num("delta.star." + b + "." + k));
            }
            if (withCov) {
                close("beta age " + k, m.covariateCoefficient(0, f), r.num("beta.age." + k));
                close("beta er " + k, m.covariateCoefficient(1, f), r.num("beta.er." + k));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(train.x().featureCount() - unadjusted.size());

        double[][] adj = m.apply(train.x(), train.batch(), withCov ? Covariates.of(covNames, train.cov()) : Covariates.none());
        for (int i = 0; i < adj.length; i++) {
            for (int f = 0; f < adj[i].length; f++) {
                close("train " + (i + 1) + "," + (f + 1), adj[i][f], r.num("train." + (i + 1) + "." + (f + 1)));
            }
        }
        double[][] adjNew = m.apply(held.x(), held.batch(), withCov ? Covariates.of(covNames, held.cov()) : Covariates.none());
        for (int i = 0; i < adjNew.length; i++) {
            for (int f = 0; f < adjNew[i].length; f++) {
                close("new " + (i + 1) + "," + (f + 1), adjNew[i][f], r.num("new." + (i + 1) + "." + (f + 1)));
            }
        }
    }

    @Test
    void unseenBatchesAreRefusedOrMappedAsTheUserSays() {
        Data train = Data.read("three.train.csv");
        Data held = Data.read("three.new.csv");
        ComBatModel m = ComBat.parametric().fit(train.x(), train.batch(), Covariates.none());
        List<String> batch = new ArrayList<>(held.batch());
        batch.set(4, "D");
        assertThatThrownBy(() -> m.apply(held.x(), batch, Covariates.none()))
                .hasMessageContaining("row 5 (P5): batch 'D' was not in the training data [A, B, C]");
        double[][] asA = m.apply(held.x(), batch, Covariates.none(), ComBatModel.UnseenBatch.treatAs("A"));
        List<String> allA = new ArrayList<>(held.batch());
        allA.set(4, "A");
        assertThat(asA).isDeepEqualTo(m.apply(held.x(), allA, Covariates.none()));
        assertThat(asA[4]).isNotEqualTo(held.x().values()[4]);
        assertThatThrownBy(() -> m.apply(held.x(), batch, Covariates.none(), ComBatModel.UnseenBatch.treatAs("Z")))
                .hasMessageContaining("'Z', which is not a training batch");
        // with a reference batch, treating an unseen centre as the reference leaves its rows unchanged
        ComBatModel r = ComBat.parametric().withReferenceBatch("B").fit(train.x(), train.batch(), Covariates.none());
        assertThat(r.apply(held.x(), batch, Covariates.none(), ComBatModel.UnseenBatch.treatAs("B"))[4])
                .isEqualTo(held.x().values()[4]);
        assertThat(r.gammaStar("B", 0)).isZero();
        assertThat(r.deltaStar("B", 0)).isEqualTo(1.0);
    }

    @Test
    void rowsMustHaveTheTrainingFeaturesAndCovariates() {
        Data train = Data.read("three.train.csv");
        double[] outcome = new double[train.x().rowCount()];
        outcome[0] = 1;
        ComBatModel m = ComBat.parametric().fit(train.x(), train.batch(),
                Covariates.forTraining(List.of("age", "er"), train.cov(), outcome));
        List<String> swapped = new ArrayList<>(train.x().features());
        java.util.Collections.swap(swapped, 0, 1);
        FeatureTable other = new FeatureTable(train.x().rows(), swapped, train.x().values());
        assertThatThrownBy(() -> m.apply(other, train.batch(), Covariates.of(List.of("age", "er"), train.cov())))
                .hasMessageContaining("same names in the same order");
        assertThatThrownBy(() -> m.apply(train.x(), train.batch(), Covariates.none()))
                .hasMessageContaining("needs covariates [age, er]");
        double[][] cov = train.cov();
        cov[6][0] = Double.NaN;
        assertThatThrownBy(() -> m.apply(train.x(), train.batch(), Covariates.of(List.of("age", "er"), cov)))
                .hasMessageContaining("row 7 (P7), covariate 'age'");
    }

    @Test
    void badTrainingDataIsRefusedNamingTheRowAndColumn() {
        Data d = Data.read("three.train.csv");
        ComBat c = ComBat.parametric();
        double[] outcome = new double[d.x().rowCount()];
        outcome[1] = 1;
        // a batch of one patient
        List<String> one = new ArrayList<>(d.batch());
        one.set(10, "D");
        assertThatThrownBy(() -> c.fit(d.x(), one, Covariates.none()))
                .hasMessageContaining("batch 'D' has a single patient (row 11, P11)");
        // a missing feature value
        double[][] x = d.x().values();
        x[2][1] = Double.NaN;
        assertThatThrownBy(() -> c.fit(new FeatureTable(d.x().rows(), d.x().features(), x), d.batch(), Covariates.none()))
                .hasMessageContaining("row 3 (P3), column 'f2': value is NaN");
        // a missing covariate
        double[][] cov = d.cov();
        cov[4][1] = Double.NaN;
        assertThatThrownBy(() -> c.fit(d.x(), d.batch(), Covariates.forTraining(List.of("age", "er"), cov, outcome)))
                .hasMessageContaining("row 5 (P5), covariate 'er'");
        // a covariate confounded with the batch
        double[][] site = new double[d.x().rowCount()][1];
        for (int i = 0; i < site.length; i++) {
            site[i][0] = d.batch().get(i).equals("A") ? 1 : 0;
        }
        assertThatThrownBy(() -> c.fit(d.x(), d.batch(), Covariates.forTraining(List.of("site_a"), site, outcome)))
                .hasMessageContaining("covariate 'site_a' is confounded with the batches");
        // the outcome as a covariate, or a recoding of it
        double[][] y = new double[outcome.length][1];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = 1 - outcome[i];
        }
        assertThatThrownBy(() -> Covariates.forTraining(List.of("responder"), y, outcome))
                .hasMessageContaining("covariate 'responder' is the outcome");
        // covariates that were not checked against the outcome
        assertThatThrownBy(() -> c.fit(d.x(), d.batch(), Covariates.of(List.of("age", "er"), d.cov())))
                .hasMessageContaining("Covariates.forTraining");
        // a reference batch that does not exist, a single batch
        assertThatThrownBy(() -> c.withReferenceBatch("Z").fit(d.x(), d.batch(), Covariates.none()))
                .hasMessageContaining("reference batch 'Z' is not one of the batches [A, B, C]");
        assertThatThrownBy(() -> c.fit(d.x(), java.util.Collections.nCopies(21, "A"), Covariates.none()))
                .hasMessageContaining("at least two batches");
        List<String> blank = new ArrayList<>(d.batch());
        blank.set(9, " ");
        assertThatThrownBy(() -> c.fit(d.x(), blank, Covariates.none())).hasMessageContaining("row 10 (P10): no batch");
    }

    @Test
    void aFeatureConstantWithinABatchIsLeftUnadjustedAsSvaDoes() {
        Data d = Data.read("zero.train.csv");
        ComBatModel m = ComBat.parametric().fit(d.x(), d.batch(), Covariates.none());
        assertThat(m.unadjusted()).containsExactly(java.util.Map.entry("f2", "constant within batch 'B'"));
        double[][] adj = m.apply(d.x(), d.batch(), Covariates.none());
        for (int i = 0; i < adj.length; i++) {
            assertThat(adj[i][1]).isEqualTo(d.x().get(i, 1));
        }
    }

    /** toMap/fromMap (model.json's form) give back a model that harmonises bit-identically. */
    @Test
    void aModelReadBackFromItsMapHarmonisesIdentically() {
        Data train = Data.read("zero.train.csv");
        Data held = Data.read("zero.new.csv");
        double[] outcome = new double[train.x().rowCount()];
        outcome[3] = 1;
        List<String> names = List.of("age", "er");
        for (ComBat c : List.of(ComBat.parametric(), ComBat.nonParametric().withMeanOnly(true).withReferenceBatch("A"))) {
            ComBatModel m = c.fit(train.x(), train.batch(), Covariates.forTraining(names, train.cov(), outcome));
            ComBatModel back = ComBatModel.fromMap(m.toMap());
            assertThat(back.toMap()).isEqualTo(m.toMap());
            assertThat(back.method().referenceBatch()).isEqualTo(c.referenceBatch());
            assertThat(back.unadjusted()).containsOnlyKeys("f2");
            assertThat(back.apply(held.x(), held.batch(), Covariates.of(names, held.cov())))
                    .isDeepEqualTo(m.apply(held.x(), held.batch(), Covariates.of(names, held.cov())));
        }
        java.util.Map<String, Object> broken = new java.util.LinkedHashMap<>(ComBat.parametric()
                .fit(train.x(), train.batch(), Covariates.none()).toMap());
        broken.remove("gamma_star");
        assertThatThrownBy(() -> ComBatModel.fromMap(broken)).hasMessageContaining("no 'gamma_star' entry");
    }
}
