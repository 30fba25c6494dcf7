package org.nacrad.simulator;

import java.util.ArrayList;
import java.util.List;

import org.nacrad.image.Volume;

/**
 * The centres of a simulated multi-centre cohort, each with its own scanner: the T1 signal a scanner records is
 * {@code scale × s + shift} of the phantom's signal s (rounded, as the phantom's own values are, and clipped to the
 * INT16 range), a scanner-dependent gain and offset such as different coils, sequences and reconstruction give. The
 * DWI series are left alone (the diffusion quantities are ratios of signals, insensitive to a gain). Patient i is
 * imaged at centre {@code i mod n} (round robin), so the patients themselves — their tumours, clinical records and
 * outcomes — are exactly those of the one-centre cohort of the same seed, and only their T1 images differ.
 *
 * <p>Centre A is the reference scanner (gain 1, offset 0): a one-centre cohort is byte-identical to the cohorts
 * written before centres existed, with no {@code centre} column. The scanners of centres B to F:
 *
 * <table>
 *   <caption>Scanners</caption>
 *   <tr><th>centre</th><th>gain</th><th>offset</th></tr>
 *   <tr><td>A</td><td>1.00</td><td>0</td></tr>
 *   <tr><td>B</td><td>1.20</td><td>−40</td></tr>
 *   <tr><td>C</td><td>0.60</td><td>+200</td></tr>
 *   <tr><td>D</td><td>1.45</td><td>+100</td></tr>
 *   <tr><td>E</td><td>0.80</td><td>−30</td></tr>
 *   <tr><td>F</td><td>1.10</td><td>+250</td></tr>
 * </table>
 *
 * @param scanners one per centre, in centre order
 */
public record Centres(List<Scanner> scanners) {

    /** The most centres a cohort can have. */
    public static final int MAX = 6;

    private static final List<Scanner> ALL = List.of(new Scanner("A", 1.0, 0), new Scanner("B", 1.2, -40),
            new Scanner("C", 0.6, 200), new Scanner("D", 1.45, 100), new Scanner("E", 0.8, -30),
            new Scanner("F", 1.1, 250));

    /**
     * A centre's scanner.
     *
     * @param name  centre name (the manifest's {@code centre} column)
     * @param scale gain applied to the T1 signal
     * @param shift offset added to it
     */
    public record Scanner(String name, double scale, double shift) {
    }

    public Centres {
        scanners = List.copyOf(scanners);
        if (scanners.isEmpty()) {
            throw new IllegalArgumentException("at least one centre");
        }
    }

    /** The first n centres of the table above; n from 1 to {@link #MAX}. */
    public static Centres of(int n) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("centres must be from 1 to " + MAX + ", got " + n);
        }
        return new Centres(new ArrayList<>(ALL.subList(0, n)));
    }

    /** Whether the cohort has several centres (then the manifest has a {@code centre} column). */
    public boolean several() {
        return scanners.size() > 1;
    }

    /** The scanner of patient index i (0-based, in cohort order). */
    public Scanner scannerOf(int patient) {
        return scanners.get(patient % scanners.size());
    }

    /** The T1 image as the patient's scanner records it (unchanged for the reference scanner). */
    Volume record(int patient, Volume t1) {
        Scanner s = scannerOf(patient);
        if (s.scale() == 1 && s.shift() == 0) {
            return t1;
        }
        double[] d = t1.data();
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, StrictMath.rint(s.scale() * d[i] + s.shift())));
        }
        return t1.withData(out, t1.pixelType());
    }

    /** truth-centres.csv: each centre's scanner and number of patients. */
    String table(int patients) {
        StringBuilder b = new StringBuilder("centre,t1_gain,t1_offset,patients\n");
        for (int c = 0; c < scanners.size(); c++) {
            int n = patients / scanners.size() + (c < patients % scanners.size() ? 1 : 0);
            Scanner s = scanners.get(c);
            b.append(s.name()).append(',').append(CohortTables.number(s.scale())).append(',')
                    .append(CohortTables.number(s.shift())).append(',').append(n).append('\n');
        }
        return b.toString();
    }
}
