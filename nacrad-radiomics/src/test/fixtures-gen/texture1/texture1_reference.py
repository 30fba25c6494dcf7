#!/usr/bin/python3
"""Independent reference values for nacrad's GLCM and GLRLM where PyRadiomics' baselines are silent: distances
[1, 2] and [2], symmetricalGLCM False, weightingNorm manhattan / euclidean / infinity (anisotropic voxels), and
force2D with force2Ddimension 1 or 2, on PyRadiomics' breast1 and brain1 cases (original image, ROI box).

Written from the feature definitions in PyRadiomics' documentation, not from its code or nacrad's:
  * grey levels: fixed bin width (edges from min - min mod W, np.digitize) or bin count (np.histogram edges with
    the last one raised by 1), ROI voxels only; absent levels dropped, the others keep their bin number;
  * offsets: every (dz, dy, dx) whose infinity norm is one of the distances, none moving along the force2D axis nor
    by as much as the box size; of each +/- pair the one whose first non-zero component (z, y, x) is positive;
  * GLCM: pair counts by whole-array shifts, P + P^T when symmetrical, weights exp(-||o * spacing||^2) in the named
    norm when weighting (then one summed matrix), features per matrix averaged with np.nanmean; MCC from
    np.linalg.eigvals of Q (general, as documented);
  * GLRLM: runs found by walking each line of the box (distance 1 only), broken by voxels outside the ROI; a
    direction whose lines never hold two ROI voxels is dropped; weights = ||o * spacing|| in the named norm.
The script first checks itself against PyRadiomics' baseline columns (plain, _2d, _FBN, _combined), then writes
texture1_reference.csv (case, configuration, feature, value).

With a third argument, a directory holding PyRadiomics' C extension _cmatrices built from its sources
(radiomics/src/_cmatrices.c, cmatrices.c, cmatrices.h; gcc -O2 -shared -fPIC -I<Python include> -I<numpy include>),
it also asserts that PyRadiomics' own per-direction GLCM and GLRLM matrices equal the ones above for every
configuration (the fourth argument names the PyRadiomics version for the record).

Run from the repository root (the reference data beside it in ../shared/reference; the C extension, when given,
built in a temporary folder of your choice):
  /usr/bin/python3 nacrad-radiomics/src/test/fixtures-gen/texture1/texture1_reference.py \
      ../shared/reference/pyradiomics nacrad-radiomics/src/test/resources/texture1 \
      [<folder with the built _cmatrices> "PyRadiomics git 8ed5793"]
"""
import csv
import gzip
import itertools
import os
import sys

import numpy as np

EPS = np.spacing(1)

CONFIGS = {
    'distances12': {'distances': [1, 2]},
    'distances2': {'distances': [2]},
    'asymmetric': {'symmetricalGLCM': False},
    'manhattan': {'weightingNorm': 'manhattan'},
    'euclidean': {'weightingNorm': 'euclidean'},
    'infinity': {'weightingNorm': 'infinity'},
    'force2Dy': {'force2D': True, 'force2Ddimension': 1},
    'force2Dx': {'force2D': True, 'force2Ddimension': 2},
    'distances12_euclidean_FBN': {'distances': [1, 2], 'weightingNorm': 'euclidean', 'binCount': 32},
}


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
    dirs = fields['space directions'].replace('(', ' ').replace(')', ' ').replace(',', ' ').split()
    d = np.array([float(x) for x in dirs]).reshape(3, 3)
    spacing_xyz = np.sqrt((d ** 2).sum(1))
    arr = np.frombuffer(gzip.decompress(body), dtype=dtype)
    return arr.reshape(sizes[::-1]), spacing_xyz[::-1]  # [z, y, x], spacing (z, y, x)


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
    """One of each +/- pair (first non-zero component positive); force2d_dim 0 = z, 1 = y, 2 = x, or None."""
    dmax = max(distances)
    out = []
    for o in itertools.product(range(-dmax, dmax + 1), repeat=3):
        if max(abs(c) for c in o) not in distances:
            continue
        if force2d_dim is not None and o[force2d_dim] != 0:
            continue
        if any(abs(c) >= n for c, n in zip(o, shape)):
            continue
        first = next(c for c in o if c != 0)
        if first > 0:
            out.append(o)
    return out


def shifted(a, o, fill=0):
    """shifted[p] = a[p + o], fill outside the box."""
    out = np.full_like(a, fill)
    src = tuple(slice(max(c, 0), n + min(c, 0)) for c, n in zip(o, a.shape))
    dst = tuple(slice(max(-c, 0), n + min(-c, 0)) for c, n in zip(o, a.shape))
    out[dst] = a[src]
    return out


