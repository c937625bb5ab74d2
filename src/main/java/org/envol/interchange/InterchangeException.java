package org.envol.interchange;

import java.util.List;

/**
 * A refusal of the interchange feature that the user can fix: a message key of
 * {@code i18n/interchange} with its arguments, and the check's problems when a file fails it.
 */
public class InterchangeException extends RuntimeException {

    private final String key;
    private final transient Object[] args;
    private final transient List<FecProblem> problems;

    public InterchangeException(String key, Object... args) {
        this(List.of(), key, args);
    }

    InterchangeException(List<FecProblem> problems, String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
        this.problems = List.copyOf(problems);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FecProblem> problems() {
        return problems;
    }
}
