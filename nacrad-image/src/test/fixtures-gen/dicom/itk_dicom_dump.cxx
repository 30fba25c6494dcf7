// Prints what ITK 5.2 (GDCMImageIO + ImageSeriesReader, the reader SimpleITK and PyRadiomics users rely on) reads
// from a DICOM series folder, as a plain text fixture for nacrad's DICOM tests. Built against Debian's
// libinsighttoolkit5-dev (see CMakeLists.txt; run by make_itk_dicom_fixtures.sh).
//
//   itk_dicom_dump <folder> [values|novalues]
//
// Output: "type <ITK component type>", then size, spacing, origin, direction (row-major), values (i fastest),
// numbers with 17 significant digits.
#include <cstdio>
#include <string>

#include "itkImage.h"
#include "itkGDCMImageIO.h"
#include "itkGDCMSeriesFileNames.h"
#include "itkImageSeriesReader.h"
#include "itkImageRegionConstIterator.h"

int main(int argc, char ** argv)
{
  if (argc < 2)
  {
    std::fprintf(stderr, "usage: itk_dicom_dump <folder> [values|novalues]\n");
    return 2;
  }
  using ImageType = itk::Image<double, 3>;
  auto names = itk::GDCMSeriesFileNames::New();
  names->SetDirectory(argv[1]);
  const auto & uids = names->GetSeriesUIDs();
  if (uids.size() != 1)
  {
    std::fprintf(stderr, "%s: %zu series\n", argv[1], uids.size());
    return 1;
  }
  auto io = itk::GDCMImageIO::New();
  auto reader = itk::ImageSeriesReader<ImageType>::New();
  reader->SetImageIO(io);
  reader->SetFileNames(names->GetFileNames(uids[0]));
  reader->Update();
  ImageType::Pointer img = reader->GetOutput();
  std::printf("type %s\n", io->GetComponentTypeAsString(io->GetComponentType()).c_str());
  auto size = img->GetLargestPossibleRegion().GetSize();
  std::printf("size %lu %lu %lu\n", size[0], size[1], size[2]);
  auto sp = img->GetSpacing();
  std::printf("spacing %.17g %.17g %.17g\n", sp[0], sp[1], sp[2]);
  auto o = img->GetOrigin();
  std::printf("origin %.17g %.17g %.17g\n", o[0], o[1], o[2]);
  auto d = img->GetDirection();
  std::printf("direction");
  for (unsigned r = 0; r < 3; ++r)
    for (unsigned c = 0; c < 3; ++c)
      std::printf(" %.17g", d[r][c]);
  std::printf("\n");
  if (argc < 3 || std::string(argv[2]) != "novalues")
  {
    std::printf("values");
    itk::ImageRegionConstIterator<ImageType> it(img, img->GetLargestPossibleRegion());
    for (it.GoToBegin(); !it.IsAtEnd(); ++it)
      std::printf(" %.17g", it.Get());
    std::printf("\n");
  }
  return 0;
}
