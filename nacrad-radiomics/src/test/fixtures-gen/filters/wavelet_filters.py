#!/usr/bin/python3
"""Writes the decomposition filter bank of every discrete wavelet PyRadiomics accepts, as PyWavelets defines it.

Output: nacrad-radiomics/src/main/resources/org/nacrad/radiomics/filters/wavelet-filters.txt

PyWavelets keeps two copies of each filter: double (used for float64 data) and single precision (used for float32
data). The single-precision copy is not always the rounded double one (coiflets are stored divided by sqrt(2) and
multiplied back in float), so both are read from PyWavelets itself: the double taps from Wavelet.dec_lo/dec_hi,
the float taps by running a one-level pywt.swt on a float32 unit impulse (each output is exactly one tap).

Run with Debian's python3-pywt:  /usr/bin/python3 wavelet_filters.py <output file>
"""
import sys

import numpy as np
import pywt

FAMILIES = ["haar", "dmey"] + [f"db{n}" for n in range(1, 21)] + [f"sym{n}" for n in range(2, 21)] \
    + [f"coif{n}" for n in range(1, 6)]
BIOR = ["1.1", "1.3", "1.5", "2.2", "2.4", "2.6", "2.8", "3.1", "3.3", "3.5", "3.7", "3.9", "4.4", "5.5", "6.8"]
FAMILIES += [f"bior{v}" for v in BIOR] + [f"rbio{v}" for v in BIOR]


def float_taps(w):
    """The float32 taps PyWavelets uses: swt output o of an impulse at position p is tap (o + F//2 - p) mod N."""
    f = w.dec_len
    n = 2 * f  # even, long enough that every tap appears once
    x = np.zeros(n, dtype=np.float32)
    x[0] = 1
    (ca, cd), = pywt.swt(x, w, level=1)
    assert ca.dtype == np.float32
    lo = np.zeros(f, dtype=np.float32)
    hi = np.zeros(f, dtype=np.float32)
    for m in range(f):
        o = (m - f // 2) % n  # output index whose sum contains tap m times x[0]
        lo[m] = ca[o]
        hi[m] = cd[o]
    return lo, hi


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def main(out):
    lines = [f"# PyWavelets {pywt.__version__} decomposition filters, written by wavelet_filters.py",
             "# name, then 4 lines: dec_lo float64, dec_hi float64, dec_lo float32, dec_hi float32"]
    for name in FAMILIES:
        w = pywt.Wavelet(name)
        lo32, hi32 = float_taps(w)
        assert np.all(np.abs(lo32 - np.asarray(w.dec_lo)) < 1e-6), name
        assert np.all(np.abs(hi32 - np.asarray(w.dec_hi)) < 1e-6), name
        lines += [name, fmt(w.dec_lo), fmt(w.dec_hi), fmt(lo32), fmt(hi32)]
    with open(out, "w") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
