package org.nacrad.diffusion;

/**
 * The two diffusion signal models nacrad fits, with b in s/mm² and diffusivities in mm²/s.
 *
 * <pre>
 *   mono-exponential (ADC):            S(b) = S0 · exp(−b · ADC)
 *   kurtosis, directionally averaged:  S(b) = S0 · exp(−b · D + b² · D² · K / 6)
 * </pre>
 * The kurtosis model (Jensen et al., Magn Reson Med 2005; for the powder-averaged signal Henriques et al.,
 * NeuroImage 2021, "mean signal DKI") gives the mean diffusivity MD = D and the mean kurtosis MK = K.
 */
public final class SignalModels {

    private SignalModels() {
    }

    /** Mono-exponential signal. */
    public static double monoExponential(double s0, double adc, double b) {
        return s0 * Math.exp(-b * adc);
    }

    /** Kurtosis signal. */
    public static double kurtosis(double s0, double d, double k, double b) {
        return s0 * Math.exp(-b * d + b * b * d * d * k / 6);
    }
}
