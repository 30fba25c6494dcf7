package org.nacrad.stats.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** Against glmnet 4.1.6 / cv.glmnet at thresh = 1e-12 on two committed datasets (glmnet_reference.R). */
class LogisticNetTest {

    record Data(double[][] x, double[] y, int[] foldId, List<String> names) {
        static Data load(String name) {
            Dataset d = RFixture.dataset(name + ".csv");
            List<String> names = d.namesExcept(List.of("y", "foldid"));
            double[] f = d.column("foldid");
            int[] fold = new int[f.length];
            for (int i = 0; i < f.length; i++) {
                fold[i] = (int) f[i];
            }
            return new Data(d.matrix(names), d.binaryLabel("y"), fold, names);
        }
    }

    static LogisticNet configured(String tag) {
        LogisticNet net = LogisticNet.lasso().withThresh(1e-12);
        return switch (tag) {
            case "enet" -> net.withAlpha(0.5);
            case "raw" -> net.withStandardize(false);
            default -> net;
        };
    }

    @ParameterizedTest
    @CsvSource({"lasso_tall,lasso", "lasso_tall,enet", "lasso_tall,raw", "lasso_wide,lasso", "lasso_wide,enet",
        "lasso_wide,raw"})
    void pathEqualsGlmnet(String name, String tag) {
        Data d = Data.load(name);
        RFixture r = RFixture.load(name + ".glmnet.csv");
        LassoPath path = configured(tag).fit(d.x(), d.y(), d.names());
        double[] lambda = r.vector(tag + ".lambda");
        // same length: the early stop (dev ratio > 0.999 or gain < 1e-5) fires at the same lambda
        assertThat(path.size()).as("path length").isEqualTo(lambda.length);
        for (int k = 0; k < lambda.length; k++) {
            assertThat(path.lambda()[k]).as("lambda %d", k + 1).isCloseTo(lambda[k], within(1e-12 * lambda[0]));
        }
        double[] a0 = r.vector(tag + ".a0");
        double[] dev = r.vector(tag + ".dev.ratio");
        assertThat(path.nullDeviance()).isCloseTo(r.num(tag + ".nulldev"), within(1e-9));
        double worst = 0;
        for (int j = 0; j < d.names().size(); j++) {
            double[] bj = r.vector(tag + ".beta." + d.names().get(j));
            for (int k = 0; k < lambda.length; k++) {
                // standardised scale: glmnet's own convergence at thresh 1e-12 is ~1e-7 there
                worst = Math.max(worst, Math.abs(bj[k] - path.beta()[k][j]) * path.xScale()[j]);
            }
        }
        assertThat(worst).as("max |beta - glmnet| on the standardised scale").isLessThan(5e-6);
        for (int k = 0; k < lambda.length; k++) {
            assertThat(path.devRatio()[k]).as("dev.ratio %d", k + 1).isCloseTo(dev[k], within(1e-8));
            assertThat(path.intercept()[k]).as("a0 %d", k + 1).isCloseTo(a0[k], within(5e-5));
        }
    }

    @ParameterizedTest
    @CsvSource({"lasso_tall,lasso", "lasso_wide,lasso", "lasso_tall,enet", "lasso_wide,raw"})
    void everyPathPointSatisfiesKktTo1e9(String name, String tag) {
        Data d = Data.load(name);
        LassoPath path = configured(tag).withThresh(1e-24).fit(d.x(), d.y(), d.names());
        for (int k = 0; k < path.size(); k++) {
            assertThat(Kkt.maxViolation(path, d.x(), d.y(), k)).as("KKT at lambda %d", k + 1).isLessThan(1e-9);
        }
        // and glmnet's default thresh leaves visible violations: the check can fail
        LassoPath loose = configured(tag).withThresh(1e-3).fit(d.x(), d.y(), d.names());
        double worst = 0;
        for (int k = 0; k < loose.size(); k++) {
            worst = Math.max(worst, Kkt.maxViolation(loose, d.x(), d.y(), k));
        }
        assertThat(worst).isGreaterThan(1e-9);
    }

