#!/usr/bin/python3
"""Helper of make_compressed_fixtures.sh: writes the uncompressed originals and wraps raw codestreams.

    make_compressed_fixtures.py originals DIR      uncompressed DICOM originals (pydicom, explicit VR LE)
    make_compressed_fixtures.py raw FILE OUT       frame 1 of FILE as big-endian raw samples (pvrg-jpeg input)
    make_compressed_fixtures.py wrap FILE TS OUT CODESTREAM...
                                                   FILE's data set with the codestreams (one per frame) as
                                                   encapsulated pixel data of transfer syntax TS
    make_compressed_fixtures.py big OUT            a 512 x 512 12-bit MR-like slice (for the decoding benchmark)
    make_compressed_fixtures.py extended FILE OUT  FILE (encapsulated, one fragment per frame) rewritten with an
                                                   empty basic offset table, an Extended Offset Table
                                                   (7FE0,0001)/(7FE0,0002) and every frame split in 2 fragments

Images are 64 x 48 (3 of them a small axial series), smooth "breast-like" ellipsoids plus Gaussian noise,
scaled so the stored values reach both ends of their range (12 or 16 bits, signed or unsigned) and with a few
neighbouring extreme pairs so that predictor differences of 2^15 (JPEG lossless category 16) occur.
"""
import os
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

MR = "1.2.840.10008.5.1.4.1.1.4"
ENHANCED_MR = "1.2.840.10008.5.1.4.1.1.4.1"
NX, NY = 64, 48
_uid = [500]


def uid():
    _uid[0] += 1
    return "1.2.826.0.1.3680043.8.498.7.%d" % _uid[0]


def base(sop_class, series):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = "1.2.826.0.1.3680043.8.498.0"
    d = Dataset()
    d.file_meta = meta
    d.is_little_endian = True
    d.is_implicit_VR = False
    d.SOPClassUID = sop_class
    d.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    d.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.7.1"
    d.SeriesInstanceUID = series
    d.FrameOfReferenceUID = "1.2.826.0.1.3680043.8.498.7.2"
    d.PatientID = "NACRAD-TEST"
    d.Modality = "MR"
    d.Rows, d.Columns = NY, NX
    d.SamplesPerPixel = 1
    d.PhotometricInterpretation = "MONOCHROME2"
    return d


def phantom(rng, k, bits, signed):
    """A slice of two ellipsoids with noise, scaled to the full stored range, with extreme neighbours."""
    y, x = np.mgrid[0:NY, 0:NX].astype(float)
    img = 0.15 + 0.55 * (((x - 20) / 16) ** 2 + ((y - 24) / 18) ** 2 < 1 - 0.05 * k)
    img += 0.25 * (((x - 44) / 12) ** 2 + ((y - 22) / 14) ** 2 < 1)
    img += rng.normal(0, 0.06, img.shape)
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    v = np.clip(np.rint(lo + (img - img.min()) / (img.max() - img.min()) * (hi - lo)), lo, hi).astype(np.int64)
    v[0, 0], v[0, 1] = lo, hi               # first-row difference of 2^bits - 1
    v[5, 10], v[5, 11] = lo, lo + (1 << (bits - 1))  # difference of exactly 2^(bits-1)
    v[NY - 1, NX - 1] = hi
    return v


def single(path, bits_alloc, bits_stored, signed, rng, series=None, k=0, pos_z=0.0, mid_column=False):
    d = base(MR, series or uid())
    d.InstanceNumber = k + 1
    d.ImagePositionPatient = ["-40", "-30", "%g" % pos_z]
    d.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    d.PixelSpacing = ["0.8", "0.7"]
    d.SliceThickness = "2.5"
    d.BitsAllocated, d.BitsStored, d.HighBit = bits_alloc, bits_stored, bits_stored - 1
    d.PixelRepresentation = 1 if signed else 0
    v = phantom(rng, k, bits_stored, signed)
    if mid_column:  # see make_compressed_fixtures.sh, PVRG restart intervals
        v[:, 0] = 1 << (bits_stored - 1)
    dtype = {8: np.uint8, 16: np.uint16}[bits_alloc]
    d.PixelData = (v & ((1 << bits_alloc) - 1)).astype(dtype).tobytes()
    d.save_as(path, write_like_original=False)


def enhanced(path, rng):
    nz = 4
    d = base(ENHANCED_MR, uid())
    d.NumberOfFrames = nz
    d.BitsAllocated, d.BitsStored, d.HighBit, d.PixelRepresentation = 16, 12, 11, 0
    shared = Dataset()
    po = Dataset()
    po.ImageOrientationPatient = ["1", "0", "0", "0", "0", "-1"]
    pm = Dataset()
    pm.PixelSpacing = ["0.9", "0.6"]
    pm.SliceThickness = "3"
    shared.PlaneOrientationSequence = Sequence([po])
    shared.PixelMeasuresSequence = Sequence([pm])
    d.SharedFunctionalGroupsSequence = Sequence([shared])
    per, frames = [], []
    for k in (2, 0, 3, 1):  # frames out of spatial order
        f = Dataset()
        pp = Dataset()
        pp.ImagePositionPatient = ["10", "%g" % (-20 + 3 * k), "35"]
        f.PlanePositionSequence = Sequence([pp])
        per.append(f)
        frames.append(phantom(rng, k, 12, False))
    d.PerFrameFunctionalGroupsSequence = Sequence(per)
    d.PixelData = np.asarray(frames, dtype=np.uint16).tobytes()
    d.save_as(path, write_like_original=False)


