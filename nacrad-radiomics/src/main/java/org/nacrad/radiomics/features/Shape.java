package org.nacrad.radiomics.features;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.radiomics.FeatureFamily;
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
public final class Shape implements FeatureFamily {

    private static final List<String> ALL = List.of("MeshVolume", "VoxelVolume", "SurfaceArea", "SurfaceVolumeRatio",
            "Sphericity", "Compactness1", "Compactness2", "SphericalDisproportion", "Maximum3DDiameter",
            "Maximum2DDiameterSlice", "Maximum2DDiameterColumn", "Maximum2DDiameterRow", "MajorAxisLength",
            "MinorAxisLength", "LeastAxisLength", "Elongation", "Flatness");

    private static final List<String> DEPRECATED = List.of("Compactness1", "Compactness2", "SphericalDisproportion");

    @Override
    public String name() {
        return "shape";
    }

    @Override
    public List<String> featureNames() {
        return ALL;
    }

    @Override
    public List<String> defaultFeatureNames() {
        return ALL.stream().filter(f -> !DEPRECATED.contains(f)).toList();
    }

    @Override
    public Map<String, Double> compute(FeatureInput input, Collection<String> features) {
        requireKnown(features);
        Measures m = Measures.of(input);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String f : features) {
            out.put(f, value(m, f));
        }
        return out;
    }

    /** The quantities every shape feature derives from, computed once per ROI. */
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

    private static double value(Measures m, String f) {
        double[] ev = m.eigenvalues();
        return switch (f) {
            case "MeshVolume" -> m.volume();
            case "VoxelVolume" -> m.voxelVolume();
            case "SurfaceArea" -> m.area();
            case "SurfaceVolumeRatio" -> surfaceVolumeRatio(m.area(), m.volume());
            case "Sphericity" -> sphericity(m.area(), m.volume());
            case "Compactness1" -> compactness1(m.area(), m.volume());
            case "Compactness2" -> compactness2(m.area(), m.volume());
            case "SphericalDisproportion" -> sphericalDisproportion(m.area(), m.volume());
            case "Maximum3DDiameter" -> m.diameters()[3];
            case "Maximum2DDiameterSlice" -> m.diameters()[0];
            case "Maximum2DDiameterColumn" -> m.diameters()[1];
            case "Maximum2DDiameterRow" -> m.diameters()[2];
            case "MajorAxisLength" -> axisLength(ev[2]);
            case "MinorAxisLength" -> axisLength(ev[1]);
            case "LeastAxisLength" -> axisLength(ev[0]);
            case "Elongation" -> ratio(ev[1], ev[2]);
            case "Flatness" -> ratio(ev[0], ev[2]);
            default -> throw new IllegalArgumentException("shape has no feature '" + f + "'");
        };
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
