#!/usr/bin/python3
"""Independent reference values for nacrad's shape tests (MeshShapeReferenceTest).

Run: /usr/bin/python3 nacrad-radiomics/src/test/fixtures-gen/shape_reference.py
Writes nacrad-radiomics/src/test/resources/org/nacrad/radiomics/mesh/shape_reference.csv

For two voxelised shapes, defined by integer inequalities that the Java test reproduces exactly:
  sphere:  x^2 + y^2 + z^2 <= 36                       (box 13^3)
  tilted:  4(x+y)^2 + 9(x-y)^2 + 25 z^2 <= 900          (an ellipsoid at 45 degrees in the x-y plane)
it computes, without nacrad's code or any marching-cubes table:
  * MeshVolume and SurfaceArea of the PyRadiomics mesh (isotropic spacing only): marching cubes on the mask padded
    with one voxel of zeros, vertices at edge midpoints, cases with corner p7 inside replaced by their complement
    (volume negated). The polygons of each case are traced here from the corner states (each run of inside corners
    on a face is cut off by one segment) and triangulated with the largest-area triangulation, found by dynamic
    programming over all triangulations. With isotropic spacing that triangulation has the same area as the classic
    table's; it is not a copy of any table.
  * Maximum3DDiameter and the three 2D diameters by brute force over all pairs of mesh vertices (numpy).
  * The principal moments: numpy.linalg.eigvals of the population covariance of the physical voxel centres, as
    PyRadiomics' shape.py does.
Axes: arrays are [z, y, x]; spacing is given as (x, y, z) in the CSV.
"""
import functools
import itertools
import os
import sys

import numpy as np

CORNERS = [(0, 0, 0), (0, 0, 1), (0, 1, 1), (0, 1, 0), (1, 0, 0), (1, 0, 1), (1, 1, 1), (1, 1, 0)]  # z, y, x
EDGES = [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (5, 6), (6, 7), (7, 4), (0, 4), (1, 5), (2, 6), (3, 7)]


def midpoint(e):
    a, b = EDGES[e]
    return np.array([(CORNERS[a][d] + CORNERS[b][d]) / 2 for d in range(3)])


def edge_of(a, b):
    return next(i for i, (p, q) in enumerate(EDGES) if {p, q} == {a, b})


def faces():
    out = []
    for axis in range(3):
        for side in (0, 1):
            cs = [c for c in range(8) if CORNERS[c][axis] == side]
            cyc = [cs[0]]
            while len(cyc) < 4:
                cyc.append(next(c for c in cs if c not in cyc
                                and sum(abs(CORNERS[c][d] - CORNERS[cyc[-1]][d]) for d in range(3)) == 1))
            p = [np.array(CORNERS[c], float) for c in cyc]
            normal = np.cross(p[1] - p[0], p[2] - p[1])
            if normal[axis] * (1 if side else -1) < 0:
                cyc.reverse()
            out.append(cyc)
    return out


FACES = faces()


def polygons(idx):
    """Closed loops of edge numbers, oriented so that fan triangles face outward."""
    nxt = {}
    for f in FACES:
        inside = [(idx >> c) & 1 for c in f]
        for q in range(4):
            if inside[q] and not inside[q - 1]:
                last = q
                while inside[(last + 1) % 4]:
                    last = (last + 1) % 4
                nxt[edge_of(f[q - 1], f[q])] = edge_of(f[last], f[(last + 1) % 4])
    loops, seen = [], set()
    for e in sorted(nxt):
        if e not in seen:
            loop = [e]
            seen.add(e)
            while nxt[loop[-1]] != e:
                loop.append(nxt[loop[-1]])
                seen.add(loop[-1])
            loops.append(loop)
    return loops


def tri_area(a, b, c):
    return 0.5 * np.linalg.norm(np.cross(midpoint(b) - midpoint(a), midpoint(c) - midpoint(a)))


def max_area_triangulation(loop):
    loop = tuple(loop)

    @functools.lru_cache(None)
    def best(i, j):
        if j - i < 2:
            return 0.0, ()
        options = []
        for k in range(i + 1, j):
            s1, t1 = best(i, k)
            s2, t2 = best(k, j)
            options.append((s1 + s2 + tri_area(loop[i], loop[k], loop[j]), t1 + t2 + ((loop[i], loop[k], loop[j]),)))
        return max(options, key=lambda o: o[0])

    return best(0, len(loop) - 1)[1]