    @ParameterizedTest
    @CsvSource({"lasso_tall,deviance", "lasso_tall,auc", "lasso_wide,deviance", "lasso_wide,auc"})
    void crossValidationEqualsCvGlmnetWithTheSameFolds(String name, String measure) {
        Data d = Data.load(name);
        RFixture r = RFixture.load(name + ".glmnet.csv");
        CrossValidation.Result cv = CrossValidation.run(LogisticNet.lasso().withThresh(1e-12), d.x(), d.y(),
                d.names(), d.foldId(), measure.equals("auc") ? CrossValidation.Measure.AUC
                        : CrossValidation.Measure.DEVIANCE);
        String p = "cv." + measure;
        double[] cvm = r.vector(p + ".cvm");
        double[] cvsd = r.vector(p + ".cvsd");
        assertThat(cv.lambda()).hasSize(cvm.length);
        for (int k = 0; k < cvm.length; k++) {
            assertThat(cv.cvm()[k]).as("cvm %d", k + 1).isCloseTo(cvm[k], within(2e-6 * Math.max(1, cvm[k])));
            assertThat(cv.cvsd()[k]).as("cvsd %d", k + 1).isCloseTo(cvsd[k], within(2e-6 * Math.max(1, cvsd[k])));
        }
        assertThat(cv.lambdaMin()).isCloseTo(r.num(p + ".lambda.min"), within(1e-12));
        assertThat(cv.lambda1se()).isCloseTo(r.num(p + ".lambda.1se"), within(1e-12));
    }

    /**
     * Between path points, {@code fitAt} is the minimiser itself: the KKT conditions hold to 1e-9 at each requested
     * lambda, the coefficients equal glmnet's {@code coef(fit, s, exact = TRUE)} (thresh 1e-12) on the standardised
     * scale, and they differ from the linear interpolation between path points, which in turn equals glmnet's
     * default {@code coef(fit, s)} (glmnet_exact_reference.R).
     */
    @ParameterizedTest
    @CsvSource({"lasso_tall,lasso", "lasso_tall,enet", "lasso_wide,lasso"})
    void fitAtGivesTheExactMinimiserAsGlmnetExactTrue(String name, String tag) {
        Data d = Data.load(name);
        RFixture r = RFixture.load("lasso_exact.glmnet.csv");
        String key = name + "." + tag;
        double[] s = {r.num(key + ".s.1"), r.num(key + ".s.2"), r.num(key + ".s.3")};
        LogisticNet net = configured(tag);
        LassoPath exact = net.fitAt(d.x(), d.y(), d.names(), s);
        LassoPath path = net.fit(d.x(), d.y(), d.names());
        assertThat(exact.lambda()).containsExactly(s[0], s[1], s[2]);
        double worstExact = 0;
        double worstInterp = 0;
        double exactVsInterp = 0;
        for (int k = 0; k < 3; k++) {
            assertThat(Kkt.maxViolation(exact, d.x(), d.y(), k)).as("KKT at s %d", k + 1).isLessThan(1e-9);
            double[] rExact = r.vector(key + ".exact." + (k + 1));
            double[] rInterp = r.vector(key + ".interp." + (k + 1));
            double[] ours = exact.coefficients(s[k]);
            double[] interp = path.coefficients(s[k]);
            assertThat(ours[0]).as("intercept at s %d", k + 1).isCloseTo(rExact[0], within(5e-6));
            for (int j = 0; j < d.names().size(); j++) {
                double scale = exact.xScale()[j];
                worstExact = Math.max(worstExact, Math.abs(ours[j + 1] - rExact[j + 1]) * scale);
                worstInterp = Math.max(worstInterp, Math.abs(interp[j + 1] - rInterp[j + 1]) * scale);
                exactVsInterp = Math.max(exactVsInterp, Math.abs(ours[j + 1] - interp[j + 1]) * scale);
            }
        }
        // glmnet converges to ~1e-7 on the standardised scale at thresh 1e-12 (as in pathEqualsGlmnet)
        assertThat(worstExact).as("max |exact - glmnet exact = TRUE|, standardised").isLessThan(5e-6);
        assertThat(worstInterp).as("max |interpolated - glmnet coef(fit, s)|, standardised").isLessThan(5e-6);
        // and the interpolation is not the minimiser: the check above could fail
        assertThat(exactVsInterp).as("max |exact - interpolated|, standardised").isGreaterThan(1e-4);
    }

