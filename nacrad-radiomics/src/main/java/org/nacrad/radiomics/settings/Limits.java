package org.nacrad.radiomics.settings;

import java.util.Locale;

/**
 * The memory that settings make an extraction ask for, checked <em>before</em> it is allocated. A bin width that
 * makes millions of grey levels, a resampled spacing that makes a grid of 10¹² voxels, a distance or a wavelet level
 * that makes millions of directions or a huge window: each is refused with one line saying what was too large, which
 * setting made it so and how to raise the limit, instead of an {@link OutOfMemoryError} (or an endless loop).
 *
 * <p>The limits are the largest Java array ({@value #MAX_ARRAY_LENGTH} values) and the JVM's maximum heap
 * ({@link Runtime#maxMemory()}, set with {@code -Xmx}; the {@code nacrad} launcher passes {@code NACRAD_JAVA_OPTS}).
 * A request within the heap may still not fit in what is left of it; that is caught where the extraction's tasks end
 * ({@link #outOfMemory}) and reported the same way.
 *
 * <p>Sizes are given as doubles, so that products of sizes cannot overflow before they are compared.
 */
public final class Limits {

    /** The largest array length the JVM allows. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16;

    private Limits() {
    }

    /** A request beyond a limit; the message is one line. */
    public static final class Exceeded extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Exceeded(String message) {
            super(message);
        }
    }

    /**
     * Checks a request before it is allocated.
     *
     * @param what         what is asked for, e.g. {@code "binWidth 1e-09 over the ROI's range [-3, 912] makes
     *                     9.2e11 grey-level bins"}
     * @param largestArray the values in the largest single array of the request
     * @param bytes        all bytes of the request
     * @param remedy       the setting to change, e.g. {@code "raise binWidth or use binCount"}
     * @throws Exceeded "{@code <what>: N values, more than one Java array holds (...): <remedy>}" or "{@code <what>
     *                  needs 40.0 GB, more than the 4.0 GB Java heap: <remedy>, or raise the heap
     *                  (NACRAD_JAVA_OPTS=-Xmx60g)}" (the heap suggestion only up to a terabyte)
     */
    public static void require(String what, double largestArray, double bytes, String remedy) {
        if (!(largestArray <= MAX_ARRAY_LENGTH)) {
            throw new Exceeded(what + ": " + count(largestArray) + " values, more than one Java array holds ("
                    + MAX_ARRAY_LENGTH + "): " + remedy);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (!(bytes <= heap)) {
            throw new Exceeded(what + " needs " + size(bytes) + ", more than the " + size(heap) + " Java heap: "
                    + remedy + (bytes <= 1L << 40 ? ", or raise the heap (NACRAD_JAVA_OPTS=-Xmx"
                    + suggestedHeap(bytes) + ")" : ""));
        }
    }

    /**
     * {@link #require(String, double, double, String)} with the description made only when a limit is exceeded: for
     * the checks that run on every extraction (the texture matrices, the discretisation), where building the text on
     * every call cost a few per cent of a batch (docs/performance.md).
     */
    public static void require(java.util.function.Supplier<String> what, double largestArray, double bytes,
                               String remedy) {
        if (!(largestArray <= MAX_ARRAY_LENGTH) || !(bytes <= Runtime.getRuntime().maxMemory())) {
            require(what.get(), largestArray, bytes, remedy);
        }
    }

    /** The one-line error for an {@link OutOfMemoryError} met anyway (the heap was too full for this request). */
    public static Exceeded outOfMemory(String what) {
        long heap = Runtime.getRuntime().maxMemory();
        return new Exceeded(what + " ran out of memory (the Java heap is " + size(heap) + "): raise the heap "
                + "(NACRAD_JAVA_OPTS=-Xmx" + suggestedHeap(2.0 * heap) + ") or extract fewer cases at once");
    }

    /** The remedy when a discretisation makes too many grey levels. */
    public static final String FEWER_GREY_LEVELS = "raise binWidth (or lower binCount) for fewer grey levels";

    /** A setting's number as written: 25, 0.001, 1.0E-9. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String count(double n) {
        return n < 1e15 ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.2g", n);
    }

    private static String size(double bytes) {
        double gb = bytes / (1L << 30);
        if (gb >= 1e6) {
            return String.format(Locale.ROOT, "%.2g GB", gb);
        }
        return gb >= 1 ? String.format(Locale.ROOT, "%.1f GB", gb)
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / (1 << 20)));
    }

    /** A heap comfortably above {@code bytes}: one and a half times it, in whole gigabytes. */
    private static String suggestedHeap(double bytes) {
        return String.format(Locale.ROOT, "%.0fg", Math.max(1, Math.ceil(1.5 * bytes / (1L << 30))));
    }
}
