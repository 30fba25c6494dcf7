#!/usr/bin/python3
"""Independent reference values for nacrad's GLSZM, GLDM and NGTDM where PyRadiomics' baselines are silent:
distances > 1, gldm_a > 0 and force2D with force2Ddimension 1 or 2, on PyRadiomics' breast1 and brain1 cases.

Written from the feature definitions in PyRadiomics' documentation, not from its code or nacrad's:
  * grey levels: fixed bin width (edges from min - min mod W, np.digitize) or bin count (np.histogram edges with
    the last one raised by 1), ROI voxels only;
  * neighbour offsets: every (dz, dy, dx) whose infinity norm is one of the distances, none moving along the
    force2D axis nor by as much as the box size;
  * GLSZM zones: scipy.ndimage.label per grey level with a full 3x3x3 (or in-plane 3x3) structure;
  * GLDM / NGTDM: whole-array shifts of the zero-padded level box, one per offset.
The script first checks itself against PyRadiomics' baseline columns (distances [1], gldm_a 0), then writes
texture2_reference.csv (case, configuration, feature, value).

With a third argument, a directory holding PyRadiomics' C extension _cmatrices built from its sources
(radiomics/src/_cmatrices.c, cmatrices.c, cmatrices.h; gcc -O2 -shared -fPIC -I<Python include> -I<numpy include>),
it also asserts that PyRadiomics' own GLSZM, GLDM and NGTDM matrices equal the ones above for every configuration
(the fourth argument names the PyRadiomics version for the record).

Run from the repository root (the reference data beside it in ../shared/reference; the C extension, when given,
built in a temporary folder of your choice):
  /usr/bin/python3 nacrad-radiomics/src/test/fixtures-gen/texture2/texture2_reference.py \
      ../shared/reference/pyradiomics nacrad-radiomics/src/test/resources/texture2 \
      [<folder with the built _cmatrices> "PyRadiomics git 8ed5793"]
"""
import csv
import gzip
import itertools
import os
import sys

import numpy as np
import scipy
import scipy.ndimage as ndi

EPS = np.spacing(1)


def read_nrrd(path):
    with open(path, 'rb') as f:
        data = f.read()
    head, _, body = data.partition(b'\n\n')
    fields = {}
    for line in head.decode().splitlines()[1:]:
        if ':' in line and not line.startswith('#'):
            k, v = line.split(':', 1)
            fields[k.strip()] = v.strip()
    dtype = {'short': '<i2', 'int': '<i4', 'unsigned char': 'u1', 'uchar': 'u1'}[fields['type']]
    assert fields['encoding'] == 'gzip' and fields.get('endian', 'little') == 'little'
    sizes = [int(s) for s in fields['sizes'].split()]
    arr = np.frombuffer(gzip.decompress(body), dtype=dtype)
    return arr.reshape(sizes[::-1])  # [z, y, x]


def discretise(image, mask, bin_width=25, bin_count=None):
    v = image[mask].astype(np.float64)
    if bin_count is None:
        lo = v.min() - (v.min() % bin_width)
        hi = v.max() + 2 * bin_width
        edges = np.arange(lo, hi, bin_width)
    else:
        edges = np.histogram(v, bin_count)[1]
        edges[-1] += 1
    levels = np.zeros(image.shape, dtype=np.int64)
    levels[mask] = np.digitize(v, edges)
    return levels


def roi_box(image, label, lab=1):
    mask = label == lab
    idx = np.argwhere(mask)
    lo, hi = idx.min(0), idx.max(0) + 1
    sl = tuple(slice(a, b) for a, b in zip(lo, hi))
    return image[sl], mask[sl]


def offsets(shape, distances, force2d_dim):
    """force2d_dim in PyRadiomics numbering: 0 = z, 1 = y, 2 = x, or None."""
    dmax = max(distances)
    out = []
    for o in itertools.product(range(-dmax, dmax + 1), repeat=3):
        if max(abs(c) for c in o) not in distances:
            continue
        if force2d_dim is not None and o[force2d_dim] != 0:
            continue
        if any(abs(c) >= n for c, n in zip(o, shape)):
            continue
        out.append(o)
    return out


