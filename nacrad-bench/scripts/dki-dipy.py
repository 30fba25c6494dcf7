#!/usr/bin/python3
"""Times DIPY's mean-signal DKI (msdki, WLS) on a 128x128x40 volume like DkiFitBenchmark's (Debian python3-dipy).

Usage: /usr/bin/python3 nacrad-bench/scripts/dki-dipy.py
"""
import time
import numpy as np
import dipy
from dipy.core.gradients import gradient_table
from dipy.reconst import msdki

B = np.array([0.0, 50.0, 800.0, 1500.0, 2000.0])
rng = np.random.default_rng(1)
shape = (128, 128, 40)
d = 0.8e-3 + 1.4e-3 * rng.random(shape)
k = 0.3 + 0.9 * rng.random(shape)
clean = 1000 * np.exp(-B * d[..., None] + B ** 2 * d[..., None] ** 2 * k[..., None] / 6)
noisy = np.sqrt((clean + rng.normal(0, 20, clean.shape)) ** 2 + rng.normal(0, 20, clean.shape) ** 2)
bvecs = np.zeros((5, 3))
bvecs[1:, 0] = 1
gtab = gradient_table(B, bvecs)
model = msdki.MeanDiffusionKurtosisModel(gtab)
best = None
for rep in range(3):
    t0 = time.perf_counter()
    fit = model.fit(noisy)
    t = time.perf_counter() - t0
    best = t if best is None else min(best, t)
n = np.prod(shape)
print("dipy %s msdki WLS: %.2f s for %d voxels (%.0f voxels/s, best of 3, single thread)" % (dipy.__version__, best, n, n / best))
