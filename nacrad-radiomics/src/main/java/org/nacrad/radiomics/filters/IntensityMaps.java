package org.nacrad.radiomics.filters;

/** Small helpers shared by the intensity-mapping filters (Square, SquareRoot, Logarithm, Exponential). */
final class IntensityMaps {

    private IntensityMaps() {
    }

    /** max |x| over all voxels (NaN propagates, as NumPy's max does). */
    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            double a = Math.abs(v);
            if (a > m || Double.isNaN(a)) {
                m = a;
                if (Double.isNaN(a)) {
                    return a;
                }
            }
        }
        return m;
    }
}
