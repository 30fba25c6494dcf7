#!/usr/bin/python3
"""coif1 level-1 sub-bands of PyRadiomics' wavelet test images, inside the mask, computed with PyWavelets.

PyRadiomics' data/baseline/wavelet.npy (shared reference pyradiomics/wavelet/wavelet.npy) does not hold the
sub-bands: it is uint8, and each of its 8 rows is the image itself inside the mask (PyRadiomics' test_wavelet.py
compares the unfiltered image to it). This script computes the real sub-bands with decompose() of
wavelet_fixtures.py (PyWavelets swtn as PyRadiomics drives it) for both test images.

Output: nacrad-radiomics/src/test/resources/filters/wavelet/testimage-<size>-inmask.npy, float64, shape (8, n),
rows HHH, HHL, HLH, HLL, LHH, LHL, LLH, LLL (wavelet.npy's documented order), voxels in z, y, x C-order.

Run: /usr/bin/python3 wavelet_testimages.py <reference folder pyradiomics/wavelet> <output folder>
"""
import gzip
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wavelet_fixtures import decompose  # noqa: E402

ORDER = ["HHH", "HHL", "HLH", "HLL", "LHH", "LHL", "LLH", "LLL"]


def read_nrrd_uint8(path):
    """The gzip-encoded unsigned char NRRD files of the test data, as a NumPy array (z, y, x)."""
    raw = open(path, "rb").read()
    end = raw.index(b"\n\n")
    header = dict(line.split(": ", 1) for line in raw[:end].decode().splitlines()[1:]
                  if ": " in line and not line.startswith("#"))
    assert header["type"] == "unsigned char" and header["encoding"] == "gzip", path
    sizes = [int(s) for s in header["sizes"].split()]
    return np.frombuffer(gzip.decompress(raw[end + 2:]), dtype=np.uint8).reshape(sizes[::-1])


def main(ref, out):
    for size in ("37x37x37", "64x64x64"):
        image = read_nrrd_uint8(os.path.join(ref, f"test-image_{size}.nrrd")).astype(np.float64)
        mask = read_nrrd_uint8(os.path.join(ref, f"test-mask_{size}.nrrd")) == 1
        bands = dict(decompose(image, "coif1", 0, 1))
        arr = np.stack([bands["wavelet-" + name][mask] for name in ORDER])
        np.save(os.path.join(out, f"testimage-{size}-inmask.npy"), arr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
