package org.nacrad.image;

import java.util.Locale;

/**
 * The memory an image reader may ask for, checked from the header <em>before</em> anything is allocated, so that a
 * header claiming more voxels than the Java heap holds (or a gzip bomb) ends in a one-line
 * {@link ImageFormatException} naming the file, never in an {@link OutOfMemoryError}.
 *
 * <p>The limit is the smallest of: the largest Java array (2<sup>31</sup> − 16 elements), the JVM's maximum heap
 * ({@link Runtime#maxMemory()}, set with {@code -Xmx}; the {@code nacrad} launcher passes
 * {@code NACRAD_JAVA_OPTS}), and, when set, the system property {@value #PROPERTY} (bytes; a tighter cap, used by
 * the fuzz tests). An allocation that passes the check but still does not fit in what is left of the heap is
 * caught where it is made ({@link #allocateDoubles}) and reported in the same way.
 */
public final class ImageLimits {

    /** System property: the most bytes one image array may take (optional, below the heap). */
    public static final String PROPERTY = "nacrad.image.maxBytes";

    /** The largest array length the JVM allows. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16;

    private ImageLimits() {
    }

    /** The most bytes one array of image data may take (see the class documentation). */
    public static long maxBytes() {
        return Math.min(Runtime.getRuntime().maxMemory(), cap());
    }

    /** The cap of {@value #PROPERTY}, or Long.MAX_VALUE when it is not set. */
    private static long cap() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(p.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("system property " + PROPERTY + " is not a number of bytes: " + p, e);
        }
    }

    /**
     * Checks that {@code elements} values of {@code bytesPerElement} bytes each fit in one array and in the heap.
     *
     * @param file names the file in the message
     * @param what says what the values are, e.g. "image of 512×512×200 voxels"
     * @throws ImageFormatException "{@code <file>: <what> needs N MB, more than ...: raise the heap ...}"
     */
    public static void require(String file, String what, long elements, int bytesPerElement)
            throws ImageFormatException {
        if (elements < 0 || elements > MAX_ARRAY_LENGTH) {
            throw new ImageFormatException(file, what + " has " + (elements < 0 ? "more than 2^63" : elements)
                    + " values, more than the " + MAX_ARRAY_LENGTH + " one Java array can hold");
        }
        long bytes = elements * bytesPerElement;
        long limit = maxBytes();
        if (bytes > limit) {
            throw tooLarge(file, what, bytes, limit);
        }
    }

    /**
     * Allocates the {@code double} array of an image after {@link #require} has passed, turning an
     * {@link OutOfMemoryError} (the heap is too full for this array now) into the same one-line error.
     */
    public static double[] allocateDoubles(String file, String what, long elements) throws ImageFormatException {
        require(file, what, elements, Double.BYTES);
        try {
            return new double[(int) elements];
        } catch (OutOfMemoryError e) {
            Runtime r = Runtime.getRuntime();
            throw tooLarge(file, what, elements * Double.BYTES, r.maxMemory() - (r.totalMemory() - r.freeMemory()));
        }
    }

    /** The product of sizes, or −1 when it overflows a long. */
    public static long product(long... sizes) {
        long p = 1;
        for (long s : sizes) {
            if (s < 0) {
                return -1;
            }
            try {
                p = Math.multiplyExact(p, s);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return p;
    }

    private static ImageFormatException tooLarge(String file, String what, long bytes, long limit) {
        if (cap() < Runtime.getRuntime().maxMemory()) {
            return new ImageFormatException(file, what + " needs " + mb(bytes) + " of memory, more than the "
                    + mb(limit) + " allowed by the system property " + PROPERTY);
        }
        return new ImageFormatException(file, what + " needs " + mb(bytes) + " of memory, more than the " + mb(limit)
                + " available to nacrad: raise the Java heap (e.g. NACRAD_JAVA_OPTS=-Xmx" + suggestedHeap(bytes)
                + " for the nacrad launcher, or java -Xmx" + suggestedHeap(bytes) + ")");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%d MB", (bytes + (1 << 20) - 1) >> 20);
    }

    /** A heap size comfortably above {@code bytes}: three times it, in whole gigabytes. */
    private static String suggestedHeap(long bytes) {
        long g = Math.max(1, (3 * bytes + (1L << 30) - 1) >> 30);
        return g + "g";
    }
}
