package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * PyRadiomics' {@code Exponential} image type ({@code getExponentialImage}), output {@code exponential}:
 * <pre>  y = exp(c·x),   c = ln(max|x|) / max|x|</pre>
 * over the whole image (float64), so that the largest |x| maps to itself. Example: x = [0, 2, 4]: c = ln 4 / 4,
 * y = [1, 2, 4].
 */
public final class ExponentialFilter implements ImageFilter {

    @Override
    public String name() {
        return "Exponential";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        double[] x = image.data();
        double max = IntensityMaps.maxAbs(x);
        double c = Math.log(max) / max;
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            y[n] = Math.exp(c * x[n]);
        }
        return List.of(new Filtered("exponential", image.withData(y, PixelType.FLOAT64)));
    }
}
