#!/usr/bin/env python3
"""nacrad beside PyRadiomics on your own cases, the way users run both (issue 14's table).

Times, on the same machine and in one run:

  1. one case from the shell: the whole process, `nacrad extract IMAGE MASK --param P --out F` against a Python
     process that imports PyRadiomics, extracts the case and writes its featureName,value CSV (median of --runs);
  2. warm, in one process: `nacrad bench CASES` (median of warm calls in one JVM, single thread) against
     `extractor.execute()` called again in one Python process (median of the warm calls, single thread);
  3. a whole batch (with --batch B.csv, ID,Image,Mask[,Label] as `nacrad extract --batch` reads it):
     `nacrad extract --batch B --jobs J` against J PyRadiomics processes sharing the cases, reading and writing
     included.

and prints a Markdown table with the ratios (PyRadiomics time / nacrad time), the machine, the date and the load.

PyRadiomics is not needed by nacrad's build or tests. Without it (`--python` cannot import radiomics), pass
--pyradiomics-timings FILE (case,pyradiomics_inprocess_s,pyradiomics_wholeprocess_s, as the reference's
speed/pyradiomics_timings.csv) to compare with recorded figures; the table then says so on every row.

    python3 tools/speed_vs_pyradiomics.py --cases ../shared/reference/speed/cases.csv
    python3 tools/speed_vs_pyradiomics.py --cases my/cases.csv --param params/nac-851.yaml --python ~/venv/bin/python \\
        --batch my/batch.csv --jobs 2

CASES.csv: a header with id (or case), image, mask and optionally label; paths relative to the CSV's folder.
Standard library only. Set OMP_NUM_THREADS etc. to 1 for PyRadiomics yourself if you want single-threaded BLAS;
this script does it for the processes it starts.
"""
import argparse
import csv
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

PY_ONE_CASE = r"""
import sys, csv, logging
import radiomics
from radiomics import featureextractor
radiomics.setVerbosity(logging.ERROR)
image, mask, params, label, out = sys.argv[1:6]
x = featureextractor.RadiomicsFeatureExtractor(params)
r = x.execute(image, mask, label=int(label)) if label else x.execute(image, mask)
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["featureName", "value"])
    for k, v in r.items():
        w.writerow([k, v])
"""

PY_WARM = r"""
import sys, time, logging, statistics
import radiomics
from radiomics import featureextractor
radiomics.setVerbosity(logging.ERROR)
image, mask, params, label, repeat = sys.argv[1:6]
x = featureextractor.RadiomicsFeatureExtractor(params)
kw = {"label": int(label)} if label else {}
x.execute(image, mask, **kw)
t = []
for _ in range(int(repeat)):
    s = time.perf_counter()
    x.execute(image, mask, **kw)
    t.append(time.perf_counter() - s)
print(statistics.median(t))
"""

PY_BATCH = r"""
import sys, csv, logging
import radiomics
from radiomics import featureextractor
radiomics.setVerbosity(logging.ERROR)
params, out = sys.argv[1:3]
rows = [r.split("\t") for r in sys.argv[3:]]
x = featureextractor.RadiomicsFeatureExtractor(params)
with open(out, "w", newline="") as f:
    w = None
    for cid, image, mask, label in rows:
        r = x.execute(image, mask, label=int(label)) if label else x.execute(image, mask)
        if w is None:
            w = csv.writer(f)
            w.writerow(["ID"] + list(r.keys()))
        w.writerow([cid] + list(r.values()))
"""


def read_cases(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    head = [h.strip().lower() for h in rows[0]]
    col = lambda *names: next((head.index(n) for n in names if n in head), None)
    i, im, m, lab = col("id", "case"), col("image"), col("mask"), col("label")
    if None in (i, im, m):
        sys.exit(f"{path}: the header needs id (or case), image and mask; found {rows[0]}")
    base = os.path.dirname(os.path.abspath(path))
    return [(r[i], os.path.join(base, r[im]), os.path.join(base, r[m]), r[lab].strip() if lab is not None else "")
            for r in rows[1:] if r and any(c.strip() for c in r)]


def wall(cmd, env=None):
    """Wall time of one process; fails loudly with its output when it fails."""
    s = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    t = time.perf_counter() - s
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout[-2000:]}")
    return t, p.stdout