    @Test
    void fitAtRefusesAPenaltyItCannotReach() {
        Data d = Data.load("lasso_tall");
        double[] ysep = new double[d.y().length];
        for (int i = 0; i < ysep.length; i++) {
            ysep[i] = d.x()[i][0] + d.x()[i][1] > 0 ? 1 : 0;
        }
        // a separable outcome: the fitted probabilities reach 0 and 1 before lambda = 1e-30
        assertThatThrownBy(() -> LogisticNet.lasso().fitAt(d.x(), ysep, d.names(), 1e-30))
                .hasMessageStartingWith("no solution at lambda = 1.0E-30: the path stopped at a larger lambda");
        assertThatThrownBy(() -> LogisticNet.lasso().fitAt(d.x(), d.y(), d.names(), -1))
                .hasMessage("lambda must be positive and finite, got -1.0");
    }

    @Test
    void standardisesWithOneOverNVariance() {
        double[][] x = {{1, 0}, {2, 1}, {3, 0}, {4, 1}};
        LassoPath path = LogisticNet.lasso().fit(x, new double[] {0, 1, 0, 1}, List.of("a", "b"));
        assertThat(path.xScale()[0]).isEqualTo(Math.sqrt(1.25)); // 1/n: 1.25; 1/(n-1) would give 5/3
        assertThat(path.xScale()[1]).isEqualTo(0.5);
    }

    @Test
    void interpolatesLinearlyInLambdaAndClampsOutsideThePath() {
        LassoPath p = new LassoPath(List.of("a"), new double[] {1.0, 0.5, 0.25}, new double[] {0, 1, 2},
                new double[][] {{0}, {2}, {6}}, new double[] {0, 0.1, 0.2}, 10, 1, new double[] {0},
                new double[] {1});
        assertThat(p.coefficients(0.75)).containsExactly(0.5, 1.0);
        assertThat(p.coefficients(0.3)[0]).isCloseTo(1.8, within(1e-15));
        assertThat(p.coefficients(0.3)[1]).isCloseTo(5.2, within(1e-15));
        assertThat(p.coefficients(2.0)).containsExactly(0.0, 0.0);
        assertThat(p.coefficients(0.1)).containsExactly(2.0, 6.0);
    }

    @ParameterizedTest
    @CsvSource({"lasso_tall"})
    void stopsEarlyWhereGlmnetDoesOnASeparableOutcome(String name) {
        Data d = Data.load(name);
        RFixture r = RFixture.load(name + ".glmnet.csv");
        double[] ysep = new double[d.y().length];
        for (int i = 0; i < ysep.length; i++) {
            ysep[i] = d.x()[i][0] + d.x()[i][1] > 0 ? 1 : 0;
        }
        LassoPath path = LogisticNet.lasso().withThresh(1e-12).fit(d.x(), ysep, d.names());
        double[] lambda = r.vector("sep.lambda");
        double[] dev = r.vector("sep.dev.ratio");
        assertThat(lambda.length).isLessThan(100);
        assertThat(dev[dev.length - 1]).isGreaterThan(0.999);
        assertThat(path.size()).isEqualTo(lambda.length);
        for (int k = 0; k < lambda.length; k++) {
            assertThat(path.lambda()[k]).isCloseTo(lambda[k], within(1e-12 * lambda[0]));
            assertThat(path.devRatio()[k]).isCloseTo(dev[k], within(1e-7));
        }
    }

