package org.nacrad.radiomics.features;

import java.util.List;

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
public final class Shape2D extends TableFamily<Shape2D.Measures> {

    /** SphericalDisproportion is deprecated in PyRadiomics: computed on request. */
    static final FeatureTable<Measures> FEATURES = FeatureTable.<Measures>of("shape2D")
            .feature("Elongation", m -> Shape.ratio(m.eigenvalues()[0], m.eigenvalues()[1]))
            .feature("MajorAxisLength", m -> Shape.axisLength(m.eigenvalues()[1]))
            .feature("MaximumDiameter", Measures::diameter)
            .feature("MeshSurface", Measures::surface)
            .feature("MinorAxisLength", m -> Shape.axisLength(m.eigenvalues()[0]))
            .feature("Perimeter", Measures::perimeter)
            .feature("PerimeterSurfaceRatio", m -> m.perimeter() / m.surface())
            .feature("PixelSurface", Measures::pixelSurface)
            .onRequest("SphericalDisproportion", m -> 1.0 / sphericity(m.perimeter(), m.surface()))
            .feature("Sphericity", m -> sphericity(m.perimeter(), m.surface()))
            .build();

    public Shape2D() {
        super(FEATURES);
    }

    @Override
    protected List<Measures> prepare(FeatureInput input) {
        return List.of(Measures.of(input));
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

    /** Sphericity = 2√(πA) / P: 1 for a circle (perimeter of the circle of equal area over the perimeter). */
    static double sphericity(double perimeter, double surface) {
        return (2 * Math.sqrt(Math.PI * surface)) / perimeter;
    }
}
