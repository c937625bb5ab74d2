package org.envol.ledger;

/**
 * How year-end closing entries are recognised: they stand for sources of kind {@link #KIND}.
 * The result entry (classes 6 and 7 zeroed into 120/129, dated the last day of the year) must be
 * left out when reports compute that year's income statement and balance sheet, or the year
 * would show no result once closed.
 */
public final class YearEnd {

    public static final String KIND = "year-end";

    private YearEnd() {
    }

    /** Zeroing of classes 6 and 7 into the result of the year (120 surplus / 129 deficit). */
    public static Source result(long fiscalYearId) {
        return new Source(KIND, "result-" + fiscalYearId);
    }

    /** The prior year's result carried to retained earnings (110/119) or association funds (102). */
    public static Source carry(long fiscalYearId) {
        return new Source(KIND, "carry-" + fiscalYearId);
    }

    /** Opening balances (journal AN) of the fiscal year that follows a closed one. */
    public static Source opening(long newFiscalYearId) {
        return new Source(KIND, "opening-" + newFiscalYearId);
    }
}