def has_pyradiomics(python):
    try:
        return subprocess.run([python, "-c", "import radiomics"], capture_output=True).returncode == 0
    except OSError:
        return False


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--cases", required=True)
    a.add_argument("--param", default=os.path.join(ROOT, "params", "nac-851.yaml"))
    a.add_argument("--nacrad", default=os.path.join(ROOT, "nacrad"), help="the nacrad launcher (default ./nacrad)")
    a.add_argument("--python", default="python3", help="a Python that can import radiomics")
    a.add_argument("--runs", type=int, default=3, help="whole-process runs per case (median)")
    a.add_argument("--repeat", type=int, default=5, help="warm calls per case (median)")
    a.add_argument("--batch", help="a batch CSV (ID,Image,Mask[,Label]) for the whole-batch row")
    a.add_argument("--jobs", type=int, default=os.cpu_count(), help="threads/processes for the batch row")
    a.add_argument("--pyradiomics-timings", help="recorded PyRadiomics timings to use when it is not installed")
    args = a.parse_args()

    cases = read_cases(args.cases)
    live = has_pyradiomics(args.python)
    recorded = {}
    if not live:
        if not args.pyradiomics_timings:
            sys.exit(f"{args.python} cannot import radiomics: give --python, or --pyradiomics-timings FILE")
        with open(args.pyradiomics_timings, newline="") as f:
            recorded = {r["case"]: r for r in csv.DictReader(row for row in f if not row.startswith("#"))}
    env1 = dict(os.environ, **SINGLE_THREAD)
    load0 = os.getloadavg()
    tmp = tempfile.mkdtemp(prefix="nacrad-speed-")
    nacrad = [args.nacrad]
    wall(nacrad + ["--version"])  # builds the jar and the start-up archive first, outside the timings

    rows = []
    # 1. one case, whole process
    for cid, image, mask, label in cases:
        lab = ["--label", label] if label else []
        n = statistics.median(wall(nacrad + ["extract", image, mask, "--param", args.param, "--out",
                                             os.path.join(tmp, cid + ".csv")] + lab)[0] for _ in range(args.runs))
        if live:
            py = statistics.median(wall([args.python, "-c", PY_ONE_CASE, image, mask, args.param, label,
                                         os.path.join(tmp, cid + "-py.csv")], env1)[0] for _ in range(args.runs))
        else:
            py = float(recorded[cid]["pyradiomics_wholeprocess_s"])
        rows.append(("one case, whole process", cid, py, n))
    # 2. warm, in one process
    out = wall(nacrad + ["bench", args.cases, "--param", args.param, "--repeat", str(args.repeat),
                         "--format", "csv"])[1]
    warm = {r["case"]: float(r["warm_median_s"]) for r in csv.DictReader(out.splitlines())}
    for cid, image, mask, label in cases:
        if live:
            py = float(wall([args.python, "-c", PY_WARM, image, mask, args.param, label, str(args.repeat)],
                            env1)[1].split()[-1])
        else:
            py = float(recorded[cid]["pyradiomics_inprocess_s"])
        rows.append(("warm, in-process, 1 thread", cid, py, warm[cid]))
    # 3. a whole batch
    if args.batch:
        batch = read_cases(args.batch)
        n = wall(nacrad + ["extract", "--batch", args.batch, "--param", args.param, "--jobs", str(args.jobs),
                           "--out", os.path.join(tmp, "batch.csv")])[0]
        if live:
            chunks = [batch[k::args.jobs] for k in range(args.jobs)]
            s = time.perf_counter()
            procs = [subprocess.Popen([args.python, "-c", PY_BATCH, args.param, os.path.join(tmp, f"py-{k}.csv")]
                                      + ["\t".join(c) for c in chunk], env=env1, stdout=subprocess.DEVNULL)
                     for k, chunk in enumerate(chunks) if chunk]
            if any(p.wait() != 0 for p in procs):
                sys.exit("a PyRadiomics batch process failed")
            py = time.perf_counter() - s
            rows.append((f"whole batch, {args.jobs} jobs", f"{len(batch)} cases", py, n))
        else:
            rows.append((f"whole batch, {args.jobs} jobs", f"{len(batch)} cases", float("nan"), n))

    load1 = os.getloadavg()
    print(f"# nacrad beside PyRadiomics, {datetime.date.today()}, {platform.node()}, {os.cpu_count()} cores, "
          f"load {load0[0]:.2f} before, {load1[0]:.2f} after; parameters {os.path.relpath(args.param)}")
    print("# PyRadiomics: " + ("run here, single-threaded BLAS" if live else
                               f"recorded figures from {args.pyradiomics_timings}, NOT run here"))
    print()
    print("| how it is run | case | PyRadiomics s | nacrad s | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for how, cid, py, n in rows:
        ratio = py / n if py == py else float("nan")
        print(f"| {how} | {cid} | {py:.3f} | {n:.3f} | {ratio:.2f}× |")


if __name__ == "__main__":
    main()