    @Test
    void clipsHeldOutProbabilitiesInTheCrossValidatedDevianceAsCvGlmnet() {
        Data d = Data.load("lasso_tall");
        RFixture r = RFixture.load("lasso_tall.glmnet.csv");
        double[] ysep = new double[d.y().length];
        for (int i = 0; i < ysep.length; i++) {
            ysep[i] = d.x()[i][0] + d.x()[i][1] > 0 ? 1 : 0;
        }
        CrossValidation.Result cv = CrossValidation.run(LogisticNet.lasso().withThresh(1e-12), d.x(), ysep,
                d.names(), d.foldId(), CrossValidation.Measure.DEVIANCE);
        double[] cvm = r.vector("sepcv.cvm");
        double[] cvsd = r.vector("sepcv.cvsd");
        double[] unclipped = r.vector("sepcv.unclipped");
        assertThat(cv.cvm()).hasSize(cvm.length);
        int changed = 0;
        for (int k = 0; k < cvm.length; k++) {
            assertThat(cv.cvm()[k]).as("cvm %d", k + 1).isCloseTo(cvm[k], within(1e-6 * Math.max(1, cvm[k])));
            assertThat(cv.cvsd()[k]).as("cvsd %d", k + 1).isCloseTo(cvsd[k], within(1e-6 * Math.max(1, cvsd[k])));
            if (!(Math.abs(unclipped[k] - cvm[k]) <= 2e-6)) { // twice the tolerance above; counts an infinite one
                changed++;
            }
        }
        // without the clipping this test would fail: it moves the curve by more than the tolerance at many lambdas
        assertThat(changed).as("lambdas where the clipping moves cvm by more than 2e-6").isGreaterThan(10);
    }

    @Test
    void stopsEarlyOnTheDevianceGainAsGlmnet() {
        // without standardisation the tall path gains < 1e-5 deviance ratio before its 100th lambda
        RFixture r = RFixture.load("lasso_tall.glmnet.csv");
        assertThat(r.vector("raw.lambda")).hasSizeLessThan(100);
        Data d = Data.load("lasso_tall");
        LassoPath path = LogisticNet.lasso().withStandardize(false).withThresh(1e-12).fit(d.x(), d.y(), d.names());
        assertThat(path.size()).isEqualTo(r.vector("raw.lambda").length);
        double[] dr = path.devRatio();
        assertThat(dr[dr.length - 1] - dr[dr.length - 2]).isLessThan(1e-5);
    }

    @Test
    void edgeCases() {
        double[][] x = {{1, 2}, {2, 2}, {3, 2}, {4, 2}, {5, 2}, {6, 2}};
        assertThatThrownBy(() -> LogisticNet.lasso().fit(x, new double[] {0, 0, 0, 0, 0, 0}, List.of("a", "b")))
                .hasMessage("the outcome has one class only (all 6 rows are 0); a logistic model needs both");
        // a constant predictor is kept with coefficient 0 (glmnet excludes it)
        LassoPath p = LogisticNet.lasso().fit(x, new double[] {0, 1, 0, 1, 1, 1}, List.of("a", "b"));
        for (double[] b : p.beta()) {
            assertThat(b[1]).isZero();
        }
        assertThatThrownBy(() -> CrossValidation.stratifiedFolds(new double[] {0, 1, 0, 1}, 5, 1))
                .hasMessage("cannot make 5 folds from 4 rows (need at least one row per fold)");
    }

    @Test
    void seededFoldsAreStratifiedAndReproducible() {
        double[] y = new double[103];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        int[] a = CrossValidation.stratifiedFolds(y, 10, 42);
        assertThat(CrossValidation.stratifiedFolds(y, 10, 42)).isEqualTo(a);
        assertThat(CrossValidation.stratifiedFolds(y, 10, 43)).isNotEqualTo(a);
        for (int f = 1; f <= 10; f++) {
            int events = 0;
            int size = 0;
            for (int i = 0; i < y.length; i++) {
                if (a[i] == f) {
                    size++;
                    events += (int) y[i];
                }
            }
            assertThat(size).isBetween(10, 11);
            assertThat(events).isBetween(3, 4);
        }
    }
}
