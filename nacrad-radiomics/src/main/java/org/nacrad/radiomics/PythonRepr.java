package org.nacrad.radiomics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Values written the way Python's {@code repr} writes them, as PyRadiomics' diagnostics show them: floats in the
 * shortest form that reads back to the same double ({@code 0.1}, {@code 1e-05}, {@code 2.0}), tuples
 * {@code (1, 2, 3)}, lists {@code [1]}, dicts {@code {'a': 1}}, {@code True}/{@code False}/{@code None}.
 *
 * <p>Java 17's {@link Double#toString(double)} is not always the shortest round-trip form (JDK-4511638, fixed in
 * Java 19), so {@link #shortestDecimal(double)} shortens it where possible. Written by hand: no library in the
 * build does this on Java 17.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** A tuple of numbers as Python prints it: {@code (0.664062, 0.664062, 2.1)}, {@code (1,)} for one element. */
    public static String tuple(double... values) {
        StringBuilder sb = new StringBuilder("(");
        for (int n = 0; n < values.length; n++) {
            if (n > 0) {
                sb.append(", ");
            }
            sb.append(ofDouble(values[n]));
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** A tuple of integers: {@code (21, 64, 8, 9, 12, 3)}. */
    public static String tuple(int... values) {
        StringBuilder sb = new StringBuilder("(");
        for (int n = 0; n < values.length; n++) {
            if (n > 0) {
                sb.append(", ");
            }
            sb.append(values[n]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    public static String ofDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = shortestDecimal(v);
        String digits = d.unscaledValue().abs().toString();
        // strip trailing zeros of the digit string
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
        digits = digits.substring(0, end);
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        StringBuilder sb = new StringBuilder(sign);
        if (exp < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exp - 1)).append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits.substring(exp + 1));
        }
        return sb.toString();
    }

    /**
     * The shortest decimal that {@link Double#parseDouble} reads back to exactly {@code v} (finite, non-zero), the
     * closest to v among those (as Python's repr and Java 19's Double.toString choose). Starting from Java 17's
     * {@link Double#toString} (which round-trips but may have a digit too many), the exact binary value is
     * rounded half-even to one digit fewer while that still reads back to v: the closest q-digit decimal
     * round-trips whenever any q-digit decimal does, so the first failure ends the search.
     */
    static BigDecimal shortestDecimal(double v) {
        BigDecimal best = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(v);
        for (int q = best.precision() - 1; q >= 1; q--) {
            BigDecimal c = exact.round(new java.math.MathContext(q, java.math.RoundingMode.HALF_EVEN));
            if (c.doubleValue() != v) {
                break;
            }
            best = c.stripTrailingZeros();
        }
        return best;
    }

    /** Any value: numbers, booleans, strings (single-quoted), lists, maps, null. */
    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return ofDouble(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof CharSequence s) {
            return "'" + s.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(of(e.getKey())).append(": ").append(of(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (value instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(of(o));
            }
            return sb.append(']').toString();
        }
        return "'" + value + "'";
    }
}
