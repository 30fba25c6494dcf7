package org.nacrad.radiomics.mesh;

/**
 * What the marching-cubes mesh of a mask yields.
 *
 * @param surfaceArea sum of the triangle areas, in mm²
 * @param volume      signed volume enclosed by the mesh, in mm³ (sum of origin-based tetrahedra)
 * @param vertices    the mesh vertices, each once
 */
public record MeshMeasures(double surfaceArea, double volume, HalfGridPoints vertices) {
}
