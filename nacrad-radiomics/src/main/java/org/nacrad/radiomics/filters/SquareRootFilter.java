package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * PyRadiomics' {@code SquareRoot} image type ({@code getSquareRootImage}), output {@code squareroot}:
 * <pre>  y = sign(x) · √(|x| · max|x|)</pre>
 * over the whole image (float64). Example: x = [−4, 0, 1, 16]: max|x| = 16, y = [−8, 0, 4, 16].
 */
public final class SquareRootFilter implements ImageFilter {

    @Override
    public String name() {
        return "SquareRoot";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        double[] x = image.data();
        double c = IntensityMaps.maxAbs(x);
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double v = x[n];
            y[n] = v > 0 ? Math.sqrt(v * c) : v < 0 ? -Math.sqrt(-v * c) : v;
        }
        return List.of(new Filtered("squareroot", image.withData(y, PixelType.FLOAT64)));
    }
}
