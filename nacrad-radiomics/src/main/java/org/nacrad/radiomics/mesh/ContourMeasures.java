package org.nacrad.radiomics.mesh;

/**
 * What the marching-squares contour of a 2D mask yields.
 *
 * @param perimeter sum of the segment lengths, in mm
 * @param surface   signed area enclosed by the contour, in mm² (shoelace formula over the segments)
 * @param vertices  the contour vertices, each once
 */
public record ContourMeasures(double perimeter, double surface, HalfGridPoints vertices) {
}
