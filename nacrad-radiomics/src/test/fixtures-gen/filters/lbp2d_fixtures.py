#!/usr/bin/python3
"""scikit-image reference for nacrad's LBP2D filter: skimage.feature.local_binary_pattern on every slice across
force2Ddimension, the codes written back into an array of the input's dtype (as PyRadiomics' getLBP2DImage does).

Output in nacrad-radiomics/src/test/resources/filters/lbp2d/: <volume>-input.npy (z, y, x, float64 copy of the
values), <case>.npy (float64 copy of the result) and index.txt (case volume dtype dimension radius samples method).
Run: /usr/bin/python3 lbp2d_fixtures.py <output folder>
"""
import os
import sys

import numpy as np
import skimage
from skimage.feature import local_binary_pattern


def lbp2d(volume, dimension, radius, samples, method):
    arr = volume.copy().swapaxes(0, dimension)
    for s in range(arr.shape[0]):
        arr[s, ...] = local_binary_pattern(arr[s, ...], P=samples, R=radius, method=method)
    return arr.swapaxes(0, dimension)


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261127)
    volumes = {"int16": rng.integers(0, 60, size=(4, 7, 9)).astype(np.int16),
               "float32": rng.normal(10, 3, size=(5, 6, 8)).astype(np.float32)}
    volumes["int16"][1, 2:5, 3:6] = 7  # flat patch: ties (g_i − g_c = 0 counts as 1)
    cases = [("int16", 0, 1, 8, "uniform"), ("int16", 0, 1, 8, "default"), ("int16", 0, 1.5, 12, "ror"),
             ("int16", 1, 2, 16, "nri_uniform"), ("int16", 2, 1, 9, "uniform"), ("int16", 0, 1, 8, "var"),
             ("float32", 0, 1, 8, "var"), ("float32", 1, 0.7, 6, "uniform"), ("float32", 2, 1, 8, "default")]
    index = [f"# scikit-image {skimage.__version__}, NumPy {np.__version__}; written by lbp2d_fixtures.py"]
    for name, vol in volumes.items():
        np.save(os.path.join(out, f"{name}-input.npy"), vol.astype(np.float64))
    for n, (name, dim, radius, samples, method) in enumerate(cases):
        with np.errstate(invalid="ignore"):
            result = lbp2d(volumes[name], dim, radius, samples, method)
        case = f"case{n}"
        np.save(os.path.join(out, case + ".npy"), result.astype(np.float64))
        index.append(" ".join(map(str, [case, name, dim, radius, samples, method])))
    with open(os.path.join(out, "index.txt"), "w") as fh:
        fh.write("\n".join(index) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
