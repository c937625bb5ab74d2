package org.envol.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Section;
import org.springframework.stereotype.Component;

/**
 * The dates a report covers when the user gave some or none: by default the current fiscal year
 * (of the scope's first section), « at a date » meaning from the start of the fiscal year that
 * contains it; and the period or date of the column N-1 beside.
 */
@Component
class ReportPeriods {

    /** Inclusive days. */
    record Period(LocalDate from, LocalDate to) {
    }

    private final FiscalYearService years;
    private final Clock clock;

    ReportPeriods(FiscalYearService years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * [from, to] as asked. {@code to} (or {@code at}) without {@code from} means from the start of
     * the fiscal year that holds that day; nothing asked is the current fiscal year (else the
     * calendar year to date), a {@code from} alone runs to its end.
     */
    Period period(ReportScope scope, LocalDate from, LocalDate to, LocalDate at) {
        Section reference = scope.sections().get(0);
        LocalDate end = to != null ? to : at;
        Period p;
        if (end != null) {
            // up to a day: from the start of the fiscal year that holds it, unless told
            p = new Period(from != null ? from : yearStart(reference, end), end);
        } else {
            LocalDate today = today();
            Period current = years.containing(reference.id(), today).map(y -> new Period(y.startDate(), y.endDate()))
                    .orElse(new Period(today.withDayOfYear(1), today));
            p = new Period(from != null ? from : current.from(), current.to());
        }
        if (p.to().isBefore(p.from())) {
            throw new ReportException("reports.period.invalid", ReportWriter.DAY.format(p.from()), ReportWriter.DAY.format(p.to()));
        }
        return p;
    }

    /** The period of the column N-1: the previous fiscal year when the period is a whole one, else the same days a year before. */
    Period previous(ReportScope scope, Period period) {
        List<FiscalYear> list = years.list(scope.sections().get(0).id());
        boolean wholeYear = list.stream().anyMatch(y -> y.startDate().equals(period.from()) && y.endDate().equals(period.to()));
        if (wholeYear) {
            Optional<FiscalYear> before = list.stream().filter(y -> y.endDate().equals(period.from().minusDays(1))).findFirst();
            if (before.isPresent()) {
                return new Period(before.get().startDate(), before.get().endDate());
            }
        }
        return new Period(period.from().minusYears(1), period.to().minusYears(1));
    }

    /** The date of a balance sheet: {@code at}, else {@code to}, else today. */
    LocalDate at(LocalDate at, LocalDate to) {
        return at != null ? at : to != null ? to : today();
    }

    /** The date of the column N-1 of a balance sheet: the end of the previous fiscal year when {@code at} ends one, else a year before. */
    LocalDate previousAt(ReportScope scope, LocalDate at) {
        List<FiscalYear> list = years.list(scope.sections().get(0).id());
        Optional<FiscalYear> ending = list.stream().filter(y -> y.endDate().equals(at)).findFirst();
        if (ending.isPresent()) {
            LocalDate dayBefore = ending.get().startDate().minusDays(1);
            if (list.stream().anyMatch(y -> y.endDate().equals(dayBefore))) {
                return dayBefore;
            }
        }
        return at.minusYears(1);
    }

    /**
     * The first day of the section's fiscal year that holds {@code date} (else of the last one begun
     * before it, else the 1st of January): where the year's result starts.
     */
    LocalDate yearStart(Section section, LocalDate date) {
        LocalDate start = null;
        for (FiscalYear y : years.list(section.id())) {
            if (!y.startDate().isAfter(date) && (start == null || y.startDate().isAfter(start))) {
                start = y.startDate();
            }
        }
        return start == null ? date.withDayOfYear(1) : start;
    }
}