def shifted(levels, o):
    """shifted[p] = levels[p + o], 0 outside the box."""
    out = np.zeros_like(levels)
    src = tuple(slice(max(c, 0), n + min(c, 0)) for c, n in zip(o, levels.shape))
    dst = tuple(slice(max(-c, 0), n + min(-c, 0)) for c, n in zip(o, levels.shape))
    out[dst] = levels[src]
    return out


def glszm_zones(levels, force2d_dim):
    """(grey level, size) of every zone."""
    structure = np.ones((3, 3, 3), dtype=bool)
    for d in range(3):
        if levels.shape[d] == 1 or d == force2d_dim:
            sl = [slice(None)] * 3
            sl[d] = [0, 2]
            structure[tuple(sl)] = False
    zones = []
    for g in np.unique(levels[levels > 0]):
        lab, n = ndi.label(levels == g, structure=structure)
        sizes = np.bincount(lab.ravel())[1:]
        zones += [(g, s) for s in sizes]
    return np.array(zones, dtype=np.float64)


def glszm(levels, force2d_dim):
    zones = glszm_zones(levels, force2d_dim)
    gl, size = zones[:, 0], zones[:, 1]
    nz, np_ = len(zones), size.sum()
    ivals, pg = np.unique(gl, return_counts=True)
    jvals, ps = np.unique(size, return_counts=True)
    _, cells = np.unique(zones, axis=0, return_counts=True)
    p = cells / nz
    pgn, psn = pg / nz, ps / nz
    mu_i, mu_j = (pgn * ivals).sum(), (psn * jvals).sum()
    return {
        'SmallAreaEmphasis': (ps / jvals ** 2).sum() / nz,
        'LargeAreaEmphasis': (ps * jvals ** 2).sum() / nz,
        'GrayLevelNonUniformity': (pg ** 2).sum() / nz,
        'GrayLevelNonUniformityNormalized': (pg ** 2).sum() / nz ** 2,
        'SizeZoneNonUniformity': (ps ** 2).sum() / nz,
        'SizeZoneNonUniformityNormalized': (ps ** 2).sum() / nz ** 2,
        'ZonePercentage': nz / np_,
        'GrayLevelVariance': (pgn * (ivals - mu_i) ** 2).sum(),
        'ZoneVariance': (psn * (jvals - mu_j) ** 2).sum(),
        'ZoneEntropy': -(p * np.log2(p + EPS)).sum(),
        'LowGrayLevelZoneEmphasis': (pg / ivals ** 2).sum() / nz,
        'HighGrayLevelZoneEmphasis': (pg * ivals ** 2).sum() / nz,
        'SmallAreaLowGrayLevelEmphasis': (1 / (gl ** 2 * size ** 2)).sum() / nz,
        'SmallAreaHighGrayLevelEmphasis': (gl ** 2 / size ** 2).sum() / nz,
        'LargeAreaLowGrayLevelEmphasis': (size ** 2 / gl ** 2).sum() / nz,
        'LargeAreaHighGrayLevelEmphasis': (gl ** 2 * size ** 2).sum() / nz,
    }


def dependence(levels, offs, alpha):
    dep = np.ones(levels.shape, dtype=np.int64)
    for o in offs:
        nb = shifted(levels, o)
        dep += (nb > 0) & (np.abs(nb - levels) <= alpha)
    return dep


