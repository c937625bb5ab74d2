package org.envol.reports;

/** The limits of the reports, named once and tested at the limit and one past it. */
public final class ReportLimits {

    private ReportLimits() {
    }

    /** Rows of a PDF (about 330 pages of A4): a longer report is for CSV or Excel. */
    public static final int PDF_ROWS_MAX = 20_000;
    /** Rows of an Excel sheet: Excel itself stops at 1,048,576, title lines included. */
    public static final int XLSX_ROWS_MAX = 1_000_000;
    /** Lines of the general ledger and entries of a journal shown on one screen page. */
    public static final int SCREEN_LINES = 200;
    public static final int SCREEN_ENTRIES = 50;
}
