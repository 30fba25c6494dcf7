package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * PyRadiomics' {@code Logarithm} image type ({@code getLogarithmImage}), output {@code logarithm}:
 * <pre>  l = sign(x) · ln(|x| + 1),   y = l · max|x| / max|l|</pre>
 * over the whole image (float64), rescaled to the input's range. Example: x = [−1, 0, 3]: l = [−ln 2, 0, ln 4],
 * y = l · 3/ln 4 = [−1.5, 0, 3].
 */
public final class LogarithmFilter implements ImageFilter {

    @Override
    public String name() {
        return "Logarithm";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        double[] x = image.data();
        double max = IntensityMaps.maxAbs(x);
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double v = x[n];
            y[n] = v > 0 ? Math.log(v + 1) : v < 0 ? -Math.log(-(v - 1)) : v;
        }
        double scale = max / IntensityMaps.maxAbs(y);
        for (int n = 0; n < y.length; n++) {
            y[n] = y[n] * scale;
        }
        return List.of(new Filtered("logarithm", image.withData(y, PixelType.FLOAT64)));
    }
}
