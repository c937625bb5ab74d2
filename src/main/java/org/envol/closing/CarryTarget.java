package org.envol.closing;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the prior year's result goes, as the treasurer chooses: retained earnings (report à
 * nouveau: 110 when it is a surplus, 119 a deficit) or association funds (102).
 */
public enum CarryTarget {
    RETAINED("retained"), FUNDS("funds");

    private final String option;

    CarryTarget(String option) {
        this.option = option;
    }

    /** As written on the command line and in the page's form. */
    public String option() {
        return option;
    }

    public static Optional<CarryTarget> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (CarryTarget c : values()) {
            if (c.option.equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
