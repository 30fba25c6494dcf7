package org.nacrad.radiomics.features;

import java.util.List;

import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.mesh.Diameters;
import org.nacrad.radiomics.mesh.MarchingCubes;
import org.nacrad.radiomics.mesh.MeshMeasures;
import org.nacrad.radiomics.mesh.PrincipalAxes;

/**
 * PyRadiomics' {@code shape} class: size and shape of the 3D ROI, from its marching-cubes mesh ({@link
 * MarchingCubes}) and from the principal moments of its voxel centres ({@link PrincipalAxes}).
 *
 * <p>Worked example (also a unit test): one voxel of 1 × 1 × 1 mm. The mesh is the octahedron through the six face
 * centres: V = MeshVolume = 1/6, A = SurfaceArea = √3, VoxelVolume = 1, Maximum3DDiameter = 1 (opposite face
 * centres), Sphericity = ∛(36π V²)/A = ∛π/√3 ≈ 0.8463, and all axis lengths 0.
 *
 * <p>Let V be the mesh volume, A the mesh surface area, Nv the number of ROI voxels and λ₁ ≥ λ₂ ≥ λ₃ the principal
 * moments. Uses only the mask, its size and spacing ({@code levels} may be null); the voxel spacing is the only
 * geometry used (no direction), as in PyRadiomics.
 */
public final class Shape extends TableFamily<Shape.Measures> {

    /** Compactness1, Compactness2 and SphericalDisproportion are deprecated in PyRadiomics: computed on request. */
    static final FeatureTable<Measures> FEATURES = FeatureTable.<Measures>of("shape")
            .onRequest("Compactness1", m -> compactness1(m.area(), m.volume()))
            .onRequest("Compactness2", m -> compactness2(m.area(), m.volume()))
            .feature("Elongation", m -> ratio(m.eigenvalues()[1], m.eigenvalues()[2]))
            .feature("Flatness", m -> ratio(m.eigenvalues()[0], m.eigenvalues()[2]))
            .feature("LeastAxisLength", m -> axisLength(m.eigenvalues()[0]))
            .feature("MajorAxisLength", m -> axisLength(m.eigenvalues()[2]))
            .feature("Maximum2DDiameterColumn", m -> m.diameters()[1])
            .feature("Maximum2DDiameterRow", m -> m.diameters()[2])
            .feature("Maximum2DDiameterSlice", m -> m.diameters()[0])
            .feature("Maximum3DDiameter", m -> m.diameters()[3])
            .feature("MeshVolume", Measures::volume)
            .feature("MinorAxisLength", m -> axisLength(m.eigenvalues()[1]))
            .onRequest("SphericalDisproportion", m -> sphericalDisproportion(m.area(), m.volume()))
            .feature("Sphericity", m -> sphericity(m.area(), m.volume()))
            .feature("SurfaceArea", Measures::area)
            .feature("SurfaceVolumeRatio", m -> surfaceVolumeRatio(m.area(), m.volume()))
            .feature("VoxelVolume", Measures::voxelVolume)
            .build();

    public Shape() {
        super(FEATURES);
    }

    @Override
    protected List<Measures> prepare(FeatureInput input) {
        return List.of(Measures.of(input));
    }

    /**
     * The quantities every shape feature derives from, computed once per ROI: V, A, the voxel volume, the maximum
     * diameters (slice, column, row, 3D) and λ₃ ≤ λ₂ ≤ λ₁.
     */
    record Measures(double volume, double area, double voxelVolume, double[] diameters, double[] eigenvalues) {

        static Measures of(FeatureInput input) {
            if (input.roiVoxels() == 0) {
                throw new IllegalArgumentException("shape: the ROI is empty");
            }
            MeshMeasures mesh = MarchingCubes.mesh(input.mask(), input.size(), input.spacing());
            double[] sp = input.spacing();
            double voxelVolume = input.roiVoxels() * (sp[2] * sp[0] * sp[1]);
            return new Measures(mesh.volume(), mesh.surfaceArea(), voxelVolume, Diameters.feret3D(mesh.vertices()),
                    PrincipalAxes.eigenvalues(input.mask(), input.size(), sp));
        }
    }

    /** SurfaceVolumeRatio = A / V. */
    static double surfaceVolumeRatio(double a, double v) {
        return a / v;
    }

    /** Sphericity = ∛(36π V²) / A: 1 for a sphere, smaller otherwise. */
    static double sphericity(double a, double v) {
        return Math.pow(36 * Math.PI * v * v, 1.0 / 3.0) / a;
    }

    /** Compactness1 = V / (√π A^{3/2}) (deprecated in PyRadiomics, computed on request). */
    static double compactness1(double a, double v) {
        return v / (Math.pow(a, 3.0 / 2.0) * Math.sqrt(Math.PI));
    }

    /** Compactness2 = 36π V² / A³ = Sphericity³ (deprecated in PyRadiomics, computed on request). */
    static double compactness2(double a, double v) {
        return (36.0 * Math.PI) * (v * v) / (a * a * a);
    }

    /** SphericalDisproportion = A / ∛(36π V²) = 1 / Sphericity (deprecated in PyRadiomics, computed on request). */
    static double sphericalDisproportion(double a, double v) {
        return a / Math.pow(36 * Math.PI * v * v, 1.0 / 3.0);
    }

    /** Axis length = 4√λ; NaN for a negative eigenvalue (as PyRadiomics). */
    static double axisLength(double lambda) {
        return lambda < 0 ? Double.NaN : 4 * Math.sqrt(lambda);
    }

    /** Elongation = √(λ₂/λ₁), Flatness = √(λ₃/λ₁); NaN for a negative eigenvalue (as PyRadiomics). */
    static double ratio(double small, double large) {
        return small < 0 || large < 0 ? Double.NaN : Math.sqrt(small / large);
    }
}
