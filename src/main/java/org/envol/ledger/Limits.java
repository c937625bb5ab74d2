package org.envol.ledger;

/** Every limit of the ledger, named once and tested at the limit and one past it. */
public final class Limits {

    private Limits() {
    }

    public static final int LINES_PER_ENTRY_MAX = 500;
    public static final int LABEL_MAX = 255;
    public static final int VOUCHER_MAX = 100;
    public static final int ANALYTIC_MAX = 30;
    public static final int ACCOUNT_LABEL_MAX = 200;
    public static final int SECTION_CODE_MAX = 20;
    public static final int JOURNAL_CODE_MAX = 10;
    public static final int CHART_CODE_MAX = 10;
    /** Ten thousand billion euros: far above any club, far below overflow when summed. */
    public static final long AMOUNT_MAX_CENTS = 1_000_000_000_000_00L;
    public static final int FISCAL_YEAR_MONTHS_MAX = 24;
    public static final int PAGE_SIZE_MAX = 500;
}
