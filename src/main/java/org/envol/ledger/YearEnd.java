package org.envol.ledger;

/**
 * How year-end closing entries are recognised: they stand for sources of kind {@link #KIND}.
 * The result entry (classes 6 and 7 zeroed into 120/129, dated the last day of the year) must be
 * left out when reports compute that year's income statement and balance sheet, or the year
 * would show no result once closed.
 * <p>
 * Balances run on from one year to the next (they are sums since the first entry), so the
 * opening entries posted by a closing restate what the books already carry: the ledger keeps
 * their lines (and those of their reversals) out of the balances — they are not counted — while
 * they stay in the journals and the FEC. See {@link #restatesBalances(Source)}.
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

    private static final String OPENING = "opening-";

    /** Opening balances (journal AN) of the fiscal year that follows a closed one. */
    public static Source opening(long newFiscalYearId) {
        return new Source(KIND, OPENING + newFiscalYearId);
    }

    /**
     * Part {@code part} (2, 3…) of opening balances too many for one entry
     * ({@link Limits#LINES_PER_ENTRY_MAX}); part 1 is {@link #opening(long)}.
     */
    public static Source opening(long newFiscalYearId, int part) {
        return part <= 1 ? opening(newFiscalYearId) : new Source(KIND, OPENING + newFiscalYearId + "-" + part);
    }

    /**
     * Whether an entry standing for this source restates balances the books already carry (the
     * opening entries of a closing): its lines are not counted in the balances.
     */
    public static boolean restatesBalances(Source source) {
        return source != null && KIND.equals(source.kind()) && source.reference().startsWith(OPENING);
    }
}
