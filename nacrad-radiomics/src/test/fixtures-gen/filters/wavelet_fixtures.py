#!/usr/bin/python3
"""Reference sub-bands for nacrad's Wavelet filter, computed with PyWavelets' swtn the way PyRadiomics drives it.

For each case: a deterministic random volume (NumPy order z, y, x) is padded by one wrapped voxel at the end of
every odd axis, decomposed with pywt.swtn(level=1, start_level=0, axes=(2, 1, 0)) start_level + level times
(each time re-decomposing the approximation), the details of the returned levels and the final approximation
cropped back to the original shape. Output per case, in nacrad-radiomics/src/test/resources/filters/wavelet/:
  <case>-input.npy   the input volume (float32 or float64, shape z, y, x)
  <case>-output.npy  the sub-bands, shape (bands, voxels), voxels in z, y, x C-order, dtype of PyWavelets' result
  index.txt          one line per case: case wavelet start_level level dtype shape names...

Run: /usr/bin/python3 wavelet_fixtures.py <output folder>
"""
import os
import sys

import numpy as np
import pywt

ALL = ["haar", "dmey"] + [f"db{n}" for n in range(1, 21)] + [f"sym{n}" for n in range(2, 21)] \
    + [f"coif{n}" for n in range(1, 6)] \
    + [f"{k}{v}" for k in ("bior", "rbio") for v in
       ("1.1", "1.3", "1.5", "2.2", "2.4", "2.6", "2.8", "3.1", "3.3", "3.5", "3.7", "3.9", "4.4", "5.5", "6.8")]


def decompose(volume, wavelet, start_level, level):
    """(name, array) pairs in PyRadiomics' yield order: the details of each level, then the approximation."""
    shape = volume.shape
    pad = [(0, d % 2) for d in shape]
    crop = tuple(slice(0, d) for d in shape)
    data = np.pad(volume, pad, mode="wrap")
    w = pywt.Wavelet(wavelet)
    out = []
    for lev in range(start_level + level):
        bands = pywt.swtn(data, w, level=1, start_level=0, axes=(2, 1, 0))[0]
        data = bands["aaa"]
        if lev < start_level:
            continue
        prefix = "wavelet-" if lev - start_level == 0 else f"wavelet{lev - start_level + 1}-"
        for key, band in bands.items():
            if key != "aaa":
                out.append((prefix + key.replace("a", "L").replace("d", "H"), band[crop]))
    prefix = "wavelet-" if level == 1 else f"wavelet{level}-"
    out.append((prefix + "LLL", data[crop]))
    return out


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(20261127)
    cases = []
    # every wavelet, float64 (as integer images are computed), a tiny odd/even volume: exercises multiple wraps
    small = rng.integers(0, 400, size=(3, 4, 5)).astype(np.float64)
    for name in ALL:
        cases.append((f"all-{name}", small, name, 0, 1))
    # float32 arithmetic, longer axes than the filters (boundary summation order), several families
    mid32 = (rng.normal(100, 40, size=(9, 12, 11))).astype(np.float32)
    for name in ("haar", "db4", "sym5", "coif1", "coif3", "bior3.5", "rbio2.8", "dmey"):
        cases.append((f"f32-{name}", mid32, name, 0, 1))
    mid64 = rng.integers(-50, 300, size=(10, 9, 13)).astype(np.float64)
    cases.append(("levels-coif1", mid64, "coif1", 0, 3))
    cases.append(("start1-db2", mid64, "db2", 1, 2))
    cases.append(("levels32-sym3", mid32, "sym3", 1, 2))
    index = [f"# PyWavelets {pywt.__version__}, NumPy {np.__version__}; written by wavelet_fixtures.py"]
    for case, vol, name, start, lev in cases:
        bands = decompose(vol, name, start, lev)
        arr = np.stack([b.ravel() for _, b in bands])
        assert arr.dtype == vol.dtype
        np.save(os.path.join(folder, f"{case}-input.npy"), vol)
        np.save(os.path.join(folder, f"{case}-output.npy"), arr)
        index.append(" ".join([case, name, str(start), str(lev), str(vol.dtype), "x".join(map(str, vol.shape))]
                              + [n for n, _ in bands]))
    with open(os.path.join(folder, "index.txt"), "w") as fh:
        fh.write("\n".join(index) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
