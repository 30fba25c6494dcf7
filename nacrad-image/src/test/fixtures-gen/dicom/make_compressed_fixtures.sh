#!/bin/sh
# Writes the compressed DICOM fixtures of org.nacrad.image.dicom.codec under
# nacrad-image/src/test/resources/dicom/compressed/ from small uncompressed originals.
#
# Run from the repository root:  sh nacrad-image/src/test/fixtures-gen/dicom/make_compressed_fixtures.sh
# Needs (Debian 12): python3-pydicom, dcmtk (dcmcjpeg, dcmdjpeg, dcmcjpls, dcmdjpls), libgdcm-tools (gdcmconv),
# pvrg-jpeg. Three independent encoders: dcmtk's IJG-derived lossless JPEG and CharLS-based JPEG-LS, GDCM's
# own lossless JPEG / CharLS / OpenJPEG, and the Stanford PVRG codec (used for restart intervals, which dcmtk and
# GDCM do not write). Versions are recorded in compressed/VERSIONS.txt.
set -eu
HERE=$(dirname "$0")
PY="/usr/bin/python3 $HERE/make_compressed_fixtures.py"
OUT=nacrad-image/src/test/resources/dicom/compressed
rm -rf "$OUT"
mkdir -p "$OUT/original" "$OUT/dcmtk" "$OUT/gdcm" "$OUT/pvrg"
$PY originals "$OUT/original"
O="$OUT/original"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --- JPEG lossless, dcmtk (IJG 6b patched for 16 bits) ---------------------------------------------------
mkdir -p "$OUT/dcmtk/u12-sv1"
for f in "$O"/u12/*.dcm; do dcmcjpeg +e1 "$f" "$OUT/dcmtk/u12-sv1/$(basename "$f")"; done
for img in s12 u16 s16 u8; do dcmcjpeg +e1 "$O/$img.dcm" "$OUT/dcmtk/$img-sv1.dcm"; done
for sv in 1 2 3 4 5 6 7; do dcmcjpeg +el +sv $sv "$O/s16.dcm" "$OUT/dcmtk/s16-p14-sv$sv.dcm"; done
for sv in 2 7; do dcmcjpeg +el +sv $sv "$O/u8.dcm" "$OUT/dcmtk/u8-p14-sv$sv.dcm"; done
# point transform 3: lossy by design; dcmdjpeg's output is the reference
dcmcjpeg +el +sv 4 +pt 3 "$O/u16.dcm" "$OUT/dcmtk/u16-p14-sv4-pt3.dcm"
dcmdjpeg "$OUT/dcmtk/u16-p14-sv4-pt3.dcm" "$OUT/dcmtk/u16-p14-sv4-pt3-dcmdjpeg.dcm"
# enhanced multi-frame: one fragment per frame with an offset table; 1 KB fragments with an empty table
dcmcjpeg +e1 "$O/enhanced.dcm" "$OUT/dcmtk/enhanced-sv1.dcm"
dcmcjpeg +e1 +fs 1 -ot "$O/enhanced.dcm" "$OUT/dcmtk/enhanced-sv1-frag1k-nobot.dcm"
dcmcjpeg +e1 +fs 1 "$O/enhanced.dcm" "$OUT/dcmtk/enhanced-sv1-frag1k.dcm"
$PY extended "$OUT/dcmtk/enhanced-sv1.dcm" "$OUT/dcmtk/enhanced-sv1-eot.dcm"

# --- JPEG-LS, dcmtk (CharLS) ---------------------------------------------------------------------------
for img in s12 u16 s16 u8; do dcmcjpls +el "$O/$img.dcm" "$OUT/dcmtk/$img-jls.dcm"; done
dcmcjpls +el "$O/enhanced.dcm" "$OUT/dcmtk/enhanced-jls.dcm"
for img in u12/IM0000 u16 u8; do  # dcmcjpls refuses signed near-lossless
  n=$(echo $img | tr / -)
  dcmcjpls +en +md 2 +un "$O/$img.dcm" "$OUT/dcmtk/$n-jls-near2.dcm"
  dcmdjpls "$OUT/dcmtk/$n-jls-near2.dcm" "$OUT/dcmtk/$n-jls-near2-dcmdjpls.dcm"
done

# --- GDCM: lossless JPEG, JPEG-LS, JPEG 2000 -------------------------------------------------------------
mkdir -p "$OUT/gdcm/u12-jpeg"
for f in "$O"/u12/*.dcm; do gdcmconv --jpeg "$f" "$OUT/gdcm/u12-jpeg/$(basename "$f")"; done
for img in s12 u16 s16 u8 enhanced; do
  gdcmconv --jpeg "$O/$img.dcm" "$OUT/gdcm/$img-jpeg.dcm"
  gdcmconv --jpegls "$O/$img.dcm" "$OUT/gdcm/$img-jls.dcm"
done
gdcmconv --split 1024 "$OUT/gdcm/u16-jpeg.dcm" "$OUT/gdcm/u16-jpeg-split.dcm"  # 1 KB fragments
for img in u16 s16; do
  gdcmconv --jpegls --lossy -e 2 "$O/$img.dcm" "$OUT/gdcm/$img-jls-near2.dcm"  # (the long form --allowed-error is ignored by gdcmconv 3.0.21)
  dcmdjpls "$OUT/gdcm/$img-jls-near2.dcm" "$OUT/gdcm/$img-jls-near2-dcmdjpls.dcm"
done
for img in s12 u16 s16 u8; do gdcmconv --j2k "$O/$img.dcm" "$OUT/gdcm/$img-j2k.dcm"; done

# --- PVRG: JPEG lossless with restart intervals (raw codestreams wrapped by pydicom) ------------------
# PVRG 1.2.1 does not reset prediction at a restart marker as T.81 H.1.2.1 requires (first line of the interval
# predicted by Ra, its first sample by 2^(P-1)): it keeps the scan's predictor and the sample above. dcmdjpeg,
# GDCM and TwelveMonkeys all decode its restart streams differently from PVRG itself. The two rules agree for
# predictor 1 when column 0 holds 2^(P-1), so the restart fixtures use such "midcol" originals. Likewise PVRG
# predicts the first row from an imaginary row of 2^(P-1) instead of by Ra, which agrees with T.81 only for
# predictors 1, 4 and 5: those are the ones written here (dcmtk covers all seven).
for img in u16 u16-midcol u8-midcol; do
  $PY raw "$O/$img.dcm" "$TMP/$img.raw"
done
for k in 1 4 5; do
  pvrg-jpeg -iw 64 -ih 48 -k $k -p 16 -s "$TMP/u16-k$k.jpg" "$TMP/u16.raw" >/dev/null 2>&1
  $PY wrap "$O/u16.dcm" 1.2.840.10008.1.2.4.57 "$OUT/pvrg/u16-k$k.dcm" "$TMP/u16-k$k.jpg"
done
for r in 64 192; do
  pvrg-jpeg -iw 64 -ih 48 -k 1 -p 16 -r $r -s "$TMP/u16r$r.jpg" "$TMP/u16-midcol.raw" >/dev/null 2>&1
  $PY wrap "$O/u16-midcol.dcm" 1.2.840.10008.1.2.4.70 "$OUT/pvrg/u16-midcol-k1-r$r.dcm" "$TMP/u16r$r.jpg"
done
pvrg-jpeg -iw 64 -ih 48 -k 1 -p 8 -r 128 -s "$TMP/u8.jpg" "$TMP/u8-midcol.raw" >/dev/null 2>&1
$PY wrap "$O/u8-midcol.dcm" 1.2.840.10008.1.2.4.70 "$OUT/pvrg/u8-midcol-k1-r128.dcm" "$TMP/u8.jpg"

# --- 512 x 512 12-bit slice for DicomDecodeBench (nacrad-bench); the original is not stored ---------------
mkdir -p "$OUT/bench"
$PY big "$TMP/mr512.dcm"
dcmcjpeg +e1 "$TMP/mr512.dcm" "$OUT/bench/mr512-sv1.dcm"
dcmcjpls +el "$TMP/mr512.dcm" "$OUT/bench/mr512-jls.dcm"

# --- corrupted streams -------------------------------------------------------------------------------
mkdir -p "$OUT/corrupt"
/usr/bin/python3 - "$OUT" <<'PYEOF'
import sys
out = sys.argv[1]
for src, dst in (("dcmtk/u16-sv1.dcm", "corrupt/u16-sv1-truncated.dcm"), ("dcmtk/u16-jls.dcm", "corrupt/u16-jls-truncated.dcm")):
    import pydicom
    from pydicom.encaps import encapsulate, generate_pixel_data_frame
    d = pydicom.dcmread(out + "/" + src)
    f = next(generate_pixel_data_frame(d.PixelData, 1))
    d.PixelData = encapsulate([f[: len(f) // 3]], has_bot=True)
    d.save_as(out + "/" + dst, write_like_original=False)
PYEOF

{
  echo "generated by nacrad-image/src/test/fixtures-gen/dicom/make_compressed_fixtures.sh"
  /usr/bin/python3 -c "import pydicom, numpy; print('pydicom', pydicom.__version__, 'numpy', numpy.__version__)"
  dcmcjpeg --version | head -1
  gdcmconv --version | head -1
  dpkg-query -W -f '${Package} ${Version}\n' dcmtk libgdcm-tools pvrg-jpeg libcharls2 libopenjp2-7
} > "$OUT/VERSIONS.txt"
du -sh "$OUT"