def norm_length(o, spacing, norm):
    a = np.abs(np.array(o)) * spacing
    if norm == 'infinity':
        return a.max()
    if norm == 'euclidean':
        return np.sqrt((a ** 2).sum())
    if norm == 'manhattan':
        return a.sum()
    return None  # no_weighting


# ---- GLCM ------------------------------------------------------------------------------------------------------

def glcm_counts(levels, mask, o, ng):
    """P[i-1, j-1] = number of ROI voxels p with level i whose neighbour p + o is in the ROI with level j."""
    nb_mask = shifted(mask, o, False)
    nb = shifted(levels, o)
    sel = mask & nb_mask
    p = np.zeros((ng, ng))
    np.add.at(p, (levels[sel] - 1, nb[sel] - 1), 1)
    return p


def glcm_matrices(levels, mask, spacing, cfg):
    f2d = cfg.get('force2Ddimension', 0) if cfg.get('force2D') else None
    offs = offsets(levels.shape, cfg.get('distances', [1]), f2d)
    ng = int(levels.max())
    present = np.unique(levels[mask])
    mats = []
    for o in offs:
        p = glcm_counts(levels, mask, o, ng)[np.ix_(present - 1, present - 1)]
        if cfg.get('symmetricalGLCM', True):
            p = p + p.T
        mats.append(p)
    norm = cfg.get('weightingNorm')
    if norm is not None:
        w = [1.0 if norm_length(o, spacing, norm) is None else np.exp(-norm_length(o, spacing, norm) ** 2)
             for o in offs]
        mats = [sum(wi * m for wi, m in zip(w, mats))]
    mats = [m for m in mats if m.sum() > 0] if len(mats) > 1 else mats
    return [m / m.sum() for m in mats], present.astype(np.float64), ng, offs


def glcm_features_one(p, g, ng):
    i, j = g[:, None], g[None, :]
    px, py = p.sum(1), p.sum(0)
    ux, uy = (p * i).sum(), (p * j).sum()
    k_sum = np.arange(2, 2 * ng + 1)
    pxy_sum = np.array([p[(i + j) == k].sum() for k in k_sum])
    k_diff = np.arange(0, ng)
    pxy_diff = np.array([p[np.abs(i - j) == k].sum() for k in k_diff])
    ent = lambda q: -(q * np.log2(q + EPS)).sum()
    hxy = ent(p)
    hx, hy = ent(px), ent(py)
    pxpy = px[:, None] * py[None, :]
    hxy1 = -(p * np.log2(pxpy + EPS)).sum()
    hxy2 = -(pxpy * np.log2(pxpy + EPS)).sum()
    sx = np.sqrt((p * (i - ux) ** 2).sum())
    sy = np.sqrt((p * (j - uy) ** 2).sum())
    da = (k_diff * pxy_diff).sum()
    f = {
        'Autocorrelation': (p * i * j).sum(),
        'JointAverage': ux,
        'ClusterProminence': (p * (i + j - ux - uy) ** 4).sum(),
        'ClusterShade': (p * (i + j - ux - uy) ** 3).sum(),
        'ClusterTendency': (p * (i + j - ux - uy) ** 2).sum(),
        'Contrast': (p * (i - j) ** 2).sum(),
        'Correlation': 1.0 if sx * sy == 0 else ((p * (i - ux) * (j - uy)).sum()) / (sx * sy + EPS),
        'DifferenceAverage': da,
        'DifferenceEntropy': ent(pxy_diff),
        'DifferenceVariance': ((k_diff - da) ** 2 * pxy_diff).sum(),
        'JointEnergy': (p ** 2).sum(),
        'JointEntropy': hxy,
        'Imc1': 0.0 if max(hx, hy) == 0 else (hxy - hxy1) / max(hx, hy),
        'Imc2': 0.0 if hxy2 == hxy else np.sqrt(1 - np.exp(-2 * (hxy2 - hxy))),
        'Idm': (pxy_diff / (1 + k_diff ** 2)).sum(),
        'Idmn': (pxy_diff / (1 + k_diff ** 2 / ng ** 2)).sum(),
        'Id': (pxy_diff / (1 + k_diff)).sum(),
        'Idn': (pxy_diff / (1 + k_diff / ng)).sum(),
        'InverseVariance': (pxy_diff[1:] / k_diff[1:] ** 2).sum(),
        'MaximumProbability': p.max(),
        'SumAverage': (k_sum * pxy_sum).sum(),
        'SumEntropy': ent(pxy_sum),
        'SumSquares': (p * (i - ux) ** 2).sum(),
    }
    # Q(i, j) = sum_k p(i, k) p(j, k) / (px(i) py(k)); MCC = sqrt(second largest eigenvalue)
    q = (p[:, None, :] * p[None, :, :] / (px[:, None, None] * py[None, None, :] + EPS)).sum(2)
    ev = np.sort(np.linalg.eigvals(q).real)
    f['MCC'] = 1.0 if len(g) < 2 else np.sqrt(ev[-2]) if ev[-2] >= 0 else np.nan
    return f


