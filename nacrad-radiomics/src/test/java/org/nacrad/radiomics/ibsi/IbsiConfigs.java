package org.nacrad.radiomics.ibsi;

import java.util.List;

import org.nacrad.radiomics.ibsi.IbsiSettings.Discretisation;
import org.nacrad.radiomics.ibsi.IbsiSettings.Interpolation;

/** IBSI-1 CT phantom configurations A–E as settings (CONFIGS.md of the reference data). */
final class IbsiConfigs {

    private IbsiConfigs() {
    }

    static IbsiSettings config(char c) {
        List<String> all = IbsiSettings.ALL_FAMILIES;
        double[] s3 = {2, 2, 2};
        return switch (c) {
            case 'A' -> new IbsiSettings(1, true, null, Interpolation.LINEAR, Interpolation.LINEAR, true, 0.5,
                    new double[] {-500, 400}, 0, Discretisation.fbs(25), Discretisation.NONE, all, java.util.Map.of(), 1, 0,
                    false, true);
            case 'B' -> new IbsiSettings(1, true, new double[] {2, 2}, Interpolation.LINEAR, Interpolation.LINEAR, true,
                    0.5, new double[] {-500, 400}, 0, Discretisation.fbn(32), Discretisation.NONE, all, java.util.Map.of(), 1, 0,
                    false, true);
            case 'C' -> new IbsiSettings(1, false, s3, Interpolation.LINEAR, Interpolation.LINEAR, true, 0.5,
                    new double[] {-1000, 400}, 0, Discretisation.fbs(25), Discretisation.fbs(2.5), all, java.util.Map.of(), 1, 0,
                    false, true);
            case 'D' -> new IbsiSettings(1, false, s3, Interpolation.LINEAR, Interpolation.LINEAR, true, 0.5, null, 3,
                    Discretisation.fbn(32), Discretisation.NONE, all, java.util.Map.of(), 1, 0, false, true);
            case 'E' -> new IbsiSettings(1, false, s3, Interpolation.CUBIC, Interpolation.LINEAR, true, 0.5,
                    new double[] {-1000, 400}, 3, Discretisation.fbn(32), Discretisation.fbn(1000), all, java.util.Map.of(), 1,
                    0, false, true);
            default -> throw new IllegalArgumentException("configuration " + c);
        };
    }
}
