package org.envol.reports;

import java.util.Locale;
import java.util.Optional;

/** The reports, by the name the command line and the addresses use. */
public enum ReportName {
    TRIAL_BALANCE("trial-balance", true),
    INCOME_STATEMENT("income-statement", true),
    BALANCE_SHEET("balance-sheet", true),
    MEMBER_BALANCES("member-balances", true),
    GENERAL_LEDGER("general-ledger", false),
    JOURNAL("journal", false),
    STATEMENT("statement", false);

    private final String param;
    private final boolean consolidates;

    ReportName(String param, boolean consolidates) {
        this.param = param;
        this.consolidates = consolidates;
    }

    /** {@code trial-balance}, {@code income-statement}… */
    public String param() {
        return param;
    }

    /** Whether the report can sum all sections (balances can; lines belong to one section's books). */
    public boolean consolidates() {
        return consolidates;
    }

    public static Optional<ReportName> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ReportName r : values()) {
            if (r.param.equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