def glcm_features(levels, mask, spacing, cfg):
    mats, g, ng, _ = glcm_matrices(levels, mask, spacing, cfg)
    per = [glcm_features_one(m, g, ng) for m in mats]
    return {'glcm_' + k: float(np.nanmean([f[k] for f in per])) for k in per[0]}


# ---- GLRLM -----------------------------------------------------------------------------------------------------

def glrlm_runs(levels, mask, o, ng, max_run):
    """Run counts R[level-1, length-1] along o; all zero when no line holds two ROI voxels."""
    r = np.zeros((ng, max_run))
    shape = levels.shape
    multi = False
    for start in itertools.product(*(range(n) for n in shape)):
        prev = tuple(s - c for s, c in zip(start, o))
        if all(0 <= x < n for x, n in zip(prev, shape)):
            continue  # not the first voxel of its line
        line = []
        p = start
        while all(0 <= x < n for x, n in zip(p, shape)):
            line.append(levels[p] if mask[p] else 0)
            p = tuple(x + c for x, c in zip(p, o))
        if sum(1 for v in line if v > 0) > 1:
            multi = True
        for v, grp in itertools.groupby(line):
            if v > 0:
                r[v - 1, len(list(grp)) - 1] += 1
    return r if multi else np.zeros_like(r)


def glrlm_matrices(levels, mask, spacing, cfg):
    f2d = cfg.get('force2Ddimension', 0) if cfg.get('force2D') else None
    offs = offsets(levels.shape, [1], f2d)
    ng = int(levels.max())
    max_run = max(levels.shape)
    present = np.unique(levels[mask])
    mats = [glrlm_runs(levels, mask, o, ng, max_run)[present - 1, :] for o in offs]
    raw = list(mats)
    norm = cfg.get('weightingNorm')
    if norm is not None:
        w = [1.0 if norm_length(o, spacing, norm) is None else norm_length(o, spacing, norm) for o in offs]
        mats = [sum(wi * m for wi, m in zip(w, mats))]
    mats = [m for m in mats if m.sum() > 0] if len(mats) > 1 else mats
    return mats, present.astype(np.float64), raw, offs


def glrlm_features_one(P, g):
    nr = P.sum()
    j = np.arange(1, P.shape[1] + 1, dtype=np.float64)
    pg, pr = P.sum(1), P.sum(0)
    i2, j2 = g[:, None] ** 2, j[None, :] ** 2
    pgn, prn = pg / nr, pr / nr
    mu_i, mu_j = (pgn * g).sum(), (prn * j).sum()
    p = P / nr
    return {
        'ShortRunEmphasis': (pr / j ** 2).sum() / nr,
        'LongRunEmphasis': (pr * j ** 2).sum() / nr,
        'GrayLevelNonUniformity': (pg ** 2).sum() / nr,
        'GrayLevelNonUniformityNormalized': (pg ** 2).sum() / nr ** 2,
        'RunLengthNonUniformity': (pr ** 2).sum() / nr,
        'RunLengthNonUniformityNormalized': (pr ** 2).sum() / nr ** 2,
        'RunPercentage': nr / (pr * j).sum(),
        'GrayLevelVariance': (pgn * (g - mu_i) ** 2).sum(),
        'RunVariance': (prn * (j - mu_j) ** 2).sum(),
        'RunEntropy': -(p * np.log2(p + EPS)).sum(),
        'LowGrayLevelRunEmphasis': (pg / g ** 2).sum() / nr,
        'HighGrayLevelRunEmphasis': (pg * g ** 2).sum() / nr,
        'ShortRunLowGrayLevelEmphasis': (P / (i2 * j2)).sum() / nr,
        'ShortRunHighGrayLevelEmphasis': (P * i2 / j2).sum() / nr,
        'LongRunLowGrayLevelEmphasis': (P * j2 / i2).sum() / nr,
        'LongRunHighGrayLevelEmphasis': (P * i2 * j2).sum() / nr,
    }


