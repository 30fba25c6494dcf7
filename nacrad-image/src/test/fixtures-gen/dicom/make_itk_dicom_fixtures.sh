#!/bin/sh
# Regenerates all DICOM fixtures: the pydicom-written files and their expected-*.txt, then what ITK 5.2's GDCM
# reader (Debian libinsighttoolkit5-dev) reads from some of them, as itk-*.txt. Run from the repository root.
set -e
here=$(dirname "$0")
res=$here/../../resources/dicom
build=$(mktemp -d)
/usr/bin/python3 "$here/make_dicom_fixtures.py"
cmake -S "$here" -B "$build" >/dev/null
cmake --build "$build" >/dev/null
for s in oblique oblique-rle axial; do
  "$build/itk_dicom_dump" "$res/$s" > "$res/itk-$s.txt"
done
# The IBSI CT phantom (reference data, not copied): geometry and pixel type only.
"$build/itk_dicom_dump" "${NACRAD_REFERENCE:-../shared/reference}/ibsi/ct_phantom/dicom/image" novalues > "$res/itk-ibsi-ct.txt"
echo "ITK $(dpkg-query -W -f='${Version}' libinsighttoolkit5-dev), GDCM $(dpkg-query -W -f='${Version}' libgdcm-dev)" >> "$res/VERSIONS.txt"
