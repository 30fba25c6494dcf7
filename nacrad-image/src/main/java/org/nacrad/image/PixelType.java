package org.nacrad.image;

/**
 * The scalar type a volume was stored with. Values are held as {@code double} in memory (every type below
 * converts exactly except 64-bit integers beyond 2^53), but the stored type matters for PyRadiomics
 * compatibility: PyWavelets keeps float32 input in single precision, and resampling clamps and truncates
 * integer types.
 */
public enum PixelType {
    UINT8(1, true, false),
    INT8(1, true, true),
    UINT16(2, true, false),
    INT16(2, true, true),
    UINT32(4, true, false),
    INT32(4, true, true),
    UINT64(8, true, false),
    INT64(8, true, true),
    FLOAT32(4, false, true),
    FLOAT64(8, false, true);

    private final int bytes;
    private final boolean integer;
    private final boolean signed;

    PixelType(int bytes, boolean integer, boolean signed) {
        this.bytes = bytes;
        this.integer = integer;
        this.signed = signed;
    }

    /** Bytes per stored value. */
    public int bytes() {
        return bytes;
    }

    /** True for the integer types. */
    public boolean isInteger() {
        return integer;
    }

    /** True for the signed types (all floating point types are signed). */
    public boolean isSigned() {
        return signed;
    }

    /** Smallest representable value. */
    public double min() {
        return switch (this) {
            case UINT8, UINT16, UINT32, UINT64 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
        };
    }

    /** Largest representable value. */
    public double max() {
        return switch (this) {
            case UINT8 -> 255;
            case INT8 -> Byte.MAX_VALUE;
            case UINT16 -> 65535;
            case INT16 -> Short.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT32 -> Integer.MAX_VALUE;
            case UINT64 -> 18446744073709551615.0;
            case INT64 -> Long.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
        };
    }
}
