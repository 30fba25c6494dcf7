#!/usr/bin/python3
"""The seed table of docs/reproduction.md from study outputs.

Reads the output folders of `nacrad study` runs on cohorts of the simulator's paper preset (one per seed: its
summary.json and tables/table1.csv) and prints, in Markdown, one row per seed and then, per quantity of the
paper's abstract, the median and range over the seeds and how many seeds agree with the paper.

    /usr/bin/python3 tools/reproduction_table.py DIR_PATTERN SEED...     e.g. runs/s%d 1 2 ... 20
    /usr/bin/python3 tools/reproduction_table.py nacrad-demo/study 42      one folder, its seed given

Standard library only.
"""
import csv
import json
import os
import re
import statistics
import sys

SIX = ["er_positive", "ki67_high", "rmk", "rmd", "adc_mean", "rdi"]
MARKERS = ["er_positive", "pr_positive", "her2_positive", "ki67_high"]
SHORT = {"er_positive": "ER", "pr_positive": "PR", "her2_positive": "HER-2", "ki67_high": "Ki-67",
         "rmk": "rMK", "rmd": "rMD", "adc_mean": "ADC", "rdi": "RDI", "age": "age", "md_mean": "MD",
         "mk_mean": "MK", "radc": "rADC"}


def seed_row(folder):
    s = json.load(open(folder + "/summary.json"))
    t1 = {}
    for r in csv.DictReader(open(folder + "/tables/table1.csv")):
        if r["set"] == "all" and r["variable"] in MARKERS:
            pct = [float(re.search(r"\(([0-9.]+) %\)", r[g]).group(1)) for g in ("resistant", "sensitive")]
            t1[r["variable"]] = (float(r["p"]), pct[0] > pct[1])
    n = s["n_per_set"]
    rate = s["resistance_rate"]
    m = s["models"]
    d = s["delong"]
    sel = s["clinical_predictors"]
    return {
        "resistant": round(rate["train"] * n["train"] + rate["validation"] * n["validation"]),
        "train_resistant": round(rate["train"] * n["train"]),
        "val_resistant": round(rate["validation"] * n["validation"]),
        "t1": t1,
        "selected": sel,
        "six": sum(p in SIX for p in sel),
        "outside": [p for p in sel if p not in SIX],
        "lasso": len(s["selected_features"]),
        "auc": {(mod, st): m[mod][st]["auc"] for mod in m for st in ("train", "validation")},
        "sens": {st: m["combined"][st]["sensitivity"] for st in ("train", "validation")},
        "spec": {st: m["combined"][st]["specificity"] for st in ("train", "validation")},
        "delong": {(c, st): d["combined_vs_" + c][st]["p"] for c in ("clinical", "radiomics")
                   for st in ("train", "validation")},
    }


def spread(values, fmt="{:.3f}"):
    v = sorted(values)
    return (fmt + " ({}–{})").format(statistics.median(v), fmt.format(v[0]), fmt.format(v[-1]))


