package org.envol.interchange;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one import, in the order found: every one is counted, the first
 * {@link #KEPT_MAX} are kept to be shown (a file with 100,000 bad lines needs its first ones
 * named, not all of them).
 */
final class FecProblems {

    static final int KEPT_MAX = 1_000;

    private final List<FecProblem> kept = new ArrayList<>();
    private int errors;
    private int warnings;

    void error(int line, String column, String key, Object... args) {
        errors++;
        keep(new FecProblem(line, column, true, FecProblem.IMPORT + key, List.of(args)));
    }

    void warning(int line, String column, String key, Object... args) {
        warnings++;
        keep(new FecProblem(line, column, false, FecProblem.IMPORT + key, List.of(args)));
    }

    private void keep(FecProblem p) {
        if (kept.size() < KEPT_MAX) {
            kept.add(p);
        }
    }

    boolean hasErrors() {
        return errors > 0;
    }

    int errors() {
        return errors;
    }

    int warnings() {
        return warnings;
    }

    List<FecProblem> kept() {
        return List.copyOf(kept);
    }
}
