#!/usr/bin/python3
"""Writes the small DICOM test fixtures of nacrad-image's dicom package with pydicom (an independent writer).

Run from the repository root:  /usr/bin/python3 nacrad-image/src/test/fixtures-gen/dicom/make_dicom_fixtures.py
Tools: Debian python3-pydicom 2.3.1, numpy 1.24 (versions recorded in resources/dicom/VERSIONS.txt).

Every image is built from known construction parameters (origin, direction, spacing, stored values, rescale),
and the expected geometry and voxel values are written next to it in `expected-*.txt`, computed from those
parameters (not from the DICOM tags), voxel order i fastest, then j, then k:
    size nx ny nz / spacing / origin / direction (row-major, columns are the axis directions) / values ...
"""
import os
import shutil

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "dicom")
MR = "1.2.840.10008.5.1.4.1.1.4"
ENHANCED_MR = "1.2.840.10008.5.1.4.1.1.4.1"
SEG = "1.2.840.10008.5.1.4.1.1.66.4"
RTSTRUCT = "1.2.840.10008.5.1.4.1.1.481.3"
STUDY = "1.2.826.0.1.3680043.8.498.1"
FOR = "1.2.826.0.1.3680043.8.498.2"
_uid = [100]


def uid():
    _uid[0] += 1
    return "1.2.826.0.1.3680043.8.498.9.%d" % _uid[0]


def ds_str(v):
    return "%.10g" % v


def base(sop_class, series, implicit=False):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = uid()
    meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
    meta.ImplementationClassUID = "1.2.826.0.1.3680043.8.498.0"
    d = Dataset()
    d.file_meta = meta
    d.is_little_endian = True
    d.is_implicit_VR = implicit
    d.SOPClassUID = sop_class
    d.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    d.StudyInstanceUID = STUDY
    d.SeriesInstanceUID = series
    d.FrameOfReferenceUID = FOR
    d.PatientID = "NACRAD-TEST"
    d.Modality = {SEG: "SEG", RTSTRUCT: "RTSTRUCT"}.get(sop_class, "MR")
    return d


def direction(row, col):
    row, col = np.asarray(row, float), np.asarray(col, float)
    row /= np.linalg.norm(row)
    col -= row * row.dot(col)
    col /= np.linalg.norm(col)
    return row, col, np.cross(row, col)


def write_expected(name, size, spacing, origin, dirm, values):
    with open(os.path.join(OUT, "expected-%s.txt" % name), "w") as f:
        f.write("size %d %d %d\n" % tuple(size))
        f.write("spacing %s\n" % " ".join(repr(float(v)) for v in spacing))
        f.write("origin %s\n" % " ".join(repr(float(v)) for v in origin))
        f.write("direction %s\n" % " ".join(repr(float(v)) for v in np.asarray(dirm).reshape(-1)))
        f.write("values %s\n" % " ".join(repr(float(v)) for v in values))


