package org.envol.interchange;

import java.util.List;

/**
 * One finding of {@link FecCheck}: where (line number, 1 for the header; column name, or null
 * for the whole line or file), how bad, and what (a message key of {@code i18n/interchange}
 * with its arguments).
 */
public record FecProblem(int line, String column, boolean error, String key, List<Object> args) {

    /** Prefix of the import's message keys (the check's are {@code fec.check.}). */
    static final String IMPORT = "fec.import.";

    public FecProblem {
        args = List.copyOf(args);
    }

    static FecProblem error(int line, String column, String key, Object... args) {
        return new FecProblem(line, column, true, "fec.check." + key, List.of(args));
    }

    static FecProblem warning(int line, String column, String key, Object... args) {
        return new FecProblem(line, column, false, "fec.check." + key, List.of(args));
    }
}
