package org.nacrad.radiomics.features;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.mesh.ContourMeasures;
import org.nacrad.radiomics.mesh.Diameters;
import org.nacrad.radiomics.mesh.MarchingSquares;
import org.nacrad.radiomics.mesh.PrincipalAxes;

/**
 * PyRadiomics' {@code shape2D} class: size and shape of a single-slice ROI, from its marching-squares contour
 * ({@link MarchingSquares}) and the principal moments of its pixel centres ({@link PrincipalAxes}).
 *
 * <p>Worked example (also a unit test): one pixel of 1 × 1 mm. The contour is the diamond through the four edge
 * midpoints: A = MeshSurface = ½, P = Perimeter = 2√2, PixelSurface = 1, MaximumDiameter = 1, Sphericity =
 * 2√(πA)/P = √(π/2)/(√2) ≈ 0.8862, and both axis lengths 0.
 *
 * <p>Only with {@code force2D}: the ROI box must be one voxel thick along {@code force2Ddimension} (0 = z, 1 = y,
 * 2 = x), which is dropped; the two remaining axes keep PyRadiomics' order (z, y, x minus the dropped one). A thicker
 * ROI is an error, as in PyRadiomics (which aborts the extraction).
 */
public final class Shape2D implements FeatureFamily {

    private static final List<String> ALL = List.of("MeshSurface", "PixelSurface", "Perimeter",
            "PerimeterSurfaceRatio", "Sphericity", "SphericalDisproportion", "MaximumDiameter", "MajorAxisLength",
            "MinorAxisLength", "Elongation");

    private static final List<String> DEPRECATED = List.of("SphericalDisproportion");

    @Override
    public String name() {
        return "shape2D";
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

    /** The quantities every shape2D feature derives from. */
    record Measures(double surface, double perimeter, double pixelSurface, double diameter, double[] eigenvalues) {

        static Measures of(FeatureInput input) {
            if (!input.settings().force2D()) {
                throw new IllegalArgumentException("shape2D needs force2D: true (the ROI is 3D)");
            }
            int drop = input.settings().force2Ddimension();
            int[] size = input.size(); // x, y, z
            int dropped = 2 - drop; // index into size/spacing (x = 0, y = 1, z = 2)
            if (size[dropped] > 1) {
                throw new IllegalArgumentException("shape2D needs an ROI on a single slice along "
                        + "xyz".charAt(dropped) + " (force2Ddimension " + drop + "), but it spans " + size[dropped]
                        + " slices");
            }
            if (input.roiVoxels() == 0) {
                throw new IllegalArgumentException("shape2D: the ROI is empty");
            }
            // The two kept axes in PyRadiomics' order (z, y, x without the dropped one): the slower one gives rows.
            int fast = dropped == 0 ? 1 : 0;          // x unless x is dropped
            int slow = dropped == 2 ? 1 : 2;          // z unless z is dropped
            double[] sp = input.spacing();
            boolean[] plane = input.mask(); // one voxel thick: the box buffer is already the plane, fast axis first
            ContourMeasures c = MarchingSquares.contour(plane, size[slow], size[fast], new double[] {sp[slow], sp[fast]});
            double pixelSurface = input.roiVoxels() * (sp[fast] * sp[slow]);
            double[] ev = PrincipalAxes.eigenvalues(plane, new int[] {size[fast], size[slow]},
                    new double[] {sp[fast], sp[slow]});
            return new Measures(c.surface(), c.perimeter(), pixelSurface, Diameters.feret2D(c.vertices()), ev);
        }
    }

    private static double value(Measures m, String f) {
        double[] ev = m.eigenvalues();
        return switch (f) {
            case "MeshSurface" -> m.surface();
            case "PixelSurface" -> m.pixelSurface();
            case "Perimeter" -> m.perimeter();
            case "PerimeterSurfaceRatio" -> m.perimeter() / m.surface();
            case "Sphericity" -> sphericity(m.perimeter(), m.surface());
            case "SphericalDisproportion" -> 1.0 / sphericity(m.perimeter(), m.surface());
            case "MaximumDiameter" -> m.diameter();
            case "MajorAxisLength" -> Shape.axisLength(ev[1]);
            case "MinorAxisLength" -> Shape.axisLength(ev[0]);
            case "Elongation" -> Shape.ratio(ev[0], ev[1]);
            default -> throw new IllegalArgumentException("shape2D has no feature '" + f + "'");
        };
    }

    /** Sphericity = 2√(πA) / P: 1 for a circle (perimeter of the circle of equal area over the perimeter). */
    static double sphericity(double perimeter, double surface) {
        return (2 * Math.sqrt(Math.PI * surface)) / perimeter;
    }
}
