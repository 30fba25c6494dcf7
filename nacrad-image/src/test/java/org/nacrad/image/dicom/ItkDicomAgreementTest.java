package org.nacrad.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.testkit.ReferenceData;

/**
 * nacrad's DICOM series reader against ITK 5.2.1's GDCMImageIO + ImageSeriesReader (what SimpleITK, and so
 * PyRadiomics users, read), dumped by {@code src/test/fixtures-gen/dicom/itk_dicom_dump.cxx} into
 * {@code itk-*.txt}: same pixel type, geometry to 1e-9 mm, same voxel values.
 */
class ItkDicomAgreementTest {

    private static final Map<String, PixelType> ITK_TYPES = Map.of("unsigned_char", PixelType.UINT8,
            "char", PixelType.INT8, "unsigned_short", PixelType.UINT16, "short", PixelType.INT16,
            "unsigned_int", PixelType.UINT32, "int", PixelType.INT32, "float", PixelType.FLOAT32,
            "double", PixelType.FLOAT64);

    @ParameterizedTest
    @CsvSource({"oblique, itk-oblique.txt", "oblique-rle, itk-oblique-rle.txt", "axial, itk-axial.txt",
            "IBSI, itk-ibsi-ct.txt"})
    void sameAsItk(String series, String dump) throws Exception {
        Path folder = "IBSI".equals(series) ? ReferenceData.file("ibsi", "ct_phantom", "dicom", "image")
                : GeneratedFixturesTest.res(series);
        Volume v = ImageIO.read(folder);
        Map<String, String[]> itk = new HashMap<>();
        for (String line : Files.readAllLines(GeneratedFixturesTest.res(dump))) {
            String[] parts = line.trim().split(" ");
            itk.put(parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length));
        }
        assertThat(v.pixelType()).isEqualTo(ITK_TYPES.get(itk.get("type")[0]));
        Geometry g = v.geometry();
        String[] size = itk.get("size");
        assertThat(g.size()).containsExactly(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                Integer.parseInt(size[2]));
        assertThat(g.spacing()).containsExactly(numbers(itk.get("spacing")), offset(1e-9));
        assertThat(g.origin()).containsExactly(numbers(itk.get("origin")), offset(1e-9));
        assertThat(g.direction()).containsExactly(numbers(itk.get("direction")), offset(1e-9));
        if (itk.containsKey("values")) {
            assertThat(v.data()).containsExactly(numbers(itk.get("values")));
        }
    }

    private static double[] numbers(String[] s) {
        double[] v = new double[s.length];
        for (int n = 0; n < s.length; n++) {
            v[n] = Double.parseDouble(s[n]);
        }
        return v;
    }
}
