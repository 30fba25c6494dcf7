package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * PyRadiomics' {@code Gradient} image type ({@code getGradientImage}), output {@code gradient}: the gradient
 * magnitude of SimpleITK's {@code GradientMagnitudeImageFilter} (float32 output),
 * <pre>  |∇x| = √(Σ_d g_d²),   g_d = (x[i + e_d] − x[i − e_d]) / (2 h_d)</pre>
 * with central differences, h_d the spacing when {@code gradientUseSpacing} (default true) and 1 otherwise, and
 * ITK's zero-flux Neumann boundary (a neighbour outside the image is the border voxel itself, so the border
 * difference is one-sided and halved). Arithmetic as ITK's: coefficients ±0.5·(1/h_d) in double, g_d summed left to
 * right, the magnitude rounded to float32. Example: x = [0, 2, 6] along one axis, h = 1: g = [1, 3, 2].
 */
public final class GradientFilter implements ImageFilter {

    @Override
    public String name() {
        return "Gradient";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        Geometry g = image.geometry();
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        double[] x = image.data();
        double[] c = new double[3];
        for (int a = 0; a < 3; a++) {
            c[a] = settings.gradientUseSpacing() ? 0.5 * (1.0 / g.spacing(a)) : 0.5;
        }
        double[] out = new double[x.length];
        int sy = nx, sz = nx * ny;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n = i + nx * (j + ny * k);
                    double gx = diff(x, n - (i > 0 ? 1 : 0), n + (i < nx - 1 ? 1 : 0), c[0]);
                    double gy = diff(x, n - (j > 0 ? sy : 0), n + (j < ny - 1 ? sy : 0), c[1]);
                    double gz = diff(x, n - (k > 0 ? sz : 0), n + (k < nz - 1 ? sz : 0), c[2]);
                    double a = 0;
                    a += gx * gx;
                    a += gy * gy;
                    a += gz * gz;
                    out[n] = (float) Math.sqrt(a);
                }
            }
        }
        return List.of(new Filtered("gradient", image.withData(out, PixelType.FLOAT32)));
    }

    /** ITK's inner product with the derivative operator [0.5, 0, −0.5]·(1/h) (sign irrelevant to the magnitude). */
    private static double diff(double[] x, int before, int after, double c) {
        return -c * x[before] + c * x[after];
    }
}
