package org.envol.reports;

import java.util.Locale;
import java.util.Optional;

/** How a trial balance is laid out: one row per account, or per chart code of 2 or 3 digits with class subtotals. */
public enum Grouping {
    ACCOUNT("account", 0), CODE2("2", 2), CODE3("3", 3);

    private final String param;
    private final int digits;

    Grouping(String param, int digits) {
        this.param = param;
        this.digits = digits;
    }

    /** As in links and on the command line: {@code account}, {@code 2}, {@code 3}. */
    public String param() {
        return param;
    }

    int digits() {
        return digits;
    }

    public static Optional<Grouping> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Grouping g : values()) {
            if (g.param.equals(n)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
