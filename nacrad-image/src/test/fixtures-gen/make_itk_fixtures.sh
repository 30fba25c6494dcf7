#!/bin/sh
# Regenerates nacrad-image/src/test/resources/itk: the NIfTI inputs (make_nifti_fixtures.py, nibabel 5.0.0,
# numpy 1.24.2) and what ITK 5.2.1 (Debian libinsighttoolkit5-dev 5.2.1-5+deb12u1) reads from them and produces
# when resampling them (itk_dump.cxx). Run from the repository root:
#   sh nacrad-image/src/test/fixtures-gen/make_itk_fixtures.sh
# The reference data are read from ../shared/reference (or $NACRAD_REFERENCE); itk_dump is built in a temporary folder.
set -e
here=nacrad-image/src/test/fixtures-gen
res=nacrad-image/src/test/resources/itk
build=$(mktemp -d)
ref=$(cd "${NACRAD_REFERENCE:-../shared/reference}" && pwd)
cmake -S $here -B $build >/dev/null
cmake --build $build >/dev/null
rm -rf $res && mkdir -p $res
/usr/bin/python3 $here/make_nifti_fixtures.py $res
# files written by nacrad's own writers (needs the module's compiled classes: mvn ... -Dnacrad.targetDir=target-io test)
classes=nacrad-image/${NACRAD_TARGET:-target-io}
java -cp $classes/classes:$classes/test-classes org.nacrad.image.io.WrittenFixtures $res
cd $res
$build/itk_dump read $(ls written_*) > itk_written.txt
$build/itk_dump read $(ls *.nii *.nii.gz *.hdr *.nrrd *.nhdr | grep -v '^written_' | sort) > itk_read.txt
ct=$ref/ibsi/ct_phantom/nifti
dp=$ref/ibsi/digital_phantom
pr=$ref/pyradiomics
$build/itk_dump read $ct/image.nii.gz $ct/mask.nii.gz $dp/image.nii.gz $dp/mask.nii.gz $pr/breast1_image.nrrd $pr/brain1_image.nrrd \
  | grep -v '^values' | sed "s|$ref/||" > itk_read_reference.txt
# target grids: "case <name> <input> <interp> <output type> <size> <spacing> <origin> <direction> <default>"
rs() {
  echo "case $*"
  $build/itk_dump resample "$@"
}
{
  for interp in nn linear bspline; do
    for out in short double; do
      rs resample_in_int16.nii $interp $out 8 7 6 0.7 1.3 1.7 -2.1 3.3 4.2 \
        0.99 -0.1 0.0999 0.1 0.995 -0.0098 -0.0985 0 0.995 -7
    done
    for out in float double; do
      rs resample_in_float32.nii $interp $out 16 11 8 0.6 0.9 1.1 -2.3 1.4 0.1 -1 0 0 0 -1 0 0 0 1 -1000.5
      # every point on a half-voxel tie, first and last points exactly on -0.5 and size - 0.5
      rs resample_in_float32.nii $interp $out 19 17 15 0.5 0.625 0.75 -1.5 1.625 -0.25 -1 0 0 0 -1 0 0 0 1 -1000.5
    done
  done
} > itk_resample.txt
