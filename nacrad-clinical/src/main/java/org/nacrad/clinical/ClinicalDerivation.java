package org.nacrad.clinical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the derived clinical columns to a table of raw clinical values: RCB index and class, shrinkage rate and
 * RECIST response, relative dose intensity (per drug and for the regimen), receptor status and the
 * chemoresistance label.
 *
 * <p>A calculator runs when any of its input columns is present, and then needs all of them. Every row is
 * checked and all problems are reported together, by row and column; nothing is coerced and nothing is written
 * while any problem remains.
 */
public final class ClinicalDerivation {

    private static final List<String> RCB_COLUMNS = List.of(Columns.TUMOUR_BED_D1, Columns.TUMOUR_BED_D2,
            Columns.CELLULARITY, Columns.IN_SITU, Columns.POSITIVE_NODES, Columns.LARGEST_NODE_MET);
    private static final List<String> RESPONSE_COLUMNS = List.of(Columns.BASELINE_DIAMETER, Columns.POST_DIAMETER);
    private static final List<String> RECEPTOR_COLUMNS = List.of(Columns.ER_PCT, Columns.PR_PCT, Columns.HER2_IHC,
            Columns.KI67_PCT);
    private static final Pattern DRUG = Pattern.compile("(.+)" + Pattern.quote(Columns.PLANNED_DOSE));
    private static final List<String> ID_COLUMNS = List.of("id", "patient_id", "ID", "PatientID");

    /**
     * Settings of the derivation.
     *
     * @param rule          chemoresistance rule
     * @param ki67Threshold Ki-67 high threshold, %
     */
    public record Options(ResistanceRule rule, double ki67Threshold) {
        public static Options defaults() {
            return new Options(ResistanceRule.defaultRule(), Receptors.DEFAULT_KI67_THRESHOLD);
        }
    }

    /** One problem in the input: its data row (1-based), the row's id if any, the column and what is wrong. */
    public record Problem(int row, String id, String column, String message) {
        @Override
        public String toString() {
            return "row " + row + (id == null || id.isEmpty() ? "" : " (id " + id + ")") + ", column " + column
                    + ": " + message;
        }
    }

