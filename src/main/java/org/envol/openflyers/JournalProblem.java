package org.envol.openflyers;

import java.util.List;

/** What does not fit in a journal file: the line (1-based) and a message key of i18n/openflyers with its arguments. */
public record JournalProblem(int line, String key, List<Object> args) {

    public JournalProblem {
        args = List.copyOf(args);
    }

    static JournalProblem at(int line, String key, Object... args) {
        return new JournalProblem(line, key, List.of(args));
    }
}
