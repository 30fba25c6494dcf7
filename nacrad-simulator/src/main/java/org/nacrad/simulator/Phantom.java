package org.nacrad.simulator;

import java.util.ArrayList;
import java.util.List;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Draws one patient's images from their latent tissue properties: a fat-suppressed contrast-enhanced T1 volume
 * with its tumour mask, and a trace-weighted multi-b DWI series with a tumour mask and a mask of normal
 * fibroglandular tissue (the reference region), on a coarser grid covering the same field of view.
 *
 * <p>Anatomy, in LPS millimetres around the field-of-view centre (axial slices; +y posterior): a half-ellipsoid
 * breast in front of the chest wall, a 1.5 mm skin layer, pectoralis muscle behind the chest wall and the dark
 * thorax behind it; fibroglandular tissue where a smooth random field (9 mm correlation) plus a central density
 * term exceeds a patient-specific threshold, fat elsewhere. The tumour is a lobulated sphere (broad von Mises
 * bumps of the radius) with narrow spicules when its margin score is high, a heterogeneous enhancement field
 * (3.5 mm correlation, amplitude from the heterogeneity score), rim enhancement and a necrotic core whose volume
 * fraction follows the necrosis score. Edges are blended over about one voxel (partial volume). A smooth
 * multiplicative bias field and Rician noise complete the image. See docs/simulator.md for every number.
 */
final class Phantom {

    static final int AIR = 0;
    static final int FAT = 1;
    static final int FGT = 2;
    static final int SKIN = 3;
    static final int MUSCLE = 4;
    static final int THORAX = 5;
    static final int TUMOUR = 6;
    static final int NECROSIS = 7;

    /** The images of one patient. */
    record Images(Volume t1, Volume tumourMask, List<Volume> dwi, Volume dwiTumourMask, Volume referenceMask) {
    }

    private final SimulationConfig config;
    private final Patient patient;
    private final Geometry t1Grid;
    private final Geometry dwiGrid;
    // anatomy
    private final double rx;
    private final double ry;
    private final double rz;
    private final double chestWall;
    private final double fgtThreshold;
    private final ValueNoise fgtField;
    private final ValueNoise fgtFine;
    private final ValueNoise textureField;
    private final ValueNoise biasField;
    private final ValueNoise dwiField;
    // tumour
    private final double[] centre;
    private final double radius;
    private final double[][] lobes;
    private final double[][] spicules;
    private final ValueNoise hetField;
    private final double hetAmplitude;
    private final double rimStrength;
    private final double necrosisRadius;
    private final double maxReach;
    private final Rng noise;

