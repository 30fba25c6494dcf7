#!/usr/bin/python3
"""Reference outputs of ITK's LaplacianRecursiveGaussianImageFilter and GradientMagnitudeImageFilter (PyRadiomics'
LoG and Gradient image types, as SimpleITK runs them) on small deterministic test volumes.

Compiles itk_filters.cxx against Debian's ITK 5.2 (libinsighttoolkit5-dev, headers /usr/include/ITK-5.2) with
g++ -O2 (generic x86-64, no fused multiply-add, as the SimpleITK wheels), runs it on each case and writes, in
nacrad-radiomics/src/test/resources/filters/itk/:
  <volume>.f64        input voxels, float64 little-endian, x fastest
  <case>.f32          filter output, float32 little-endian
  index.txt           one line per case: case filter pixeltype nx ny nz sx sy sz volume parameter

Run: /usr/bin/python3 itk_fixtures.py <output folder>
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def build(tmp):
    exe = os.path.join(tmp, "itk_filters")
    subprocess.run(["g++", "-O2", "-std=c++17", "-I/usr/include/ITK-5.2", os.path.join(HERE, "itk_filters.cxx"),
                    "-o", exe, "-L/usr/lib", "-lITKSmoothing-5.2", "-lITKCommon-5.2", "-litksys-5.2",
                    "-litkvnl-5.2", "-litkvnl_algo-5.2"], check=True)
    return exe


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261127)
    # volumes: name -> (pixel type, size x y z, spacing x y z, values x fastest)
    volumes = {
        "short-a": ("short", (12, 10, 8), (1.0, 1.0, 1.0), rng.integers(-500, 1500, 12 * 10 * 8)),
        "short-b": ("short", (9, 11, 7), (0.7, 0.9, 2.5), rng.integers(0, 800, 9 * 11 * 7)),
        "short-min": ("short", (4, 5, 4), (1.0, 1.0, 1.0), rng.integers(0, 100, 4 * 5 * 4)),
        "float-c": ("float", (10, 6, 5), (1.2, 0.8, 1.5),
                    rng.normal(50, 20, 10 * 6 * 5).astype(np.float32)),
    }
    cases = [
        ("log-short-a-1", "log", "short-a", 1.0), ("log-short-a-2.5", "log", "short-a", 2.5),
        ("log-short-b-1.5", "log", "short-b", 1.5), ("log-short-b-3", "log", "short-b", 3.0),
        ("log-short-min-1", "log", "short-min", 1.0),
        ("log-float-c-0.5", "log", "float-c", 0.5), ("log-float-c-2", "log", "float-c", 2.0),
        ("gradient-short-b-1", "gradient", "short-b", 1), ("gradient-short-b-0", "gradient", "short-b", 0),
        ("gradient-float-c-1", "gradient", "float-c", 1),
    ]
    index = ["# ITK 5.2.1 (Debian libinsighttoolkit5-dev), written by itk_fixtures.py"]
    with tempfile.TemporaryDirectory() as tmp:
        exe = build(tmp)
        for name, (_, _, _, values) in volumes.items():
            np.asarray(values, dtype="<f8").tofile(os.path.join(out, name + ".f64"))
        for case, op, vol, param in cases:
            ptype, size, spacing, _ = volumes[vol]
            args = [exe, op, ptype, *map(str, size), *map(repr, spacing), os.path.join(out, vol + ".f64"),
                    os.path.join(out, case + ".f32"), repr(float(param))]
            subprocess.run(args, check=True)
            index.append(" ".join([case, op, ptype, *map(str, size), *map(repr, spacing), vol, repr(float(param))]))
    with open(os.path.join(out, "index.txt"), "w") as fh:
        fh.write("\n".join(index) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
