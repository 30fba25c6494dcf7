#!/usr/bin/python3
"""NumPy reference for PyRadiomics' Square, SquareRoot, Logarithm and Exponential image types
(radiomics/imageoperations.py: getSquareImage, getSquareRootImage, getLogarithmImage, getExponentialImage),
each written from its documented formula with NumPy float64 arithmetic, on a small int16 volume with negative,
zero and positive voxels, and on a positive one.

Output in nacrad-radiomics/src/test/resources/filters/intensity/: <volume>-input.npy (z, y, x) and
<volume>-<filter>.npy. Run: /usr/bin/python3 intensity_fixtures.py <output folder>
"""
import os
import sys

import numpy as np


def square(im):
    c = 1 / np.sqrt(np.max(np.abs(im)))
    return (c * im) ** 2


def squareroot(im):
    c = np.max(np.abs(im))
    out = im.copy()
    out[im > 0] = np.sqrt(im[im > 0] * c)
    out[im < 0] = -np.sqrt(-im[im < 0] * c)
    return out


def logarithm(im):
    m = np.max(np.abs(im))
    out = im.copy()
    out[im > 0] = np.log(im[im > 0] + 1)
    out[im < 0] = -np.log(-(im[im < 0] - 1))
    return out * (m / np.max(np.abs(out)))


def exponential(im):
    m = np.max(np.abs(im))
    return np.exp(np.log(m) / m * im)


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261127)
    volumes = {"signed": rng.integers(-300, 1200, size=(5, 6, 7)).astype(np.int16),
               "positive": rng.integers(0, 400, size=(4, 5, 3)).astype(np.int16)}
    volumes["signed"][0, 0, :3] = 0
    for name, vol in volumes.items():
        np.save(os.path.join(out, f"{name}-input.npy"), vol.astype(np.float64))
        im = vol.astype(np.float64)
        for f in (square, squareroot, logarithm, exponential):
            np.save(os.path.join(out, f"{name}-{f.__name__}.npy"), f(im.copy()))


if __name__ == "__main__":
    main(sys.argv[1])
