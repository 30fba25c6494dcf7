// Reference outputs of the ITK filters behind PyRadiomics' LoG and Gradient image types, run exactly as
// SimpleITK runs them (output pixel type float, one image per call).
//
//   itk_filters log      <short|float> nx ny nz sx sy sz in.f64 out.f32 sigma
//   itk_filters gradient <short|float> nx ny nz sx sy sz in.f64 out.f32 useSpacing(0|1)
//
// in.f64: nx*ny*nz little-endian float64 voxel values, x fastest (converted to the pixel type first);
// out.f32: the filter output, float32, same layout. Built and run by itk_fixtures.sh against Debian's ITK 5.2.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "itkGradientMagnitudeImageFilter.h"
#include "itkImage.h"
#include "itkImageRegionIterator.h"
#include "itkLaplacianRecursiveGaussianImageFilter.h"

using OutputImage = itk::Image<float, 3>;

template <typename TPixel>
typename itk::Image<TPixel, 3>::Pointer
readImage(const std::vector<double> & values, const unsigned long size[3], const double spacing[3])
{
  using ImageType = itk::Image<TPixel, 3>;
  auto image = ImageType::New();
  typename ImageType::RegionType region;
  typename ImageType::SizeType s;
  typename ImageType::SpacingType sp;
  for (int a = 0; a < 3; ++a)
  {
    s[a] = size[a];
    sp[a] = spacing[a];
  }
  region.SetSize(s);
  image->SetRegions(region);
  image->SetSpacing(sp);
  image->Allocate();
  itk::ImageRegionIterator<ImageType> it(image, region);
  size_t n = 0;
  for (it.GoToBegin(); !it.IsAtEnd(); ++it)
  {
    it.Set(static_cast<TPixel>(values[n++]));
  }
  return image;
}

template <typename TPixel>
OutputImage::Pointer
run(const std::string & op, const std::vector<double> & values, const unsigned long size[3],
    const double spacing[3], double parameter)
{
  using ImageType = itk::Image<TPixel, 3>;
  auto image = readImage<TPixel>(values, size, spacing);
  if (op == "log")
  {
    auto filter = itk::LaplacianRecursiveGaussianImageFilter<ImageType, OutputImage>::New();
    filter->SetNormalizeAcrossScale(true); // as PyRadiomics sets it
    filter->SetSigma(parameter);
    filter->SetInput(image);
    filter->Update();
    return filter->GetOutput();
  }
  auto filter = itk::GradientMagnitudeImageFilter<ImageType, OutputImage>::New();
  filter->SetUseImageSpacing(parameter != 0);
  filter->SetInput(image);
  filter->Update();
  return filter->GetOutput();
}

int
main(int argc, char * argv[])
{
  if (argc != 12)
  {
    std::cerr << "usage: itk_filters log|gradient short|float nx ny nz sx sy sz in.f64 out.f32 parameter\n";
    return 2;
  }
  const std::string op = argv[1];
  const std::string type = argv[2];
  unsigned long size[3];
  double spacing[3];
  for (int a = 0; a < 3; ++a)
  {
    size[a] = std::stoul(argv[3 + a]);
    spacing[a] = std::stod(argv[6 + a]);
  }
  const double parameter = std::stod(argv[11]);
  const size_t count = size[0] * size[1] * size[2];
  std::vector<double> values(count);
  std::ifstream in(argv[9], std::ios::binary);
  in.read(reinterpret_cast<char *>(values.data()), count * sizeof(double));
  if (!in)
  {
    std::cerr << argv[9] << ": cannot read " << count << " float64 values\n";
    return 1;
  }
  OutputImage::Pointer out = type == "short" ? run<short>(op, values, size, spacing, parameter)
                                             : run<float>(op, values, size, spacing, parameter);
  std::ofstream os(argv[10], std::ios::binary);
  os.write(reinterpret_cast<const char *>(out->GetBufferPointer()), count * sizeof(float));
  return os ? 0 : 1;
}