    Phantom(SimulationConfig config, Patient patient) {
        this.config = config;
        this.patient = patient;
        this.t1Grid = grid(config.imageSize(), config.imageSpacing());
        this.dwiGrid = grid(config.dwiSize(), config.dwiSpacing());
        Rng r = new Rng(config.seed(), 2L * patient.index() + 1);
        double[] half = {config.imageSize()[0] * config.imageSpacing()[0] / 2,
            config.imageSize()[1] * config.imageSpacing()[1] / 2, config.imageSize()[2] * config.imageSpacing()[2] / 2};
        double[] lo = {-half[0] - 5, -half[1] - 5, -half[2] - 5};
        double[] hi = {half[0] + 5, half[1] + 5, half[2] + 5};
        this.rx = 0.9 * half[0] * r.uniform(0.9, 1.05);
        this.ry = 1.37 * half[1] * r.uniform(0.85, 1.0);
        this.rz = 0.92 * half[2] * r.uniform(0.9, 1.05);
        this.chestWall = 0.59 * half[1] + r.uniform(-3, 3);
        this.fgtThreshold = r.uniform(-0.15, 0.35);
        this.fgtField = new ValueNoise(r, lo, hi, 10);
        this.fgtFine = new ValueNoise(r, lo, hi, 3.5);
        this.textureField = new ValueNoise(r, lo, hi, 6);
        this.biasField = new ValueNoise(r, lo, hi, 70);
        this.dwiField = new ValueNoise(r, lo, hi, 5);
        Patient.Tissue t = patient.tissue();
        // lobulation and spiculation from the margin score
        double m = t.margin();
        double lobAmp = 0.14 + 0.12 * Math.max(0, m + 1.5);
        int nLobes = 3 + r.nextInt(4);
        lobes = new double[nLobes][];
        for (int i = 0; i < nLobes; i++) {
            double[] v = r.unitVector();
            lobes[i] = new double[] {v[0], v[1], v[2], lobAmp * r.uniform(0.4, 1.0)};
        }
        int nSpic = m > 0.3 ? (int) StrictMath.round(2 + 5 * (m - 0.3)) : 0;
        spicules = new double[Math.min(nSpic, 14)][];
        for (int i = 0; i < spicules.length; i++) {
            double[] v = r.unitVector();
            spicules[i] = new double[] {v[0], v[1], v[2], r.uniform(0.25, 0.7)};
        }
        // scale so the longest lobulated diameter (spicules aside) is the baseline diameter
        double maxBump = 0;
        for (int i = 0; i < 400; i++) {
            double[] u = fibonacci(i, 400);
            maxBump = Math.max(maxBump, bumps(u, lobes, 3));
        }
        this.radius = patient.baselineMm() / 2 / (1 + maxBump);
        double maxSpike = 0;
        for (double[] s : spicules) {
            maxSpike = Math.max(maxSpike, s[3]);
        }
        this.maxReach = radius * (1 + maxBump + maxSpike) + 2;
        this.centre = placeTumour(r, radius * (1 + maxBump) + 3);
        this.hetField = new ValueNoise(r, lo, hi, 3.5);
        this.hetAmplitude = Math.max(0.04, 0.24 + 0.14 * t.heterogeneity());
        double nf = PatientGenerator.necrosisFraction(t.necrosis());
        this.necrosisRadius = StrictMath.cbrt(nf);
        this.rimStrength = 0.15 + 0.5 * necrosisRadius + r.uniform(0, 0.15);
        this.noise = new Rng(config.seed(), 1_000_000_000L + patient.index());
    }

    /** A grid of the given size and spacing centred on the physical origin, axis-aligned (LPS). */
    static Geometry grid(int[] size, double[] spacing) {
        double[] origin = new double[3];
        for (int a = 0; a < 3; a++) {
            origin[a] = -(size[a] - 1) * spacing[a] / 2;
        }
        return Geometry.of(size, spacing, origin);
    }

    private static double[] fibonacci(int i, int n) {
        double z = 1 - (2 * i + 1.0) / n;
        double r = StrictMath.sqrt(1 - z * z);
        double phi = i * StrictMath.PI * (3 - StrictMath.sqrt(5));
        return new double[] {r * StrictMath.cos(phi), r * StrictMath.sin(phi), z};
    }

    /** Σ aⱼ·exp(κ(u·vⱼ − 1)): von Mises bumps of the radius. */
    private static double bumps(double[] u, double[][] b, double kappa) {
        double s = 0;
        for (double[] v : b) {
            s += v[3] * StrictMath.exp(kappa * (u[0] * v[0] + u[1] * v[1] + u[2] * v[2] - 1));
        }
        return s;
    }

    private double breastQ(double x, double y, double z) {
        double dx = x / rx;
        double dy = (y - chestWall) / ry;
        double dz = z / rz;
        return dx * dx + dy * dy + dz * dz;
    }