def main():
    pattern, seeds = sys.argv[1], [int(a) for a in sys.argv[2:]]
    if "%" not in pattern:  # one study folder, e.g. nacrad-demo/study with its seed given
        pattern = pattern.replace("%", "%%") + "%.0s"
    missing = [seed for seed in seeds if not os.path.exists(pattern % seed + "/summary.json")]
    if missing:
        print("no study output (summary.json) for seeds " + ", ".join(map(str, missing)) + ": left out",
              file=sys.stderr)
    rows = {seed: seed_row(pattern % seed) for seed in seeds if seed not in missing}
    print("| seed | resistant (train/val) | Table 1 P: ER, PR, HER-2, Ki-67 | predictors kept | LASSO | combined AUC "
          "train / val | sens / spec train | sens / spec val | DeLong P vs clinical (tr/val) | vs radiomics (tr/val) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for seed, r in rows.items():
        t1 = ", ".join("{:.3f}{}".format(r["t1"][k][0], "" if r["t1"][k][1] else " (lower)") for k in MARKERS)
        kept = ", ".join(SHORT.get(p, p) for p in r["selected"])
        print("| {} | {} ({}/{}) | {} | {} ({} of 6{}) | {} | {:.3f} / {:.3f} | {:.3f} / {:.3f} | {:.3f} / {:.3f} | "
              "{:.3f} / {:.3f} | {:.3f} / {:.3f} |".format(
                  seed, r["resistant"], r["train_resistant"], r["val_resistant"], t1, kept, r["six"],
                  "; + " + ", ".join(SHORT.get(p, p) for p in r["outside"]) if r["outside"] else "", r["lasso"],
                  r["auc"][("combined", "train")], r["auc"][("combined", "validation")], r["sens"]["train"],
                  r["spec"]["train"], r["sens"]["validation"], r["spec"]["validation"],
                  r["delong"][("clinical", "train")], r["delong"][("clinical", "validation")],
                  r["delong"][("radiomics", "train")], r["delong"][("radiomics", "validation")]))
    n = len(rows)
    rs = list(rows.values())
    print()
    print("Over {} seeds ({}) (median (range); agreeing seeds){}:".format(
        n, ", ".join(map(str, rows)), "; no output for " + ", ".join(map(str, missing)) if missing else ""))
    for k in MARKERS:
        ok = sum(r["t1"][k][0] < 0.05 and r["t1"][k][1] for r in rs)
        print("- Table 1 {}: P {}; higher in the resistant group with P < 0.05 in {} of {}".format(
            SHORT[k], spread([r["t1"][k][0] for r in rs]), ok, n))
    print("- all four with P < 0.05: {} of {}".format(
        sum(all(r["t1"][k][0] < 0.05 and r["t1"][k][1] for k in MARKERS) for r in rs), n))
    print("- published predictors kept: {}; all six in {}, at least 5 in {}; a predictor outside them in {} of {}"
          .format(spread([r["six"] for r in rs], "{:.0f}"), sum(r["six"] == 6 for r in rs),
                  sum(r["six"] >= 5 for r in rs), sum(bool(r["outside"]) for r in rs), n))
    for p in SIX:
        print("  - {} kept in {} of {}".format(SHORT[p], sum(p in r["selected"] for r in rs), n))
    out = {}
    for r in rs:
        for p in r["outside"]:
            out[p] = out.get(p, 0) + 1
    print("  - outside: " + (", ".join("{} in {}".format(SHORT.get(p, p), c) for p, c in sorted(out.items())) or "none"))
    print("- LASSO features: {}; 8–12 in {} of {}".format(spread([r["lasso"] for r in rs], "{:.0f}"),
                                                          sum(8 <= r["lasso"] <= 12 for r in rs), n))
    for mod in ("combined", "clinical", "radiomics"):
        for st in ("train", "validation"):
            print("- {} AUC, {}: {}".format(mod, st, spread([r["auc"][(mod, st)] for r in rs])))
    print("- combined AUC within 0.03 of 0.891 (training) in {}, within 0.05 of 0.879 (validation) in {} of {}".format(
        sum(abs(r["auc"][("combined", "train")] - 0.891) <= 0.03 for r in rs),
        sum(abs(r["auc"][("combined", "validation")] - 0.879) <= 0.05 for r in rs), n))
    for st in ("train", "validation"):
        print("- sensitivity, {}: {}; specificity: {}".format(st, spread([r["sens"][st] for r in rs]),
                                                            spread([r["spec"][st] for r in rs])))
    for c in ("clinical", "radiomics"):
        for st in ("train", "validation"):
            v = [r["delong"][(c, st)] for r in rs]
            better = sum(r["delong"][(c, st)] < 0.05 and r["auc"][("combined", st)] > r["auc"][(c, st)] for r in rs)
            print("- DeLong combined vs {}, {}: P {}; combined better with P < 0.05 in {} of {}".format(
                c, st, spread(v), better, n))


if __name__ == "__main__":
    main()
