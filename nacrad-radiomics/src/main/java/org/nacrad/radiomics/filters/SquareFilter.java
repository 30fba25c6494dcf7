package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * PyRadiomics' {@code Square} image type ({@code getSquareImage}), output {@code square}:
 * <pre>  y = (c·x)²,   c = 1 / √max|x|</pre>
 * over the whole image (float64), so the result keeps the range of the input. Example: x = [−2, 1, 4]:
 * c = 1/2, y = [1, 0.25, 4].
 */
public final class SquareFilter implements ImageFilter {

    @Override
    public String name() {
        return "Square";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        double[] x = image.data();
        double c = 1 / Math.sqrt(IntensityMaps.maxAbs(x));
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double v = c * x[n];
            y[n] = v * v;
        }
        return List.of(new Filtered("square", image.withData(y, PixelType.FLOAT64)));
    }
}
