"""Writes the small NIfTI / NRRD inputs that itk_dump.cxx reads with ITK 5.2 (nacrad-image test fixtures).

Run: /usr/bin/python3 make_nifti_fixtures.py <outdir>   (nibabel 5.0.0, numpy 1.24.2)
Each file holds a small deterministic volume (values from a fixed-seed generator) with one geometry or
encoding feature that a NIfTI reader must get right.
"""
import sys
import numpy as np
import nibabel as nib

out = sys.argv[1]
rng = np.random.default_rng(20261127)
shape = (6, 5, 4)  # nibabel arrays are indexed [i, j, k]


def vol(dtype):
    info = np.iinfo(dtype) if np.issubdtype(dtype, np.integer) else None
    if info is not None:
        lo, hi = max(info.min, -1000), min(info.max, 1000)
        return rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)
    return (rng.standard_normal(shape) * 100).astype(dtype)


def rot(ax, ay, az):
    cx, sx, cy, sy, cz, sz = np.cos(ax), np.sin(ax), np.cos(ay), np.sin(ay), np.cos(az), np.sin(az)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def affine(r, spacing, origin):
    a = np.eye(4)
    a[:3, :3] = r @ np.diag(spacing)
    a[:3, 3] = origin
    return a


oblique = affine(rot(0.3, -0.2, 0.5), [0.8, 0.7, 2.5], [-40.5, 22.25, 13.0])
other = affine(rot(-0.1, 0.4, 0.2), [0.8, 0.7, 2.5], [10.0, -5.0, 7.5])
flip = affine(rot(0.1, 0.0, -0.3) @ np.diag([1, 1, -1]), [1.2, 1.1, 3.0], [5.0, 6.0, -7.0])
spacing = [0.8, 0.7, 2.5]


def save(img, name):
    nib.save(img, f"{out}/{name}")


def n1(data, qaff, qcode, saff, scode, hdr=None):
    img = nib.Nifti1Image(data, None, header=hdr, dtype=data.dtype)
    img.header.set_zooms(spacing if qaff is None else np.sqrt((qaff[:3, :3] ** 2).sum(0)))
    if qaff is not None:
        img.header.set_qform(qaff, qcode)
    else:
        img.header.set_qform(None, 0)
    if saff is not None:
        img.header.set_sform(saff, scode)
    else:
        img.header.set_sform(None, 0)
    return img


# sform (scanner) and qform agree: ITK takes the sform
save(n1(vol(np.int16), oblique, 1, oblique, 1), "oblique_sform.nii")
# qform only, rotated
save(n1(vol(np.int16), oblique, 1, None, 0), "qform_only.nii")
# qform with qfac -1 (left-handed)
save(n1(vol(np.int16), flip, 1, None, 0), "qfac_neg.nii")
# sform only (aligned code)
save(n1(vol(np.int16), None, 0, oblique, 2), "sform_only.nii")
# sform aligned (code 2) disagreeing with qform: ITK keeps the qform
save(n1(vol(np.int16), other, 1, oblique, 2), "sform_aligned_qform_differs.nii")
# sform scanner (code 1) disagreeing with qform: ITK prefers the sform
save(n1(vol(np.int16), other, 1, oblique, 1), "sform_scanner_qform_differs.nii")
# sheared sform with qform: the sform cannot be a direction matrix, ITK keeps the qform
shear = oblique.copy()
shear[:3, 1] += 0.3 * shear[:3, 0]
save(n1(vol(np.int16), other, 1, shear, 1), "sheared_sform.nii")
# neither form: identity direction, origin 0
save(n1(vol(np.int16), None, 0, None, 0), "no_xform.nii")

# scaled int16 -> float32 in ITK
img = n1(vol(np.int16), oblique, 1, oblique, 1)
img.header.set_slope_inter(0.37, -12.5)
save(img, "scaled_int16.nii.gz")
# scaled uint8 with slope only
img = n1(vol(np.uint8), oblique, 1, None, 0)
img.header.set_slope_inter(2.0, 0.0)
save(img, "scaled_uint8.nii")

# every scalar datatype
for name, dt in [("uint8", np.uint8), ("int8", np.int8), ("uint16", np.uint16), ("int16", np.int16),
                 ("uint32", np.uint32), ("int32", np.int32), ("uint64", np.uint64), ("int64", np.int64),
                 ("float32", np.float32), ("float64", np.float64)]:
    save(n1(vol(dt), oblique, 1, oblique, 1), f"type_{name}.nii.gz")

