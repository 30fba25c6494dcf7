package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nacrad.image.PixelType;

/** SimpleITK's hash and NumPy's mean, against Python's hashlib and NumPy. */
class DiagnosticsTest {

    @Test
    void sha1OfTheStoredBuffer() {
        // hashlib.sha1(np.arange(10, dtype='<i2').tobytes()).hexdigest()
        double[] v = new double[10];
        for (int n = 0; n < 10; n++) {
            v[n] = n;
        }
        assertThat(Diagnostics.sha1(v, PixelType.INT16)).isEqualTo("44168913ec9d7597854f30ad2bd041df0f4998ee");
        // hashlib.sha1(np.array([1.5, -2.25], dtype='<f4').tobytes()).hexdigest()
        assertThat(Diagnostics.sha1(new double[] {1.5, -2.25}, PixelType.FLOAT32))
                .isEqualTo("a3e7d959bcc0157284e13be59f443251fbb98c8e");
    }

    @Test
    void pairwiseSumAsNumPy() {
        // np.mean([0.1 * i for i in range(1000)]) == 49.95 exactly as NumPy prints it
        double[] a = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.1 * i;
        }
        assertThat(Diagnostics.pairwiseSum(a, 0, a.length) / 1000).isEqualTo(49.95);
    }
}