def gldm(levels, offs, alpha):
    roi = levels > 0
    dep = dependence(levels, offs, alpha)
    gl = levels[roi].astype(np.float64)
    d = dep[roi].astype(np.float64)
    nz = len(gl)
    ivals, pg = np.unique(gl, return_counts=True)
    jvals, pd = np.unique(d, return_counts=True)
    _, cells = np.unique(np.stack([gl, d], 1), axis=0, return_counts=True)
    p = cells / nz
    pgn, pdn = pg / nz, pd / nz
    mu_i, mu_j = (pgn * ivals).sum(), (pdn * jvals).sum()
    return {
        'SmallDependenceEmphasis': (pd / jvals ** 2).sum() / nz,
        'LargeDependenceEmphasis': (pd * jvals ** 2).sum() / nz,
        'GrayLevelNonUniformity': (pg ** 2).sum() / nz,
        'DependenceNonUniformity': (pd ** 2).sum() / nz,
        'DependenceNonUniformityNormalized': (pd ** 2).sum() / nz ** 2,
        'GrayLevelVariance': (pgn * (ivals - mu_i) ** 2).sum(),
        'DependenceVariance': (pdn * (jvals - mu_j) ** 2).sum(),
        'DependenceEntropy': -(p * np.log2(p + EPS)).sum(),
        'LowGrayLevelEmphasis': (pg / ivals ** 2).sum() / nz,
        'HighGrayLevelEmphasis': (pg * ivals ** 2).sum() / nz,
        'SmallDependenceLowGrayLevelEmphasis': (1 / (gl ** 2 * d ** 2)).sum() / nz,
        'SmallDependenceHighGrayLevelEmphasis': (gl ** 2 / d ** 2).sum() / nz,
        'LargeDependenceLowGrayLevelEmphasis': (d ** 2 / gl ** 2).sum() / nz,
        'LargeDependenceHighGrayLevelEmphasis': (gl ** 2 * d ** 2).sum() / nz,
    }


def neighbourhood_difference(levels, offs):
    """|level - mean of the ROI neighbours| per voxel, 0 where there is no ROI neighbour."""
    count = np.zeros(levels.shape)
    total = np.zeros(levels.shape)
    for o in offs:
        nb = shifted(levels, o)
        count += nb > 0
        total += nb
    return np.where(count > 0, np.abs(levels - total / np.maximum(count, 1)), 0.0)


def ngtdm(levels, offs):
    roi = levels > 0
    diff = neighbourhood_difference(levels, offs)
    gl = levels[roi]
    ivals, n = np.unique(gl, return_counts=True)
    s = np.array([diff[roi][gl == g].sum() for g in ivals])
    ivals = ivals.astype(np.float64)
    nvp = n.sum()
    p = n / nvp
    ngp = len(ivals)
    di = ivals[:, None] - ivals[None, :]
    ps = (p * s).sum()
    busy_d = np.abs((ivals * p)[:, None] - (ivals * p)[None, :]).sum()
    return {
        'Coarseness': 1 / ps if ps != 0 else 1e6,
        'Contrast': ((p[:, None] * p[None, :] * di ** 2).sum() / (ngp * (ngp - 1)) * s.sum() / nvp
                     if ngp > 1 else 0.0),
        'Busyness': ps / busy_d if busy_d != 0 else 0.0,
        'Complexity': (np.abs(di) * ((p * s)[:, None] + (p * s)[None, :]) / (p[:, None] + p[None, :])).sum() / nvp,
        'Strength': ((p[:, None] + p[None, :]) * di ** 2).sum() / s.sum() if s.sum() != 0 else 0.0,
    }


def features(image, mask, cfg):
    levels = discretise(image, mask, cfg.get('binWidth', 25), cfg.get('binCount'))
    f2d = cfg.get('force2Ddimension', 0) if cfg.get('force2D') else None
    offs = offsets(levels.shape, cfg.get('distances', [1]), f2d)
    out = {}
    for k, v in glszm(levels, f2d).items():
        out['glszm_' + k] = v
    for k, v in gldm(levels, offs, cfg.get('gldm_a', 0)).items():
        out['gldm_' + k] = v
    for k, v in ngtdm(levels, offs).items():
        out['ngtdm_' + k] = v
    return out


CONFIGS = {
    'distances12': {'distances': [1, 2]},
    'alpha1': {'gldm_a': 1},
    'alpha2_FBN': {'gldm_a': 2, 'binCount': 32},
    'force2Ddim1': {'force2D': True, 'force2Ddimension': 1},
    'force2Ddim2_distances13': {'force2D': True, 'force2Ddimension': 2, 'distances': [1, 3]},
    'distances2_force2D': {'force2D': True, 'distances': [2]},
}


