// Prints what ITK 5.2 reads from an image file, or what its ResampleImageFilter produces, as plain text
// fixtures for the nacrad-image tests. Built against Debian's libinsighttoolkit5-dev (see CMakeLists.txt).
//
//   itk_dump read <file>...
//   itk_dump resample <file> <nn|linear|bspline> <short|float|double> nx ny nz sx sy sz ox oy oz d0..d8 default
//
// Numbers are printed with 17 significant digits so that doubles round-trip exactly.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "itkImage.h"
#include "itkImageFileReader.h"
#include "itkImageIOFactory.h"
#include "itkImageRegionConstIterator.h"
#include "itkResampleImageFilter.h"
#include "itkIdentityTransform.h"
#include "itkNearestNeighborInterpolateImageFunction.h"
#include "itkLinearInterpolateImageFunction.h"
#include "itkBSplineInterpolateImageFunction.h"

template <typename TImage>
static void printGeometry(const TImage * img)
{
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
}

template <typename TImage>
static void printValues(const TImage * img)
{
  std::printf("values");
  itk::ImageRegionConstIterator<TImage> it(img, img->GetLargestPossibleRegion());
  for (it.GoToBegin(); !it.IsAtEnd(); ++it)
    std::printf(" %.17g", static_cast<double>(it.Get()));
  std::printf("\n");
}

static int readOne(const char * file)
{
  auto io = itk::ImageIOFactory::CreateImageIO(file, itk::ImageIOFactory::FileModeEnum::ReadMode);
  if (!io)
  {
    std::printf("file %s\nerror no ImageIO can read it\n", file);
    return 0;
  }
  io->SetFileName(file);
  try
  {
    io->ReadImageInformation();
  }
  catch (itk::ExceptionObject & e)
  {
    std::printf("file %s\nerror %s\n", file, e.GetDescription());
    return 0;
  }
  using ImageType = itk::Image<double, 3>;
  auto reader = itk::ImageFileReader<ImageType>::New();
  reader->SetFileName(file);
  reader->Update();
  std::printf("file %s\n", file);
  std::printf("type %s\n", itk::ImageIOBase::GetComponentTypeAsString(io->GetComponentType()).c_str());
  printGeometry(reader->GetOutput());
  printValues(reader->GetOutput());
  return 0;
}

template <typename TIn, typename TOut>
static int resample(char ** a)
{
  using InImage = itk::Image<TIn, 3>;
  using OutImage = itk::Image<TOut, 3>;
  auto reader = itk::ImageFileReader<InImage>::New();
  reader->SetFileName(a[0]);
  reader->Update();
  auto filter = itk::ResampleImageFilter<InImage, OutImage, double, double>::New();
  filter->SetInput(reader->GetOutput());
  filter->SetTransform(itk::IdentityTransform<double, 3>::New());
  std::string interp = a[1];
  if (interp == "nn")
    filter->SetInterpolator(itk::NearestNeighborInterpolateImageFunction<InImage, double>::New());
  else if (interp == "linear")
    filter->SetInterpolator(itk::LinearInterpolateImageFunction<InImage, double>::New());
  else
  {
    auto b = itk::BSplineInterpolateImageFunction<InImage, double>::New();
    b->SetSplineOrder(3);
    filter->SetInterpolator(b);
  }
  typename OutImage::SizeType size;
  typename OutImage::SpacingType spacing;
  typename OutImage::PointType origin;
  typename OutImage::DirectionType dir;
  for (unsigned i = 0; i < 3; ++i)
  {
    size[i] = std::strtoul(a[3 + i], nullptr, 10);
    spacing[i] = std::strtod(a[6 + i], nullptr);
    origin[i] = std::strtod(a[9 + i], nullptr);
  }
  for (unsigned i = 0; i < 9; ++i)
    dir[i / 3][i % 3] = std::strtod(a[12 + i], nullptr);
  filter->SetSize(size);
  filter->SetOutputSpacing(spacing);
  filter->SetOutputOrigin(origin);
  filter->SetOutputDirection(dir);
  filter->SetDefaultPixelValue(static_cast<TOut>(std::strtod(a[21], nullptr)));
  filter->Update();
  printGeometry(filter->GetOutput());
  printValues(filter->GetOutput());
  return 0;
}

template <typename TIn>
static int resampleTo(char ** a)
{
  std::string out = a[2];
  if (out == "short")
    return resample<TIn, short>(a);
  if (out == "float")
    return resample<TIn, float>(a);
  return resample<TIn, double>(a);
}

int main(int argc, char ** argv)
{
  if (argc < 3)
    return 2;
  std::string mode = argv[1];
  if (mode == "read")
  {
    for (int i = 2; i < argc; ++i)
      readOne(argv[i]);
    return 0;
  }
  if (argc < 24)
    return 2;
  auto io = itk::ImageIOFactory::CreateImageIO(argv[2], itk::ImageIOFactory::FileModeEnum::ReadMode);
  io->SetFileName(argv[2]);
  io->ReadImageInformation();
  if (io->GetComponentType() == itk::IOComponentEnum::SHORT)
    return resampleTo<short>(argv + 2);
  return resampleTo<float>(argv + 2);
}