    /** All problems of a table; the message lists them one per line. */
    public static final class InvalidTableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        public InvalidTableException(String source, List<Problem> problems) {
            super(source + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
                    + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private ClinicalDerivation() {
    }

    /**
     * Derives the clinical columns.
     *
     * @param source names the input in error messages (usually its path)
     */
    public static Table derive(Table in, Options options, String source) throws InvalidTableException {
        List<Problem> problems = new ArrayList<>();
        boolean rcb = anyPresent(in, RCB_COLUMNS);
        boolean response = anyPresent(in, RESPONSE_COLUMNS);
        boolean receptors = anyPresent(in, RECEPTOR_COLUMNS);
        List<String> drugs = drugs(in);
        ResistanceRule rule = options.rule();
        boolean label = (rcb || !rule.usesRcb()) && (response || !rule.usesShrinkage()) && (rcb || response);

        List<String> added = new ArrayList<>();
        if (rcb) {
            requireColumns(in, RCB_COLUMNS, problems);
            added.addAll(List.of(Columns.RCB_INDEX, Columns.RCB_CLASS));
        }
        if (response) {
            requireColumns(in, RESPONSE_COLUMNS, problems);
            added.addAll(List.of(Columns.SHRINKAGE_RATE, Columns.RECIST_RESPONSE));
        }
        if (!drugs.isEmpty()) {
            for (String drug : drugs) {
                requireColumns(in, drugColumns(drug), problems);
                added.add(drug + "_rdi");
            }
            added.add(Columns.RDI);
        }
        if (receptors) {
            requireColumns(in, RECEPTOR_COLUMNS, problems);
            added.addAll(List.of(Columns.ER_POSITIVE, Columns.PR_POSITIVE, Columns.HER2_POSITIVE, Columns.KI67_HIGH));
        }
        if (label) {
            added.addAll(List.of(Columns.CHEMORESISTANT, Columns.CHEMORESISTANCE_RULE));
        }
        for (String a : added) {
            if (in.column(a) >= 0) {
                problems.add(new Problem(0, null, a, "the input already has this derived column; remove it first"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTableException(source, problems);
        }

        int idCol = -1;
        for (String c : ID_COLUMNS) {
            if (in.column(c) >= 0) {
                idCol = in.column(c);
                break;
            }
        }
        if (idCol >= 0) {
            checkIds(in, idCol, problems);
        }
        List<String> columns = new ArrayList<>(in.columns());
        columns.addAll(added);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < in.rows().size(); r++) {
            Row row = new Row(in, r, idCol, problems);
            List<String> out = new ArrayList<>(in.rows().get(r));
            Rcb rcbValue = null;
            Response resp = null;
            if (rcb) {
                rcbValue = row.compute(() -> Rcb.of(new Rcb.Inputs(row.num(Columns.TUMOUR_BED_D1),
                        row.num(Columns.TUMOUR_BED_D2), row.num(Columns.CELLULARITY), row.num(Columns.IN_SITU),
                        row.whole(Columns.POSITIVE_NODES), row.num(Columns.LARGEST_NODE_MET))));
                out.add(rcbValue == null ? "" : Double.toString(rcbValue.index()));
                out.add(rcbValue == null ? "" : rcbValue.rcbClass().label());
            }
            if (response) {
                resp = row.compute(() -> Response.of(row.num(Columns.BASELINE_DIAMETER), row.num(Columns.POST_DIAMETER)));
                out.add(resp == null ? "" : Double.toString(resp.shrinkageRate()));
                out.add(resp == null ? "" : resp.recist().name());
            }
            if (!drugs.isEmpty()) {
                List<DoseIntensity.Course> courses = new ArrayList<>();
                for (String drug : drugs) {
                    DoseIntensity.Course c = row.compute(() -> new DoseIntensity.Course(drug,
                            row.num(drug + Columns.PLANNED_DOSE), row.num(drug + Columns.DELIVERED_DOSE),
                            row.num(drug + Columns.PLANNED_DAYS), row.num(drug + Columns.ACTUAL_DAYS)));
                    out.add(c == null ? "" : Double.toString(c.rdi()));
                    if (c != null) {
                        courses.add(c);
                    }
                }
                out.add(courses.size() == drugs.size() ? Double.toString(DoseIntensity.regimen(courses)) : "");
            }
            if (receptors) {
                Receptors rec = row.compute(() -> Receptors.of(row.num(Columns.ER_PCT), row.num(Columns.PR_PCT),
                        row.ihc(Columns.HER2_IHC), Receptors.Ish.parse(row.text(Columns.HER2_ISH)),
                        row.num(Columns.KI67_PCT), options.ki67Threshold()));
                for (boolean b : rec == null ? new boolean[0]
                        : new boolean[] {rec.erPositive(), rec.prPositive(), rec.her2Positive(), rec.ki67High()}) {
                    out.add(b ? "1" : "0");
                }
                if (rec == null) {
                    out.addAll(List.of("", "", "", ""));
                }
            }
            if (label) {
                Rcb fr = rcbValue;
                Boolean resistant = null;
                if ((fr != null || !rule.usesRcb()) && (resp != null || !rule.usesShrinkage())) {
                    resistant = rule.resistant(fr == null ? null : fr.rcbClass(),
                            rule.usesShrinkage() ? row.num(Columns.BASELINE_DIAMETER) : 0,
                            rule.usesShrinkage() ? row.num(Columns.POST_DIAMETER) : 0);
                }
                out.add(resistant == null ? "" : resistant ? "1" : "0");
                out.add(rule.spec());
            }
            rows.add(out);
        }
        if (!problems.isEmpty()) {
            throw new InvalidTableException(source, problems);
        }
        return new Table(columns, rows);
    }

    /** Drug names found as {@code <drug>_planned_dose_mg_m2} columns, in column order. */
    public static List<String> drugs(Table in) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : in.columns()) {
            for (String suffix : List.of(Columns.PLANNED_DOSE, Columns.DELIVERED_DOSE, Columns.PLANNED_DAYS,
                    Columns.ACTUAL_DAYS)) {
                if (c.endsWith(suffix) && c.length() > suffix.length()) {
                    out.add(c.substring(0, c.length() - suffix.length()));
                }
            }
        }
        out.removeIf(d -> !DRUG.matcher(d + Columns.PLANNED_DOSE).matches());
        return new ArrayList<>(out);
    }

    /** The four dose-intensity columns of one drug: planned and delivered dose, planned and actual days. */
    public static List<String> drugColumns(String drug) {
        return List.of(drug + Columns.PLANNED_DOSE, drug + Columns.DELIVERED_DOSE, drug + Columns.PLANNED_DAYS,
                drug + Columns.ACTUAL_DAYS);
    }

    private static boolean anyPresent(Table t, List<String> cols) {
        return cols.stream().anyMatch(c -> t.column(c) >= 0);
    }

    /** Every id present and unique: an empty or repeated id would let two patients' rows be confused. */
    private static void checkIds(Table in, int idCol, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        String name = in.columns().get(idCol);
        for (int r = 0; r < in.rows().size(); r++) {
            String id = in.rows().get(r).get(idCol);
            if (id.isEmpty()) {
                problems.add(new Problem(r + 1, null, name, "is empty"));
            } else if (seen.containsKey(id)) {
                problems.add(new Problem(r + 1, id, name, "duplicate id (also on row " + seen.get(id) + ")"));
            } else {
                seen.put(id, r + 1);
            }
        }
    }

    private static void requireColumns(Table t, List<String> cols, List<Problem> problems) {
        for (String c : cols) {
            if (t.column(c) < 0) {
                problems.add(new Problem(0, null, c, "required column is missing (a related column is present)"));
            }
        }
    }

    /** A cell's number; an empty or non-numeric cell is a {@link ClinicalValueException} naming the column. */
    public static double number(String column, String s) {
        if (s == null || s.isEmpty()) {
            throw new ClinicalValueException(column, "is empty (a value is required)");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ClinicalValueException(column, "is not a number: '" + s + "'");
        }
    }

    /** An IHC score 0, 1, 2 or 3 (optionally written 1+, 2+, 3+). */
    public static int ihcScore(String column, String s) {
        Matcher m = IHC.matcher(s == null ? "" : s);
        if (!m.matches()) {
            throw new ClinicalValueException(column, "must be an IHC score 0, 1, 2 or 3 (optionally 1+, 2+, 3+), got '" + s + "'");
        }
        return Integer.parseInt(m.group(1));
    }

    private static final Pattern IHC = Pattern.compile("([0-3])\\+?");

    /** Typed, checked access to one row's cells; parse failures become problems. */
    private static final class Row {
        private final Table table;
        private final int r;
        private final String id;
        private final List<Problem> problems;

        Row(Table table, int r, int idCol, List<Problem> problems) {
            this.table = table;
            this.r = r;
            this.id = idCol >= 0 ? table.rows().get(r).get(idCol) : null;
            this.problems = problems;
        }

        String text(String column) {
            int c = table.column(column);
            return c < 0 ? "" : table.rows().get(r).get(c);
        }

        double num(String column) {
            return number(column, text(column));
        }

        int whole(String column) {
            double v = num(column);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new ClinicalValueException(column, "must be a whole number, got '" + text(column) + "'");
            }
            return (int) v;
        }

        int ihc(String column) {
            return ihcScore(column, text(column));
        }

        <T> T compute(java.util.function.Supplier<T> f) {
            try {
                return f.get();
            } catch (ClinicalValueException e) {
                problems.add(new Problem(r + 1, id, e.column(), e.getMessage().substring(e.column().length() + 1)));
                return null;
            }
        }
    }
}