def classic_series(folder, series, nx, ny, nz, spacing, origin, row, col, stored, slope=1.0, intercept=0.0,
                   signed=False, implicit=False, names=None, extra=None, skip=()):
    """stored[k][j][i]; files named by `names(k)`; returns the geometry actually encoded."""
    r, c, n = direction(row, col)
    # Round-trip the cosines and positions through their DS text so expectations match the encoded values.
    os.makedirs(folder, exist_ok=True)
    for k in range(nz):
        if k in skip:
            continue
        d = base(MR, series, implicit)
        d.SeriesDescription = os.path.basename(folder)
        d.InstanceNumber = k + 1
        pos = np.asarray(origin) + n * spacing[2] * k
        d.ImagePositionPatient = [ds_str(v) for v in pos]
        d.ImageOrientationPatient = [ds_str(v) for v in list(r) + list(c)]
        d.PixelSpacing = [ds_str(spacing[1]), ds_str(spacing[0])]
        d.SliceThickness = ds_str(spacing[2])
        d.Rows, d.Columns = ny, nx
        d.SamplesPerPixel = 1
        d.PhotometricInterpretation = "MONOCHROME2"
        d.BitsAllocated, d.BitsStored, d.HighBit = 16, 16, 15
        d.PixelRepresentation = 1 if signed else 0
        d.RescaleSlope = ds_str(slope)
        d.RescaleIntercept = ds_str(intercept)
        if extra:
            extra(d, k)
        d.PixelData = np.asarray(stored[k], dtype=np.int16 if signed else np.uint16).tobytes()
        d.save_as(os.path.join(folder, names(k) if names else "IM%04d.dcm" % k), write_like_original=False)
    dirm = np.column_stack([r, c, n])
    return dirm


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = np.random.default_rng(8)

    # 1. Oblique, reversed slice order (file names and instance numbers run against the normal),
    #    signed stored values, rescale slope 0.5 intercept -10 (non-integer: FLOAT64), explicit VR.
    nx, ny, nz = 6, 5, 4
    spacing = (0.8, 0.7, 2.5)
    origin = (-12.5, 30.25, 7.0)
    row, col = (0.9, 0.3, 0.1), (-0.2, 0.8, 0.5)
    stored = rng.integers(-300, 300, size=(nz, ny, nx))
    dirm = classic_series(os.path.join(OUT, "oblique"), uid(), nx, ny, nz, spacing, origin, row, col, stored,
                          slope=0.5, intercept=-10, signed=True, names=lambda k: "IM%04d.dcm" % (nz - 1 - k))
    r, c, n = direction(row, col)
    enc = lambda v: float(ds_str(v))
    dir_enc = np.column_stack([[enc(v) for v in r], [enc(v) for v in c], n])
    write_expected("oblique", (nx, ny, nz), spacing, [enc(v) for v in origin], dir_enc,
                   (stored.astype(float) * 0.5 - 10).reshape(-1))

    # 2. Axial reference series, implicit VR, integer rescale (intercept -1024: INT16), used by SEG/RTSTRUCT.
    axial = uid()
    nx, ny, nz = 6, 5, 4
    spacing = (1.0, 1.0, 2.0)
    origin = (-3.0, -2.0, 10.0)
    stored = rng.integers(0, 2000, size=(nz, ny, nx))
    classic_series(os.path.join(OUT, "axial"), axial, nx, ny, nz, spacing, origin, (1, 0, 0), (0, 1, 0), stored,
                   intercept=-1024, implicit=True)
    write_expected("axial", (nx, ny, nz), spacing, origin, np.eye(3), (stored - 1024.0).reshape(-1))

    # 3. Missing slice: axial geometry, slice 2 of 5 absent.
    classic_series(os.path.join(OUT, "missing"), uid(), nx, ny, 5, spacing, origin, (1, 0, 0), (0, 1, 0),
                   rng.integers(0, 100, size=(5, ny, nx)), skip=(2,))

    # 4. Two series in one folder (3 and 2 slices).
    mixed = os.path.join(OUT, "mixed")
    first = uid()
    classic_series(mixed, first, nx, ny, 3, spacing, origin, (1, 0, 0), (0, 1, 0),
                   rng.integers(0, 100, size=(3, ny, nx)), names=lambda k: "A%04d.dcm" % k)
    second = uid()
    stored_b = rng.integers(0, 100, size=(2, ny, nx))
    classic_series(mixed, second, nx, ny, 2, (1.0, 1.0, 3.0), origin, (1, 0, 0), (0, 1, 0), stored_b,
                   names=lambda k: "B%04d.dcm" % k)
    write_expected("mixed-B", (nx, ny, 2), (1.0, 1.0, 3.0), origin, np.eye(3), stored_b.astype(float).reshape(-1))
    with open(os.path.join(OUT, "mixed-series.txt"), "w") as f:
        f.write("%s\n%s\n" % (first, second))

    # 5. Classic DCE: two temporal positions of 3 slices in one series, files interleaved.
    dce = uid()
    stored_t = rng.integers(0, 500, size=(2, 3, ny, nx))
    for t in range(2):
        def extra(d, k, t=t):
            d.TemporalPositionIdentifier = t + 1
            d.AcquisitionNumber = t + 1
            d.InstanceNumber = 3 * t + k + 1
        classic_series(os.path.join(OUT, "dce"), dce, nx, ny, 3, spacing, origin, (1, 0, 0), (0, 1, 0), stored_t[t],
                       names=lambda k, t=t: "IM%04d.dcm" % (2 * k + t), extra=extra)
        write_expected("dce-t%d" % (t + 1), (nx, ny, 3), spacing, origin, np.eye(3),
                       stored_t[t].astype(float).reshape(-1))

    # 6. Enhanced MR multi-frame: 2 b-values x 3 slices, oblique, frames shuffled, per-frame rescale.
    nx, ny, nz = 5, 4, 3
    spacing = (1.5, 1.25, 3.0)
    origin = (20.0, -5.5, 40.0)
    r, c, n = direction((1, 0, 0.2), (0, 1, 0))
    r = np.array([enc(v) for v in r])
    c = np.array([enc(v) for v in c])
    n = np.cross(r, c)
    bvals = (0.0, 800.0)
    stored_mf = rng.integers(0, 4000, size=(2, nz, ny, nx))
    slopes = ((2.0, 2.0, 2.0), (0.25, 0.25, 0.25))
    order = [(b, k) for b in range(2) for k in range(nz)]
    rng.shuffle(order)
    d = base(ENHANCED_MR, uid())
    d.NumberOfFrames = len(order)
    d.Rows, d.Columns = ny, nx
    d.SamplesPerPixel = 1
    d.PhotometricInterpretation = "MONOCHROME2"
    d.BitsAllocated, d.BitsStored, d.HighBit, d.PixelRepresentation = 16, 12, 11, 0
    shared = Dataset()
    po = Dataset()
    po.ImageOrientationPatient = [ds_str(v) for v in list(r) + list(c)]
    pm = Dataset()
    pm.PixelSpacing = [ds_str(spacing[1]), ds_str(spacing[0])]
    pm.SliceThickness = ds_str(spacing[2])
    shared.PlaneOrientationSequence = Sequence([po])
    shared.PixelMeasuresSequence = Sequence([pm])
    d.SharedFunctionalGroupsSequence = Sequence([shared])
    per = []
    frames = []
    for b, k in order:
        f = Dataset()
        pp = Dataset()
        pp.ImagePositionPatient = [ds_str(v) for v in np.asarray(origin) + n * spacing[2] * k]
        f.PlanePositionSequence = Sequence([pp])
        pv = Dataset()
        pv.RescaleSlope = ds_str(slopes[b][k])
        pv.RescaleIntercept = "0"
        pv.RescaleType = "US"
        f.PixelValueTransformationSequence = Sequence([pv])
        md = Dataset()
        md.DiffusionBValue = bvals[b]
        f.MRDiffusionSequence = Sequence([md])
        per.append(f)
        frames.append(stored_mf[b, k])
    d.PerFrameFunctionalGroupsSequence = Sequence(per)
    d.PixelData = np.asarray(frames, dtype=np.uint16).tobytes()
    os.makedirs(os.path.join(OUT, "multiframe"))
    d.save_as(os.path.join(OUT, "multiframe", "enhanced.dcm"), write_like_original=False)
    pos0 = [enc(v) for v in origin]
    for b in range(2):
        write_expected("multiframe-b%d" % bvals[b], (nx, ny, nz), spacing, pos0, np.column_stack([r, c, n]),
                       (stored_mf[b] * slopes[b][0]).astype(float).reshape(-1))

    # 7. DICOM-SEG on the axial series: segment 1 "tumour" on slices 1-2, segment 2 "enhancement" on slice 2.
    nx, ny, nz = 6, 5, 4
    seg1 = np.zeros((nz, ny, nx), np.uint8)
    seg1[1, 1:4, 2:5] = 1
    seg1[2, 2:4, 1:3] = 1
    seg2 = np.zeros((nz, ny, nx), np.uint8)
    seg2[2, 0:2, 3:6] = 1

    def seg(name, series_ref, segments, fractional=False):
        d = base(SEG, uid())
        d.SegmentationType = "FRACTIONAL" if fractional else "BINARY"
        if fractional:
            d.SegmentationFractionalType = "PROBABILITY"
            d.MaximumFractionalValue = 200
        d.Rows, d.Columns = ny, nx
        d.SamplesPerPixel = 1
        d.PhotometricInterpretation = "MONOCHROME2"
        d.BitsAllocated = 8 if fractional else 1
        d.BitsStored = d.BitsAllocated
        d.HighBit = d.BitsAllocated - 1
        d.PixelRepresentation = 0
        rs = Dataset()
        rs.SeriesInstanceUID = series_ref
        d.ReferencedSeriesSequence = Sequence([rs])
        items = []
        for number, (label, _) in enumerate(segments, start=1):
            s = Dataset()
            s.SegmentNumber = number
            s.SegmentLabel = label
            s.SegmentAlgorithmType = "MANUAL"
            items.append(s)
        d.SegmentSequence = Sequence(items)
        shared = Dataset()
        po = Dataset()
        po.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        pm = Dataset()
        pm.PixelSpacing = ["1", "1"]
        pm.SliceThickness = "2"
        shared.PlaneOrientationSequence = Sequence([po])
        shared.PixelMeasuresSequence = Sequence([pm])
        d.SharedFunctionalGroupsSequence = Sequence([shared])
        per, frames = [], []
        for number, (_, vol) in enumerate(segments, start=1):
            for k in range(nz):
                if not vol[k].any():
                    continue
                f = Dataset()
                pp = Dataset()
                pp.ImagePositionPatient = [ds_str(v) for v in (-3.0, -2.0, 10.0 + 2.0 * k)]
                f.PlanePositionSequence = Sequence([pp])
                si = Dataset()
                si.ReferencedSegmentNumber = number
                f.SegmentIdentificationSequence = Sequence([si])
                per.append(f)
                frames.append(vol[k])
        d.PerFrameFunctionalGroupsSequence = Sequence(per)
        d.NumberOfFrames = len(frames)
        flat = np.asarray(frames, np.uint8).reshape(-1)
        d.PixelData = flat.tobytes() if fractional else np.packbits(flat, bitorder="little").tobytes()
        d.save_as(os.path.join(OUT, name), write_like_original=False)

    seg("seg-two-segments.dcm", axial, [("tumour", seg1), ("enhancement", seg2)])
    frac = (seg1 * rng.integers(1, 201, size=seg1.shape)).astype(np.uint8)
    seg("seg-fractional.dcm", axial, [("probability", frac)], fractional=True)
    seg("seg-other-series.dcm", uid(), [("tumour", seg1)])
    write_expected("seg-1", (nx, ny, nz), (1.0, 1.0, 2.0), (-3.0, -2.0, 10.0), np.eye(3), seg1.reshape(-1))
    write_expected("seg-2", (nx, ny, nz), (1.0, 1.0, 2.0), (-3.0, -2.0, 10.0), np.eye(3), seg2.reshape(-1))
    write_expected("seg-fractional", (nx, ny, nz), (1.0, 1.0, 2.0), (-3.0, -2.0, 10.0), np.eye(3),
                   (frac / 200.0).reshape(-1))

    # 8. RTSTRUCT on the axial series: ROI "ring" = outer square with a square hole on slice 1, and an
    #    L-shaped ROI "ell" on slices 2-3. Vertices at half-voxel positions so that no voxel centre lies on an
    #    edge: the expected mask is the set of voxel centres inside, by construction.
    d = base(RTSTRUCT, uid())
    d.StructureSetLabel = "test"
    rf = Dataset()
    rf.FrameOfReferenceUID = FOR
    st = Dataset()
    st.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    st.ReferencedSOPInstanceUID = STUDY
    se = Dataset()
    se.SeriesInstanceUID = axial
    st.RTReferencedSeriesSequence = Sequence([se])
    rf.RTReferencedStudySequence = Sequence([st])
    d.ReferencedFrameOfReferenceSequence = Sequence([rf])

    def phys(i, j, k):
        return (-3.0 + i, -2.0 + j, 10.0 + 2.0 * k)

    def contour(points, k):
        c = Dataset()
        c.ContourGeometricType = "CLOSED_PLANAR"
        c.NumberOfContourPoints = len(points)
        c.ContourData = [ds_str(v) for (i, j) in points for v in phys(i, j, k)]
        return c

    outer = [(0.5, 0.5), (4.5, 0.5), (4.5, 3.5), (0.5, 3.5)]
    hole = [(1.5, 1.5), (3.5, 1.5), (3.5, 2.5), (1.5, 2.5)]
    ell = [(0.5, 0.5), (2.5, 0.5), (2.5, 2.5), (5.5, 2.5), (5.5, 4.5), (0.5, 4.5)]
    rois = [(1, "ring", [contour(outer, 1), contour(hole, 1)]),
            (2, "ell", [contour(ell, 2), contour(ell, 3)])]
    ssr, rcs = [], []
    for number, name, contours in rois:
        s = Dataset()
        s.ROINumber = number
        s.ROIName = name
        s.ReferencedFrameOfReferenceUID = FOR
        ssr.append(s)
        rc = Dataset()
        rc.ReferencedROINumber = number
        rc.ContourSequence = Sequence(contours)
        rcs.append(rc)
    d.StructureSetROISequence = Sequence(ssr)
    d.ROIContourSequence = Sequence(rcs)
    d.save_as(os.path.join(OUT, "rtstruct-hole.dcm"), write_like_original=False)
    ring = np.zeros((nz, ny, nx), np.uint8)
    ring[1, 1:4, 1:5] = 1
    ring[1, 2, 2:4] = 0
    ellm = np.zeros((nz, ny, nx), np.uint8)
    for k in (2, 3):
        ellm[k, 1:5, 1:3] = 1
        ellm[k, 3:5, 1:6] = 1
    write_expected("rt-ring", (nx, ny, nz), (1.0, 1.0, 2.0), (-3.0, -2.0, 10.0), np.eye(3), ring.reshape(-1))
    write_expected("rt-ell", (nx, ny, nz), (1.0, 1.0, 2.0), (-3.0, -2.0, 10.0), np.eye(3), ellm.reshape(-1))

    # 9. A non-DICOM file among DICOM slices.
    bad = os.path.join(OUT, "with-text-file")
    shutil.copytree(os.path.join(OUT, "axial"), bad)
    with open(os.path.join(bad, "notes.txt"), "w") as f:
        f.write("not an image\n")

    # 10. RLE Lossless copies (pydicom's own RLE encoder) of the oblique series and the enhanced multi-frame
    #     image: same expected values as their uncompressed originals.
    from pydicom.uid import RLELossless
    for src, dst in (("oblique", "oblique-rle"), ("multiframe", "multiframe-rle")):
        os.makedirs(os.path.join(OUT, dst))
        for name in sorted(os.listdir(os.path.join(OUT, src))):
            d = pydicom.dcmread(os.path.join(OUT, src, name))
            d.compress(RLELossless, encoding_plugin="pydicom")
            d.save_as(os.path.join(OUT, dst, name), write_like_original=False)

    # 11. Two acquisitions of the same 3 slices in one series, told apart only by AcquisitionNumber.
    acq = uid()
    stored_a = rng.integers(0, 500, size=(2, 3, ny, nx))
    for a in range(2):
        def extra(d, k, a=a):
            d.AcquisitionNumber = a + 7
        classic_series(os.path.join(OUT, "acquisitions"), acq, nx, ny, 3, spacing, origin, (1, 0, 0), (0, 1, 0),
                       stored_a[a], names=lambda k, a=a: "IM%04d.dcm" % (3 * a + k), extra=extra)
        write_expected("acq-%d" % (a + 7), (nx, ny, 3), spacing, origin, np.eye(3),
                       stored_a[a].astype(float).reshape(-1))

    # 12. A JPEG 2000 transfer syntax with placeholder fragments: nacrad must name the codec it lacks.
    from pydicom.encaps import encapsulate
    d = pydicom.dcmread(os.path.join(OUT, "axial", "IM0000.dcm"))
    d.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.90"
    d.is_implicit_VR = False
    d.PixelData = encapsulate([b"\xff\x4f\xff\x51" + bytes(60)])
    d["PixelData"].is_undefined_length = True
    d["PixelData"].VR = "OB"
    d.save_as(os.path.join(OUT, "jpeg2000-placeholder.dcm"), write_like_original=False)

    with open(os.path.join(OUT, "VERSIONS.txt"), "w") as f:
        f.write("generated by nacrad-image/src/test/fixtures-gen/dicom/make_dicom_fixtures.py\n")
        f.write("pydicom %s, numpy %s\n" % (pydicom.__version__, np.__version__))


if __name__ == "__main__":
    main()
