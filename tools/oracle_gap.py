#!/usr/bin/python3
"""How close can any model trained on 160 patients come to the Bayes AUC? (evidence for docs/study.md)

Draws many 240-patient cohorts from a stand-in of the simulator's outcome model (docs/simulator.md: ER+ 62 %,
Ki-67 high 60 %, standardised RDI, rMK, rMD, ADC, heterogeneity, necrotic fraction and margin as independent
standard normals, the default effects, intercept for a 24 % rate), splits them 160/80, fits a logistic model on the
training patients and reports its validation AUC minus the cohort's Bayes AUC (the AUC of the true probability over
all 240). Two fitted models:
  oracle:   the nine true variables, exactly measured, no selection - the best any pipeline could do;
  measured: the same nine with the imaging scores measured with correlation 0.93 and the diffusion ratios with
            noise SD 0.3 (what nacrad's features achieve on the simulated images), still without any selection.
nacrad's study additionally selects its predictors (univariate screen, backward elimination, LASSO over 851
features), which costs more. Run: /usr/bin/python3 tools/oracle_gap.py  (numpy, scipy from Debian).
"""
import numpy as np
from scipy.optimize import minimize
from scipy.stats import rankdata

EFFECTS = np.array([1.8, -1.6, -1.3, 0.35, 0.2, 0.2, 1.7, 0.3, 0.2])


def auc(score, y):
    r = rankdata(score)
    n1 = y.sum()
    n0 = len(y) - n1
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def logistic(x, y):
    x1 = np.c_[np.ones(len(y)), x]
    f = lambda b: np.sum(np.logaddexp(0, x1 @ b)) - y @ (x1 @ b)
    g = lambda b: x1.T @ (1 / (1 + np.exp(-(x1 @ b))) - y)
    return minimize(f, np.zeros(x1.shape[1]), jac=g, method="BFGS").x


def cohort(rng, n, b0, imaging_r=0.93, diffusion_noise=0.3):
    latent = np.c_[rng.random(n) < 0.62, rng.random(n) < 0.60, rng.standard_normal((n, 7))].astype(float)
    lp = b0 + latent @ EFFECTS
    y = (rng.random(n) < 1 / (1 + np.exp(-lp))).astype(float)
    measured = latent.copy()
    measured[:, 3:6] += diffusion_noise * rng.standard_normal((n, 3))
    measured[:, 6:9] += np.sqrt(1 - imaging_r ** 2) / imaging_r * rng.standard_normal((n, 3))
    return latent, measured, lp, y


def main(reps=400, seed=1):
    rng = np.random.default_rng(seed)
    b0 = -2.35
    gaps = {"oracle": [], "measured": []}
    rates = []
    for _ in range(reps):
        latent, measured, lp, y = cohort(rng, 240, b0)
        rates.append(y.mean())
        bayes = auc(lp, y)
        for name, x in (("oracle", latent), ("measured", measured)):
            b = logistic(x[:160], y[:160])
            gaps[name].append(auc(np.c_[np.ones(80), x[160:]] @ b, y[160:]) - bayes)
    print(f"{reps} cohorts, mean resistance rate {np.mean(rates):.3f}")
    for name, g in gaps.items():
        g = np.array(g)
        print(f"{name:9s} validation AUC - cohort Bayes AUC: mean {g.mean():+.3f}, SD {g.std():.3f}, "
              f"within 0.05 in {np.mean(g > -0.05):.0%} of cohorts")


if __name__ == "__main__":
    main()