def check_against_pyradiomics_c(cmatrices, image, mask, cfg):
    """Asserts that PyRadiomics' own C matrices (calculate_glszm/gldm/ngtdm) equal the definitional ones."""
    levels = discretise(image, mask, cfg.get('binWidth', 25), cfg.get('binCount'))
    force2d = bool(cfg.get('force2D', False))
    f2d = cfg.get('force2Ddimension', 0) if force2d else None
    offs = offsets(levels.shape, cfg.get('distances', [1]), f2d)
    ng = int(levels.max())
    img = np.ascontiguousarray(levels, dtype=int)
    msk = np.ascontiguousarray(mask, dtype=bool)
    dists = np.array(cfg.get('distances', [1]))
    f2dim = cfg.get('force2Ddimension', 0)
    # GLSZM
    c = cmatrices.calculate_glszm(img, msk.copy(), ng, int(mask.sum()), force2d, f2dim)[0]
    ours = np.zeros(c.shape)
    for g, size in glszm_zones(levels, f2d):
        ours[int(g) - 1, int(size) - 1] += 1
    assert np.array_equal(c, ours), 'GLSZM differs from PyRadiomics C'
    # GLDM
    c = cmatrices.calculate_gldm(img, msk, dists, ng, int(cfg.get('gldm_a', 0)), force2d, f2dim)[0]
    ours = np.zeros(c.shape)
    dep = dependence(levels, offs, cfg.get('gldm_a', 0))
    for g, d in zip(levels[mask], dep[mask]):
        ours[g - 1, d - 1] += 1
    assert np.array_equal(c, ours), 'GLDM differs from PyRadiomics C'
    # NGTDM: per grey level n_i, s_i
    c = cmatrices.calculate_ngtdm(img, msk, dists, ng, force2d, f2dim)[0]
    diff = neighbourhood_difference(levels, offs)
    for g in range(1, ng + 1):
        sel = mask & (levels == g)
        assert c[g - 1, 0] == sel.sum(), 'NGTDM n_i differs from PyRadiomics C'
        assert abs(c[g - 1, 1] - diff[sel].sum()) <= 1e-12 * max(1.0, abs(c[g - 1, 1])), 'NGTDM s_i differs'


def self_check(ref_dir, cases):
    worst = 0
    for fam in ('glszm', 'gldm', 'ngtdm'):
        with open(os.path.join(ref_dir, 'baseline', 'baseline_%s.csv' % fam)) as f:
            rows = {r[0]: r[1:] for r in csv.reader(f)}
        header = rows['featureName']
        for case, (image, mask) in cases.items():
            for col, cfg in ((case, {}), (case + '_2d', {'force2D': True}), (case + '_FBN', {'binCount': 64})):
                ours = features(image, mask, cfg)
                c = header.index(col)
                for name, vals in rows.items():
                    if name.startswith('original_' + fam + '_'):
                        e = float(vals[c])
                        g = ours[name[len('original_'):]]
                        worst = max(worst, abs(g - e) / (abs(e) if e else 1))
    return worst


def main():
    ref_dir, out_dir = sys.argv[1], sys.argv[2]
    cases = {}
    for case in ('breast1', 'brain1'):
        image = read_nrrd(os.path.join(ref_dir, case + '_image.nrrd'))
        label = read_nrrd(os.path.join(ref_dir, case + '_label.nrrd'))
        cases[case] = roi_box(image, label)
    worst = self_check(ref_dir, cases)
    print('self-check against PyRadiomics baselines: largest relative deviation %.1e' % worst)
    assert worst < 1e-12
    checked_c = 'not checked against PyRadiomics C matrices'
    if len(sys.argv) > 3:
        sys.path.insert(0, sys.argv[3])
        import _cmatrices
        for case, (image, mask) in cases.items():
            for name, cfg in CONFIGS.items():
                check_against_pyradiomics_c(_cmatrices, image, mask, cfg)
        checked_c = 'matrices equal to PyRadiomics C (%s)' % (sys.argv[4] if len(sys.argv) > 4 else 'cmatrices')
        print(checked_c)
    with open(os.path.join(out_dir, 'texture2_reference.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['# numpy %s, scipy %s, Python %s; written by texture2_reference.py; %s'
                    % (np.__version__, scipy.__version__, sys.version.split()[0], checked_c)])
        w.writerow(['case', 'configuration', 'feature', 'value'])
        for case, (image, mask) in cases.items():
            for name, cfg in CONFIGS.items():
                for k, v in features(image, mask, cfg).items():
                    w.writerow([case, name, k, repr(float(v))])


if __name__ == '__main__':
    main()