def glrlm_features(levels, mask, spacing, cfg):
    mats, g, _, _ = glrlm_matrices(levels, mask, spacing, cfg)
    per = [glrlm_features_one(m, g) for m in mats]
    return {'glrlm_' + k: float(np.nanmean([f[k] for f in per])) for k in per[0]}


def features(image, mask, spacing, cfg):
    levels = discretise(image, mask, cfg.get('binWidth', 25), cfg.get('binCount'))
    out = glcm_features(levels, mask, spacing, cfg)
    out.update(glrlm_features(levels, mask, spacing, cfg))
    return out


def check_against_pyradiomics_c(cmatrices, image, mask, spacing, cfg):
    """Asserts that PyRadiomics' own C matrices (calculate_glcm / calculate_glrlm) equal the definitional ones."""
    levels = discretise(image, mask, cfg.get('binWidth', 25), cfg.get('binCount'))
    ng = int(levels.max())
    img = np.ascontiguousarray(levels, dtype=int)
    msk = np.ascontiguousarray(mask, dtype=bool)
    force2d = bool(cfg.get('force2D', False))
    f2dim = cfg.get('force2Ddimension', 0)
    f2d = f2dim if force2d else None
    c, angles = cmatrices.calculate_glcm(img, msk, np.array(cfg.get('distances', [1])), ng, force2d, f2dim)
    offs = offsets(levels.shape, cfg.get('distances', [1]), f2d)
    assert sorted(map(tuple, angles)) == sorted(offs), 'GLCM angles differ from PyRadiomics C'
    for a, o in enumerate(map(tuple, angles)):
        assert np.array_equal(c[0, :, :, a], glcm_counts(levels, mask, o, ng)), 'GLCM differs from PyRadiomics C'
    max_run = max(levels.shape)
    c, angles = cmatrices.calculate_glrlm(img, msk, ng, max_run, force2d, f2dim)
    offs = offsets(levels.shape, [1], f2d)
    assert sorted(map(tuple, angles)) == sorted(offs), 'GLRLM angles differ from PyRadiomics C'
    for a, o in enumerate(map(tuple, angles)):
        assert np.array_equal(c[0, :, :, a], glrlm_runs(levels, mask, o, ng, max_run)), 'GLRLM differs from C'


def self_check(ref_dir, cases):
    worst = 0
    for fam in ('glcm', 'glrlm'):
        with open(os.path.join(ref_dir, 'baseline', 'baseline_%s.csv' % fam)) as f:
            rows = {r[0]: r[1:] for r in csv.reader(f)}
        header = rows['featureName']
        for case, (image, mask, spacing) in cases.items():
            for col, cfg in ((case, {}), (case + '_2d', {'force2D': True}), (case + '_FBN', {'binCount': 64}),
                             (case + '_combined', {'weightingNorm': 'no_weighting'})):
                ours = features(image, mask, spacing, cfg)
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
        image, spacing = read_nrrd(os.path.join(ref_dir, case + '_image.nrrd'))
        label, _ = read_nrrd(os.path.join(ref_dir, case + '_label.nrrd'))
        cases[case] = roi_box(image, label) + (spacing,)
    worst = self_check(ref_dir, cases)
    print('self-check against PyRadiomics baselines: largest relative deviation %.1e' % worst)
    assert worst < 1e-9
    checked_c = 'not checked against PyRadiomics C matrices'
    if len(sys.argv) > 3:
        sys.path.insert(0, sys.argv[3])
        import _cmatrices
        for case, (image, mask, spacing) in cases.items():
            for cfg in [{}] + list(CONFIGS.values()):
                check_against_pyradiomics_c(_cmatrices, image, mask, spacing, cfg)
        checked_c = 'matrices equal to PyRadiomics C (%s)' % (sys.argv[4] if len(sys.argv) > 4 else 'cmatrices')
        print(checked_c)
    with open(os.path.join(out_dir, 'texture1_reference.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['# numpy %s, Python %s; written by texture1_reference.py; %s'
                    % (np.__version__, sys.version.split()[0], checked_c)])
        w.writerow(['case', 'configuration', 'feature', 'value'])
        for case, (image, mask, spacing) in cases.items():
            for name, cfg in CONFIGS.items():
                for k, v in features(image, mask, spacing, cfg).items():
                    w.writerow([case, name, k, repr(float(v))])


if __name__ == '__main__':
    main()
