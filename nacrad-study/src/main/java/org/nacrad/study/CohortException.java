package org.nacrad.study;

import java.util.List;

/** A cohort that cannot be analysed: every problem, one per line, and nothing computed. */
public final class CohortException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public CohortException(String source, List<Problem> problems) {
        super(source + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the cohort:\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
