package org.envol.ledger;

import java.time.LocalDate;

/** The period a page shows unless asked otherwise: the fiscal year that contains today, else the year to date. */
record BookPeriod(LocalDate from, LocalDate to) {

    static BookPeriod current(FiscalYearService years, long sectionId, LocalDate today) {
        return years.containing(sectionId, today).map(y -> new BookPeriod(y.startDate(), y.endDate()))
                .orElse(new BookPeriod(today.withDayOfYear(1), today));
    }

    /** The period asked for, each missing end taken from the current period. */
    static BookPeriod asked(LocalDate from, LocalDate to, FiscalYearService years, long sectionId, LocalDate today) {
        if (from != null && to != null) {
            return new BookPeriod(from, to);
        }
        BookPeriod current = current(years, sectionId, today);
        return new BookPeriod(from == null ? current.from() : from, to == null ? current.to() : to);
    }
}