CASES = [[t for loop in polygons(idx) for t in max_area_triangulation(loop)] for idx in range(128)]


def mesh(mask, spacing_zyx):
    m = np.pad(mask, 1).astype(int)
    nz, ny, nx = m.shape
    idx = np.zeros((nz - 1, ny - 1, nx - 1), int)
    for bit, (dz, dy, dx) in enumerate(CORNERS):
        idx |= m[dz:dz + nz - 1, dy:dy + ny - 1, dx:dx + nx - 1] << bit
    area = volume = 0.0
    for z, y, x in zip(*np.nonzero((idx != 0) & (idx != 255))):
        case, sign = idx[z, y, x], 1
        if case & 128:
            case, sign = case ^ 255, -1
        for t in CASES[case]:
            a, b, c = [(np.array([z, y, x]) + midpoint(e)) * spacing_zyx for e in t]
            volume += sign * np.dot(np.cross(a, b), c)
            area += 0.5 * np.linalg.norm(np.cross(a - c, b - c))
    return area, volume / 6


def vertices(mask, spacing_zyx):
    """Midpoints of all grid edges (of the padded mask) whose two voxels differ."""
    m = np.pad(mask, 1)
    pts = []
    for axis in range(3):
        a = np.moveaxis(m, axis, 0)
        diff = a[1:] != a[:-1]
        for p in zip(*np.nonzero(diff)):
            q = list(p)
            q[0] = q[0] + 0.5
            q = np.array(q)
            q = np.insert(np.delete(q, 0), axis, q[0]) if axis else q
            pts.append(q)
    return np.array(pts) * spacing_zyx


def diameters(pts):
    d2 = ((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1)
    out = []
    for axis in range(3):  # equal z (Slice), equal y (Column), equal x (Row)
        same = pts[:, None, axis] == pts[None, :, axis]
        out.append(np.sqrt(np.max(np.where(same, d2, 0))))
    out.append(np.sqrt(d2.max()))
    return out


def eigenvalues(mask, spacing_zyx):
    coords = np.array(np.nonzero(mask), dtype=int).T * spacing_zyx
    coords -= coords.mean(axis=0)
    coords /= np.sqrt(len(coords))
    ev = np.linalg.eigvals(coords.T @ coords)
    return np.sort(ev.real)


def shape(name):
    r = np.arange(-8, 9)
    z, y, x = np.meshgrid(r, r, r, indexing="ij")
    if name == "sphere":
        m = x * x + y * y + z * z <= 36
    else:
        m = 4 * (x + y) ** 2 + 9 * (x - y) ** 2 + 25 * z * z <= 900
    zz, yy, xx = np.nonzero(m)
    return m[zz.min():zz.max() + 1, yy.min():yy.max() + 1, xx.min():xx.max() + 1]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "nacrad", "radiomics",
                       "mesh", "shape_reference.csv")
    rows = ["# nacrad-radiomics/src/test/fixtures-gen/shape_reference.py; python %s, numpy %s"
            % (sys.version.split()[0], np.__version__),
            "shape,spacing_x,spacing_y,spacing_z,feature,value"]
    for name, spacing_xyz, with_mesh in (("sphere", (0.8, 0.8, 0.8), True), ("tilted", (1.0, 1.0, 1.0), True),
                                         ("tilted", (0.7, 0.9, 2.0), False)):
        m = shape(name)
        sp = np.array(spacing_xyz[::-1])
        values = {}
        if with_mesh:
            values["SurfaceArea"], values["MeshVolume"] = mesh(m, sp)
        d = diameters(vertices(m, sp))
        for k, v in zip(("Maximum2DDiameterSlice", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
                         "Maximum3DDiameter"), d):
            values[k] = v
        ev = eigenvalues(m, sp)
        values["LeastAxisLength"], values["MinorAxisLength"], values["MajorAxisLength"] = 4 * np.sqrt(ev)
        values["VoxelNum"] = int(m.sum())
        for k, v in values.items():
            rows.append("%s,%r,%r,%r,%s,%r" % (name, *spacing_xyz, k, float(v)))
    with open(out, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