def originals(out):
    rng = np.random.default_rng(20261127)
    os.makedirs(os.path.join(out, "u12"), exist_ok=True)
    series = uid()
    for k in range(3):
        single(os.path.join(out, "u12", "IM%04d.dcm" % k), 16, 12, False, rng, series, k, 2.5 * k)
    single(os.path.join(out, "s12.dcm"), 16, 12, True, rng)
    single(os.path.join(out, "u16.dcm"), 16, 16, False, rng)
    single(os.path.join(out, "s16.dcm"), 16, 16, True, rng)
    single(os.path.join(out, "u8.dcm"), 8, 8, False, rng)
    single(os.path.join(out, "u16-midcol.dcm"), 16, 16, False, rng, mid_column=True)
    single(os.path.join(out, "u8-midcol.dcm"), 8, 8, False, rng, mid_column=True)
    enhanced(os.path.join(out, "enhanced.dcm"), rng)


def big(path):
    global NX, NY
    NX, NY = 512, 512
    rng = np.random.default_rng(512)
    y, x = np.mgrid[0:NY, 0:NX].astype(float)
    img = 0.1 + 0.5 * (((x - 170) / 130) ** 2 + ((y - 256) / 180) ** 2 < 1)
    img += 0.3 * (((x - 360) / 100) ** 2 + ((y - 240) / 120) ** 2 < 1)
    img = img + rng.normal(0, 0.03, img.shape)
    v = np.clip(np.rint(img / img.max() * 4095), 0, 4095).astype(np.uint16)
    d = base(MR, uid())
    d.ImagePositionPatient = ["-200", "-200", "0"]
    d.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    d.PixelSpacing = ["0.78125", "0.78125"]
    d.SliceThickness = "2"
    d.BitsAllocated, d.BitsStored, d.HighBit, d.PixelRepresentation = 16, 12, 11, 0
    d.PixelData = v.tobytes()
    d.save_as(path, write_like_original=False)


def raw(src, out):
    d = pydicom.dcmread(src)
    a = d.pixel_array
    a = a[0] if a.ndim == 3 else a
    bits = d.BitsStored
    (a.astype(np.int64) & ((1 << bits) - 1)).astype(">u2" if bits > 8 else "u1").tofile(out)


def wrap(src, ts, out, streams):
    d = pydicom.dcmread(src)
    d.file_meta.TransferSyntaxUID = ts
    frames = [open(s, "rb").read() for s in streams]
    d.PixelData = encapsulate(frames, has_bot=True)
    d["PixelData"].VR = "OB"
    d["PixelData"].is_undefined_length = True
    d.is_implicit_VR, d.is_little_endian = False, True
    d.save_as(out, write_like_original=False)


def extended(src, out):
    d = pydicom.dcmread(src)
    from pydicom.encaps import generate_pixel_data_frame
    n = int(d.get("NumberOfFrames", 1))
    frames = list(generate_pixel_data_frame(d.PixelData, n))
    items, offsets, lengths, pos = [], [], [], 0
    for f in frames:
        f = f + b"\0" * (len(f) & 1)
        offsets.append(pos)
        lengths.append(len(f))
        half = (len(f) // 4) * 2
        for part in (f[:half], f[half:]):
            items.append(b"\xfe\xff\x00\xe0" + len(part).to_bytes(4, "little") + part)
            pos += 8 + len(part)
    data = b"\xfe\xff\x00\xe0\x00\x00\x00\x00" + b"".join(items) + b"\xfe\xff\xdd\xe0\x00\x00\x00\x00"
    d.PixelData = data
    d["PixelData"].VR = "OB"
    d["PixelData"].is_undefined_length = True
    d.ExtendedOffsetTable = np.asarray(offsets, "<u8").tobytes()
    d["ExtendedOffsetTable"].VR = "OV"
    d.ExtendedOffsetTableLengths = np.asarray(lengths, "<u8").tobytes()
    d["ExtendedOffsetTableLengths"].VR = "OV"
    d.save_as(out, write_like_original=False)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "originals":
        originals(sys.argv[2])
    elif cmd == "big":
        big(sys.argv[2])
    elif cmd == "raw":
        raw(sys.argv[2], sys.argv[3])
    elif cmd == "wrap":
        wrap(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif cmd == "extended":
        extended(sys.argv[2], sys.argv[3])
    else:
        sys.exit("unknown command " + cmd)
