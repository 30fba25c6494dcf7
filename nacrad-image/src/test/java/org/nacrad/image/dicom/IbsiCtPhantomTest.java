package org.nacrad.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.testkit.ReferenceData;

/**
 * The IBSI 1 CT radiomics phantom: its DICOM series and RTSTRUCT read by nacrad against the NIfTI version IBSI
 * distributes with it (converted by the IBSI team with an independent tool).
 */
class IbsiCtPhantomTest {

    private static Path dicom(String part) {
        return ReferenceData.file("ibsi", "ct_phantom", "dicom", part);
    }

    @Test
    void dicomSeriesEqualsTheNiftiVoxelForVoxel() throws Exception {
        Volume dcm = ImageIO.read(dicom("image"));
        Volume nii = ImageIO.read(ReferenceData.file("ibsi", "ct_phantom", "nifti", "image.nii.gz"));
        Geometry g = dcm.geometry();
        // NIfTI stores its affine in float32: geometry agrees to float32 precision of ~200 mm values.
        assertThat(g.mismatch(nii.geometry(), 1e-5)).isNull();
        assertThat(g.size()).containsExactly(204, 201, 60);
        assertThat(g.spacing()).containsExactly(new double[] {0.97699999809265, 0.97699999809265, 3.0},
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.origin()).containsExactly(new double[] {-174.39450073242, -79.625503540039, -100.4000015258789},
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.direction()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(dcm.pixelType()).isEqualTo(PixelType.INT16);
        int differing = 0;
        for (int n = 0; n < dcm.data().length; n++) {
            if (dcm.data()[n] != nii.data()[n]) {
                differing++;
            }
        }
        assertThat(differing).isZero();
    }

    @Test
    void rtstructRasterisesToTheNiftiMask() throws Exception {
        Volume mask = ImageIO.readMask(dicom("mask/DCM_RS_00060.dcm"), dicom("image"), "GTV-1");
        Volume nii = ImageIO.read(ReferenceData.file("ibsi", "ct_phantom", "nifti", "mask.nii.gz"));
        assertThat(mask.geometry().mismatch(nii.geometry(), 1e-5)).isNull();
        int both = 0, onlyDicom = 0, onlyNifti = 0;
        for (int n = 0; n < mask.data().length; n++) {
            boolean a = mask.data()[n] == 1, b = nii.data()[n] == 1;
            both += a && b ? 1 : 0;
            onlyDicom += a && !b ? 1 : 0;
            onlyNifti += !a && b ? 1 : 0;
        }
        double dice = 2.0 * both / (2 * both + onlyDicom + onlyNifti);
        System.out.printf("IBSI CT phantom RTSTRUCT: %d voxels in both, %d only in nacrad, %d only in NIfTI, Dice %.6f%n",
                both, onlyDicom, onlyNifti, dice);
        assertThat(both).isEqualTo(125256);
        assertThat(onlyDicom + onlyNifti).isZero();
    }
}
