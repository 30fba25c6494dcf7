#!/usr/bin/python3
"""SciPy reference for nacrad's LBP3D filter, following PyRadiomics' getLBP3DImage step by step with
scipy.ndimage.map_coordinates (order 3), scipy.special.sph_harm and scipy.stats.kurtosis.

trimesh is not packaged for Debian, so its icosphere is rebuilt here from trimesh's definition (icosahedron of
resources/creation.json, subdivision by edge midpoints, vertices pushed to the sphere after each subdivision).

Output in nacrad-radiomics/src/test/resources/filters/lbp3d/: <volume>-input.npy, <volume>-mask.npy (z, y, x),
<case>.npy (float64, shape (levels + 1, n_roi): lbp-3D-m1 … and lbp-3D-k of the ROI voxels in C order) and
index.txt (case volume dtype levels radius subdivisions).
Run: /usr/bin/python3 lbp3d_fixtures.py <output folder>
"""
import os
import sys

import numpy as np
import scipy
from scipy.ndimage import map_coordinates
from scipy.special import sph_harm
from scipy.stats import kurtosis

A, B = 0.5257311121191336, 0.85065080835204
ICO_V = np.array([[-A, B, 0], [A, B, 0], [-A, -B, 0], [A, -B, 0], [0, -A, B], [0, A, B], [0, -A, -B], [0, A, -B],
                  [B, 0, -A], [B, 0, A], [-B, 0, -A], [-B, 0, A]], dtype=np.float64)
ICO_F = np.array([[0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2],
                  [10, 7, 6], [7, 1, 8], [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5],
                  [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1]])


def icosphere(subdivisions, radius):
    v, f = ICO_V.copy(), ICO_F.copy()

    def push(v):
        scalar = np.sqrt((v ** 2).sum(axis=1))
        return v + v / scalar[:, None] * (radius - scalar)[:, None]

    for _ in range(subdivisions):
        edges = np.sort(np.concatenate([f[:, [0, 1]], f[:, [1, 2]], f[:, [2, 0]]]), axis=1)
        unique, inverse = np.unique(edges, axis=0, return_inverse=True)
        mid = v[unique].mean(axis=1)
        m = inverse.reshape(3, -1).T + len(v)  # columns: edge (0,1), (1,2), (2,0) of each face
        f = np.column_stack([f[:, 0], m[:, 0], m[:, 2], m[:, 0], f[:, 1], m[:, 1],
                             m[:, 2], m[:, 1], f[:, 2], m[:, 0], m[:, 1], m[:, 2]]).reshape(-1, 3)
        v = push(np.vstack([v, mid]))
    if subdivisions <= 0:
        v = push(v)
    return v


def lbp3d(im_arr, ma_arr, levels, radius, subdivisions):
    verts = icosphere(subdivisions, radius)
    theta = np.arccos(verts[:, 2] / radius)
    phi = np.arctan2(verts[:, 1], verts[:, 0])
    Y = [sph_harm(0, 0, theta, phi)]
    n_ix = [0]
    for n in range(1, levels):
        for m in range(-n, n + 1):
            n_ix.append(n)
            Y.append(sph_harm(m, n, theta, phi))
    Y = np.column_stack(Y)
    n_ix = np.array(n_ix)
    roi = np.where(ma_arr == 1)
    coords = np.array(roi).T[None, :, :] + verts[:, None, :]
    f = map_coordinates(im_arr, coords.T, order=3)  # (Np, Nv), in the image's dtype
    k = kurtosis(f, axis=1)
    s = (f >= im_arr[roi][:, None]).astype(int)
    c = (s[:, :, None] * Y[None, :, :]).sum(axis=1)
    out = []
    for n in range(levels):
        g = (c[:, None, n_ix == n] * Y[None, :, n_ix == n]).sum(axis=2)
        out.append(np.real(np.sqrt((g ** 2).sum(axis=1))))
    out.append(np.real(k))
    return np.stack(out)


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(20261127)
    z, y, x = np.mgrid[0:7, 0:9, 0:8]
    blob = 300 * np.exp(-((z - 3) ** 2 + (y - 4) ** 2 + (x - 3.5) ** 2) / 8)
    volumes = {"int16": (blob + rng.normal(0, 15, blob.shape)).round().astype(np.int16),
               "float32": (blob + rng.normal(0, 15, blob.shape)).astype(np.float32)}
    mask = np.zeros(blob.shape, dtype=np.uint8)
    mask[1:6, 2:8, 1:7] = 1  # touches no border on z's far side but reaches within 1 voxel of others
    mask[0, 4, 3] = 1  # a voxel on the border: samples outside the image are 0
    np.save(os.path.join(folder, "mask.npy"), mask.astype(np.float64))
    cases = [("int16", 2, 1.0, 1), ("float32", 2, 1.0, 1), ("float32", 3, 1.5, 2), ("int16", 1, 1.0, 0)]
    index = [f"# SciPy {scipy.__version__}, NumPy {np.__version__}; written by lbp3d_fixtures.py"]
    for name, vol in volumes.items():
        np.save(os.path.join(folder, f"{name}-input.npy"), vol.astype(np.float64))
    for n, (name, levels, radius, subdivisions) in enumerate(cases):
        with np.errstate(all="ignore"):
            res = lbp3d(volumes[name], mask, levels, radius, subdivisions)
        np.save(os.path.join(folder, f"case{n}.npy"), res)
        index.append(" ".join(map(str, [f"case{n}", name, levels, radius, subdivisions])))
    with open(os.path.join(folder, "index.txt"), "w") as fh:
        fh.write("\n".join(index) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
