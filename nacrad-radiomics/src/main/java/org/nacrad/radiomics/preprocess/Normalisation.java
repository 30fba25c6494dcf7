package org.nacrad.radiomics.preprocess;

import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Intensity normalisation as PyRadiomics' {@code imageoperations.normalizeImage}: SimpleITK's {@code Normalize}
 * over the whole image (not only the ROI), then optional outlier clipping, then scaling.
 *
 * <p>x' = s · clip((x − μ) / σ, −r, r), with μ the image mean, σ ITK's <em>unbiased</em> standard deviation
 * (denominator N − 1, as {@code itk::StatisticsImageFilter}), r = {@code removeOutliers} (no clipping when
 * null) and s = {@code normalizeScale}. The result is float64, as {@code sitk.Normalize} returns it.
 *
 * <p>Worked example: {1, 2, 3, 4}: μ = 2.5, σ = √(5/3) = 1.2910; values −1.1619, −0.3873, 0.3873, 1.1619; with
 * removeOutliers 1 and scale 100: −100, −38.73, 38.73, 100.
 */
public final class Normalisation {

    private Normalisation() {
    }

    /** The normalised image. */
    public static Volume normalize(Volume image, double scale, Double removeOutliers) {
        double[] d = image.data();
        // ITK StatisticsImageFilter accumulates sum and sum of squares in double (CompensatedSummation in ITK >= 5)
        double sum = 0;
        double c = 0;
        for (double v : d) {
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        double n = d.length;
        double mean = sum / n;
        double ss = 0;
        c = 0;
        for (double v : d) {
            double y = v * v - c;
            double t = ss + y;
            c = (t - ss) - y;
            ss = t;
        }
        double variance = (ss - sum * sum / n) / (n - 1);
        double sigma = Math.sqrt(variance);
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double z = (d[i] - mean) / sigma;
            if (removeOutliers != null) {
                if (z > removeOutliers) {
                    z = removeOutliers;
                } else if (z < -removeOutliers) {
                    z = -removeOutliers;
                }
            }
            out[i] = z * scale;
        }
        return image.withData(out, PixelType.FLOAT64);
    }
}
