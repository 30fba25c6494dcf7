package org.nacrad.radiomics.filters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.settings.Limits;
import org.nacrad.radiomics.settings.Setting;

/**
 * PyRadiomics' {@code LoG} image type ({@code getLoGImage}): the Laplacian of Gaussian of SimpleITK's
 * {@code LaplacianRecursiveGaussianImageFilter} with {@code NormalizeAcrossScale} on, one image per σ in
 * {@code sigma} (mm), output {@code log-sigma-<σ>-mm-3D} with the dot of Python's {@code str(σ)} replaced by a dash
 * ({@code log-sigma-3-0-mm-3D} for 3.0, {@code log-sigma-3-mm-3D} for the integer 3).
 *
 * <p><b>Maths.</b>
 * <pre>  LoG_σ(x) = σ² · Σ_d ∂²/∂x_d² (G_σ ∗ x)</pre>
 * computed as ITK does: for each axis d, the second-derivative recursive Gaussian along d (normalised by σ²) and
 * the smoothing recursive Gaussian along the two other axes (ascending), each pass stored in float32, and the
 * three terms accumulated in float32 as {@code acc = (float)(acc + term · (1 / spacing_d²))} (the recursive
 * filters work in voxel units). {@link RecursiveGaussian} gives the one-dimensional filter and its boundary
 * handling. The output is float32. Worked example: on a linear ramp x[i] = i the second derivative is 0, and the
 * result is 0 up to rounding away from the borders (see {@code LoGFilterTest#rampHasZeroLaplacian}).
 *
 * <p><b>Skipped σ, as PyRadiomics.</b> No image at all when any image dimension is below 4 voxels; a σ ≤ 0, or a
 * σ for which some dimension has fewer than ⌈σ/spacing⌉ + 1 voxels, is skipped (PyRadiomics logs a warning).
 *
 * <p>The recursive filters have infinite support, so the box variant filters the whole image and crops.
 */
public final class LoGFilter implements ImageFilter {

    @Override
    public String name() {
        return "LoG";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        List<Number> sigmas = settings.get(Setting.SIGMA);
        List<Filtered> out = new ArrayList<>();
        if (sigmas == null) {
            return List.of(); // PyRadiomics: no sigma, no LoG image
        }
        Geometry g = image.geometry();
        int[] size = g.size();
        if (Math.min(size[0], Math.min(size[1], size[2])) < 4) {
            return List.of();
        }
        // every LoG image is kept until the image type is done: one double copy of the image per sigma
        double voxels = image.data().length;
        long filtered = sigmas.stream().filter(s -> s.doubleValue() > 0 && fits(g, s.doubleValue())).count();
        Limits.require("LoG: " + filtered + " sigma values on an image of " + Limits.number(voxels) + " voxels", voxels,
                (8.0 * filtered + 12) * voxels, "give fewer sigma values");
        for (Number s : sigmas) {
            double sigma = s.doubleValue();
            if (!(sigma > 0) || !fits(g, sigma)) {
                continue;
            }
            float[] log = laplacian(image.data(), size, g.spacing(), sigma);
            double[] d = new double[log.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = log[i];
            }
            out.add(new Filtered("log-sigma-" + pythonStr(s).replace('.', '-') + "-mm-3D",
                    image.withData(d, PixelType.FLOAT32)));
        }
        return List.copyOf(out);
    }

    /** PyRadiomics' size check: every dimension has at least ⌈σ/spacing⌉ + 1 voxels. */
    static boolean fits(Geometry g, double sigma) {
        for (int a = 0; a < 3; a++) {
            if (g.size(a) < Math.ceil(sigma / g.spacing(a)) + 1) {
                return false;
            }
        }
        return true;
    }

    /** ITK's LaplacianRecursiveGaussianImageFilter with NormalizeAcrossScale, float32 result. */
    static float[] laplacian(double[] image, int[] size, double[] spacing, double sigma) {
        float[] acc = new float[image.length];
        for (int d = 0; d < 3; d++) {
            float[] term = RecursiveGaussian.of(sigma, spacing[d], 2, true).filter(image, size, d);
            for (int a = 0; a < 3; a++) {
                if (a != d) {
                    term = RecursiveGaussian.of(sigma, spacing[a], 0, true).filter(term, size, a);
                }
            }
            double spacing2 = spacing[d] * spacing[d];
            for (int i = 0; i < acc.length; i++) {
                acc[i] = (float) (acc[i] + term[i] * (1.0 / spacing2));
            }
        }
        return acc;
    }

    /** Python's {@code str()} of a YAML number: integers as such, floats in Python's repr. */
    static String pythonStr(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof java.math.BigInteger) {
            return n.toString();
        }
        double v = n.doubleValue();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e16) {
            // Python prints the shortest round-trip digits in positional notation in this range
            BigDecimal shortest = new BigDecimal(Double.toString(v));
            String plain = shortest.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return Double.toString(v).replace("E", "e"); // rare; exponent formatting differs slightly from Python
    }
}