    /**
     * A centre for the tumour such that its lobulated body (spicules aside, which may reach into the skin and are
     * cut there) lies inside the breast, in front of the chest wall and inside the field of view.
     */
    private double[] placeTumour(Rng r, double margin) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            double[] c = {r.uniform(-rx, rx), r.uniform(chestWall - ry, chestWall), r.uniform(-rz, rz)};
            if (c[1] + margin > chestWall) {
                continue;
            }
            boolean ok = true;
            for (int a = 0; a < 3 && ok; a++) {
                for (int s = -1; s <= 1 && ok; s += 2) {
                    double[] p = c.clone();
                    p[a] += s * margin;
                    ok = breastQ(p[0], p[1], p[2]) < 1 && inFov(p);
                }
            }
            if (ok) {
                return c;
            }
        }
        throw new IllegalStateException(patient.id() + ": the tumour (" + patient.baselineMm()
                + " mm) does not fit in the simulated breast; use a larger image size");
    }

    private boolean inFov(double[] p) {
        for (int a = 0; a < 3; a++) {
            double half = config.imageSize()[a] * config.imageSpacing()[a] / 2;
            if (Math.abs(p[a]) > half - 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * Relative radial position of a point in the tumour: |p − c| / r(u), where r(u) is the lobulated, spiculated
     * radius in the point's direction (&lt; 1 inside), or +∞ far outside.
     */
    double tumourRadius(double x, double y, double z) {
        double dx = x - centre[0];
        double dy = y - centre[1];
        double dz = z - centre[2];
        double d2 = dx * dx + dy * dy + dz * dz;
        if (d2 > maxReach * maxReach) {
            return Double.POSITIVE_INFINITY;
        }
        double d = StrictMath.sqrt(d2);
        if (d == 0) {
            return 0;
        }
        double[] u = {dx / d, dy / d, dz / d};
        double rr = radius * (1 + bumps(u, lobes, 3) + bumps(u, spicules, 160));
        return d / rr;
    }

    /** Tissue at a point, with the FGT membership weight (partial volume) in w[0]. */
    int tissue(double x, double y, double z, double[] w) {
        w[0] = 0;
        if (y > chestWall + 10) {
            return THORAX;
        }
        if (y > chestWall) {
            return MUSCLE;
        }
        double q = breastQ(x, y, z);
        if (q > 1) {
            return AIR;
        }
        double tr = tumourRadius(x, y, z);
        if (tr <= 1) {
            return necrotic(x, y, z, tr) ? NECROSIS : TUMOUR;
        }
        double depth = (1 - StrictMath.sqrt(q)) * Math.min(rx, rz);
        if (depth < 1.5) {
            return SKIN;
        }
        double f = 0.8 * fgtField.at(x, y, z) + 0.55 * fgtFine.at(x, y, z) + 1.2 * (1 - q) - 0.6 - fgtThreshold;
        w[0] = Math.min(1, Math.max(0, f / 0.15 + 0.5));
        return w[0] >= 0.5 ? FGT : FAT;
    }

    /** Draws all images. */
    Images draw() {
        return new Images(t1(), mask(t1Grid, false), dwi(), solidTumourMask(dwiGrid), referenceMask(dwiGrid));
    }

    private Volume t1() {
        int nx = t1Grid.nx(), ny = t1Grid.ny(), nz = t1Grid.nz();
        double[] out = new double[nx * ny * nz];
        double[] w = new double[1];
        double sigma = config.imageNoise();
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    double[] p = t1Grid.indexToPhysical(i, j, k);
                    double x = p[0], y = p[1], z = p[2];
                    int tissue = tissue(x, y, z, w);
                    double s;
                    switch (tissue) {
                        case THORAX -> s = 35;
                        case MUSCLE -> s = 240 * (1 + 0.05 * textureField.at(x, y, z));
                        case AIR -> s = 5;
                        case SKIN -> s = 280;
                        case TUMOUR, NECROSIS -> s = tumourSignal(x, y, z);
                        default -> {
                            double fat = 110 * (1 + 0.06 * textureField.at(x, y, z));
                            double fgt = 340 + 45 * fgtFine.at(x, y, z);
                            s = w[0] * fgt + (1 - w[0]) * fat;
                        }
                    }
                    // partial volume at the tumour edge: blend over about one voxel
                    if (tissue != TUMOUR && tissue != NECROSIS && tissue != AIR && tissue != THORAX && tissue != MUSCLE) {
                        double tr = tumourRadius(x, y, z);
                        if (tr < 1.15) {
                            double edge = Math.max(0, 1 - (tr - 1) / 0.15);
                            s = edge * 0.5 * tumourSignal(x, y, z) + (1 - edge * 0.5) * s;
                        }
                    }
                    s *= StrictMath.exp(config.biasField() * biasField.at(x, y, z));
                    out[n] = StrictMath.rint(rician(s, sigma));
                }
            }
        }
        return new Volume(t1Grid, PixelType.INT16, out);
    }

    /** The necrotic core: an irregular inner region whose radius fraction gives the necrotic volume fraction. */
    private boolean necrotic(double x, double y, double z, double tr) {
        return tr < necrosisRadius * (1 + 0.3 * hetField.at(x, y, z));
    }

    private double tumourSignal(double x, double y, double z) {
        double tr = tumourRadius(x, y, z);
        if (necrotic(x, y, z, tr)) {
            return 170 + 25 * textureField.at(x, y, z);
        }
        double s = 850 * (1 + hetAmplitude * hetField.at(x, y, z));
        if (tr > 0.75) {
            s *= 1 + rimStrength * Math.min(1, (tr - 0.75) / 0.25);
        }
        return Math.max(s, 150);
    }

    private double rician(double s, double sigma) {
        double a = s + sigma * noise.normal();
        double b = sigma * noise.normal();
        return StrictMath.sqrt(a * a + b * b);
    }

    private List<Volume> dwi() {
        int nx = dwiGrid.nx(), ny = dwiGrid.ny(), nz = dwiGrid.nz();
        int count = nx * ny * nz;
        double[] bs = config.bValues();
        double[][] out = new double[bs.length][count];
        double[] w = new double[1];
        Patient.Tissue t = patient.tissue();
        double sigma = config.dwiNoise();
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    double[] p = dwiGrid.indexToPhysical(i, j, k);
                    double x = p[0], y = p[1], z = p[2];
                    int tissue = tissue(x, y, z, w);
                    double v = dwiField.at(x, y, z);
                    double s0;
                    double d;
                    double kk;
                    switch (tissue) {
                        case TUMOUR -> {
                            s0 = 650;
                            d = t.tumourD() * (1 + 0.06 * v);
                            kk = t.tumourK() * (1 + 0.06 * v);
                        }
                        case NECROSIS -> {
                            s0 = 700;
                            d = 2.5e-3;
                            kk = 0.3;
                        }
                        case FGT -> {
                            s0 = 450;
                            d = t.normalD() * (1 + 0.05 * v);
                            kk = t.normalK() * (1 + 0.05 * v);
                        }
                        case FAT -> {
                            s0 = 45;
                            d = 0.5e-3;
                            kk = 0.5;
                        }
                        case SKIN -> {
                            s0 = 200;
                            d = 1.2e-3;
                            kk = 0.7;
                        }
                        case MUSCLE -> {
                            s0 = 300;
                            d = 1.45e-3;
                            kk = 0.7;
                        }
                        default -> {
                            s0 = 0;
                            d = 1e-3;
                            kk = 0;
                        }
                    }
                    double bias = StrictMath.exp(0.5 * config.biasField() * biasField.at(x, y, z));
                    for (int b = 0; b < bs.length; b++) {
                        double sig = s0 * bias * StrictMath.exp(-bs[b] * d + bs[b] * bs[b] * d * d * kk / 6);
                        out[b][n] = (float) rician(sig, sigma);
                    }
                }
            }
        }
        List<Volume> vols = new ArrayList<>();
        for (double[] o : out) {
            vols.add(new Volume(dwiGrid, PixelType.FLOAT32, o));
        }
        return vols;
    }

    /**
     * The DWI tumour ROI: the solid tumour, as a radiologist draws it for ADC and kurtosis measurements, avoiding
     * the necrotic core (EUSOBI's breast DWI recommendations, Baltzer 2020). A voxel is in the ROI when its centre
     * is in the tumour and neither its centre nor the centres of its six faces are necrotic, so voxels straddling
     * the necrosis border are left out. Without necrosis this is the whole tumour mask.
     */
    private Volume solidTumourMask(Geometry g) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        double[] out = new double[nx * ny * nz];
        double[] sp = g.spacing();
        int n = 0;
        int count = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    double[] p = g.indexToPhysical(i, j, k);
                    double tr = tumourRadius(p[0], p[1], p[2]);
                    boolean solid = tr <= 1 && !necrotic(p[0], p[1], p[2], tr);
                    for (int a = 0; a < 3 && solid; a++) {
                        for (int s = -1; s <= 1 && solid; s += 2) {
                            double[] q = p.clone();
                            q[a] += s * sp[a] / 2;
                            solid = !necrotic(q[0], q[1], q[2], tumourRadius(q[0], q[1], q[2]));
                        }
                    }
                    if (solid) {
                        out[n] = 1;
                        count++;
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalStateException(patient.id() + ": no solid tumour voxel on the DWI grid");
        }
        return new Volume(g, PixelType.UINT8, out);
    }

    /**
     * The reference ROI: normal fibroglandular tissue at least 10 mm from the tumour, eroded by one voxel. In the
     * rare breast whose fibroglandular tissue is all close to the tumour or too thin to survive the erosion (about
     * one patient in a thousand), the ROI relaxes to 5 mm without erosion, as a reader would then draw it.
     */
    private Volume referenceMask(Geometry g) {
        Volume strict = mask(g, true, 10, true);
        return strict != null ? strict : mask(g, true, 5, false);
    }

    /** The whole tumour's mask on any grid (the T1 ROI is this on the T1 grid). */
    Volume tumourMaskOn(Geometry g) {
        return mask(g, false);
    }

    /** The tumour mask on a grid, or (reference = true) the normal-FGT mask away from the tumour; null if empty. */
    private Volume mask(Geometry g, boolean reference) {
        return mask(g, reference, 10, true);
    }

    private Volume mask(Geometry g, boolean reference, double distanceMm, boolean erode) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        double[] out = new double[nx * ny * nz];
        double[] w = new double[1];
        double[] sp = g.spacing();
        int n = 0;
        int count = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    double[] p = g.indexToPhysical(i, j, k);
                    if (!reference) {
                        out[n] = tumourRadius(p[0], p[1], p[2]) <= 1 ? 1 : 0;
                        continue;
                    }
                    double dx = p[0] - centre[0], dy = p[1] - centre[1], dz = p[2] - centre[2];
                    if (dx * dx + dy * dy + dz * dz < (maxReach + distanceMm) * (maxReach + distanceMm)) {
                        continue;
                    }
                    boolean all = tissue(p[0], p[1], p[2], w) == FGT && w[0] > (erode ? 0.9 : 0.5);
                    for (int a = 0; a < 3 && all && erode; a++) {
                        for (int s = -1; s <= 1 && all; s += 2) {
                            double[] q = p.clone();
                            q[a] += s * sp[a];
                            all = tissue(q[0], q[1], q[2], w) == FGT;
                        }
                    }
                    if (all) {
                        out[n] = 1;
                        count++;
                    }
                }
            }
        }
        if (reference && count == 0) {
            if (distanceMm > 5) {
                return null;
            }
            throw new IllegalStateException(patient.id() + ": no normal fibroglandular tissue for the reference mask");
        }
        return new Volume(g, PixelType.UINT8, out);
    }
}
