package org.nacrad.radiomics.mesh;

/**
 * Points on the half-voxel lattice of a mask, the vertices of a marching-cubes mesh or marching-squares contour.
 *
 * <p>A vertex sits at the midpoint of a grid edge, so each coordinate is an integer or half an integer in voxel
 * units. Coordinates are stored doubled ({@code 2 × index}), exactly, as ints; the physical coordinate along axis
 * {@code d} is {@code (h / 2.0) × spacing[d]}, bit-for-bit what PyRadiomics computes as {@code (index + 0.5) ×
 * spacing}. Axes are in PyRadiomics' array order (z, y, x in 3D; row, column in 2D).
 *
 * @param dimension 2 or 3
 * @param halfCoordinates {@code count × dimension} doubled coordinates, point after point
 * @param count     number of points
 * @param spacing   voxel size along each axis, same order as the coordinates
 */
public record HalfGridPoints(int dimension, int[] halfCoordinates, int count, double[] spacing) {

    /** Physical coordinate of point {@code p} along axis {@code d}, in mm. */
    public double coordinate(int p, int d) {
        return (halfCoordinates[p * dimension + d] * 0.5) * spacing[d];
    }
}
