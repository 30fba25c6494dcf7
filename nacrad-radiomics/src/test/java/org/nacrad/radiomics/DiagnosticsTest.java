package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nacrad.image.PixelType;
import org.nacrad.radiomics.preprocess.SitkHash;

/** SimpleITK's hash and NumPy's mean, against Python's hashlib and NumPy. */
class DiagnosticsTest {

    @Test
    void sha1OfTheStoredBuffer() {
        // hashlib.sha1(np.arange(10, dtype='<i2').tobytes()).hexdigest()
        double[] v = new double[10];
        for (int n = 0; n < 10; n++) {
            v[n] = n;
        }
        assertThat(SitkHash.sha1(v, PixelType.INT16)).isEqualTo("44168913ec9d7597854f30ad2bd041df0f4998ee");
        // hashlib.sha1(np.array([1.5, -2.25], dtype='<f4').tobytes()).hexdigest()
        assertThat(SitkHash.sha1(new double[] {1.5, -2.25}, PixelType.FLOAT32))
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

    @Test
    void sha1OfEveryStoredTypeEqualsAByteBufferEncoding() throws Exception {
        // the one-store-per-voxel encoder against java.nio's little-endian ByteBuffer, past one 8192-voxel chunk
        double[] v = new double[20_000];
        for (int n = 0; n < v.length; n++) {
            v[n] = (n * 7919 % 70_001) - 35_000.25;
        }
        for (PixelType t : PixelType.values()) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * t.bytes())
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (double x : v) {
                switch (t) {
                    case UINT8, INT8 -> b.put((byte) (long) x);
                    case UINT16, INT16 -> b.putShort((short) (long) x);
                    case UINT32, INT32 -> b.putInt((int) (long) x);
                    case UINT64, INT64 -> b.putLong((long) x);
                    case FLOAT32 -> b.putFloat((float) x);
                    case FLOAT64 -> b.putDouble(x);
                    default -> throw new AssertionError(t);
                }
            }
            StringBuilder hex = new StringBuilder();
            for (byte x : java.security.MessageDigest.getInstance("SHA-1").digest(b.array())) {
                hex.append(String.format("%02x", x));
            }
            assertThat(SitkHash.sha1(v, t)).as(t.name()).isEqualTo(hex.toString());
        }
    }

    @Test
    void oneMemoryPassGivesTheSameSumMinimumAndMaximum() {
        double[] a = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(i) * 1e3;
        }
        a[17] = -0.0;
        double[] mm = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double sum = Diagnostics.sumMinMax(a, 0, a.length, mm);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(sum).isEqualTo(Diagnostics.pairwiseSum(a, 0, a.length));
        assertThat(mm).containsExactly(min, max);
        // a NaN anywhere gives NaN extremes, as Math.min/max and np.min/max do
        a[500] = Double.NaN;
        double[] nan = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertThat(Diagnostics.sumMinMax(a, 0, a.length, nan)).isNaN();
        assertThat(nan[0]).isNaN();
        assertThat(nan[1]).isNaN();
        // signed zeros: the minimum of {0.0, -0.0} is -0.0
        double[] zeros = {0.0, 0.0, -0.0, 0.0};
        double[] z = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Diagnostics.sumMinMax(zeros, 0, zeros.length, z);
        assertThat(Double.doubleToRawLongBits(z[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(z[1])).isEqualTo(0L);
    }
}