# big endian
save(n1(vol(np.int16).astype(">i2"), oblique, 1, oblique, 1, hdr=nib.Nifti1Header(endianness=">")),
     "bigendian_int16.nii")
save(n1(vol(np.float64).astype(">f8"), flip, 1, None, 0, hdr=nib.Nifti1Header(endianness=">")),
     "bigendian_float64.nii")

# NIfTI-2
img2 = nib.Nifti2Image(vol(np.int16), None)
img2.header.set_zooms(spacing)
img2.header.set_qform(oblique, 1)
img2.header.set_sform(oblique, 1)
save(img2, "nifti2_int16.nii")

# analyze-style pair with NIfTI header (ni1)
pair = nib.Nifti1Pair(vol(np.float32), None)
pair.header.set_zooms(spacing)
pair.header.set_qform(flip, 1)
pair.header.set_sform(None, 0)
save(pair, "pair_float32.hdr")

# resampling inputs: random int16 and float32 on an oblique grid
save(nib.Nifti1Image(rng.integers(-2000, 2000, size=(9, 8, 7), endpoint=True).astype(np.int16),
                     affine(rot(0.05, 0.0, 0.1), [1.1, 0.9, 2.0], [-3.0, 4.0, 5.0])), "resample_in_int16.nii")
save(nib.Nifti1Image((rng.standard_normal((9, 8, 7)) * 300).astype(np.float32),
                     affine(np.eye(3), [1.0, 1.25, 1.5], [2.0, -1.0, 0.5])), "resample_in_float32.nii")

# ITK 5.2 cannot read NIfTI-2: write what nibabel reads from it, in ITK's LPS conventions, for the tests
n2 = nib.load(f"{out}/nifti2_int16.nii")
aff = n2.affine.copy()
aff[:2, :] *= -1  # RAS -> LPS
cols = aff[:3, :3] / np.sqrt((aff[:3, :3] ** 2).sum(0))
with open(f"{out}/nibabel_nifti2.txt", "w") as f:
    f.write("file nifti2_int16.nii\ntype short\n")
    f.write("size " + " ".join(str(s) for s in n2.shape) + "\n")
    f.write("spacing " + " ".join(repr(float(z)) for z in n2.header.get_zooms()) + "\n")
    f.write("origin " + " ".join(repr(float(x)) for x in aff[:3, 3]) + "\n")
    f.write("direction " + " ".join(repr(float(x)) for x in cols.ravel()) + "\n")
    f.write("values " + " ".join(str(int(x)) for x in np.asarray(n2.dataobj).ravel(order="F")) + "\n")

# NRRD files with the header features ITK's NrrdImageIO must interpret (written by hand: no NRRD writer here)
import gzip as _gzip


def nrrd(name, arr, type_name, fields, encoding="raw", endian="little", detached=None):
    data = arr.ravel(order="F").astype(arr.dtype.newbyteorder("<" if endian == "little" else ">")).tobytes()
    if encoding == "gzip":
        data = _gzip.compress(data, mtime=0)
    head = ["NRRD0004", f"type: {type_name}", "dimension: 3", "sizes: " + " ".join(str(s) for s in arr.shape)]
    head += fields + [f"endian: {endian}", f"encoding: {encoding}"]
    if detached:
        head.append(f"data file: {detached}")
        with open(f"{out}/{detached}", "wb") as f:
            f.write(data)
        data = b""
    with open(f"{out}/{name}", "wb") as f:
        f.write(("\n".join(head) + "\n\n").encode("ascii") + data)


def dirs(a):
    return "space directions: " + " ".join("(" + ",".join(repr(float(v)) for v in a[:3, c]) + ")" for c in range(3))


nrrd("ras_oblique_int16.nrrd", vol(np.int16), "short",
     ["space: right-anterior-superior", dirs(oblique), "space origin: (-40.5,22.25,13)"])
nrrd("las_bigendian_float.nrrd", vol(np.float32), "float",
     ["space: left-anterior-superior", dirs(flip), "space origin: (5,6,-7)"], encoding="gzip", endian="big")
nrrd("lps_uint16_gzip.nrrd", vol(np.uint16), "unsigned short",
     ["space: left-posterior-superior", dirs(other), "space origin: (10.125,-5,7.5)"], encoding="gzip")
nrrd("spacings_only_uint8.nrrd", vol(np.uint8), "uchar", ["spacings: 0.5 0.75 3"])
nrrd("detached_int32.nhdr", vol(np.int32), "int",
     ["space: left-posterior-superior", dirs(affine(np.eye(3), [0.9, 0.9, 1.8], [0, 0, 0])),
      "space origin: (1,2,3)"], detached="detached_int32.raw")
