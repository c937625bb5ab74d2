package org.envol.reports;

import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.reports.ReportPeriods.Period;
import org.springframework.stereotype.Component;

/** The words every report shares: which books, which period, in the user's language. */
@Component
class ReportTexts {

    private final Messages messages;

    ReportTexts(Messages messages) {
        this.messages = messages;
    }

    /** « Section PLANEUR · Vol à voile », or the sections a consolidated report sums. */
    List<String> scope(ReportScope scope) {
        if (scope.consolidated()) {
            return List.of(messages.get("reports.consolidated", String.join(", ", scope.sections().stream().map(Section::code).toList())));
        }
        Section s = scope.section();
        return List.of(messages.get("reports.section", s.code(), s.name()));
    }

    /** The scope's lines and « Du 01/01/2025 au 31/12/2025 ». */
    List<String> scopeAndPeriod(ReportScope scope, LocalDate from, LocalDate to) {
        List<String> out = new java.util.ArrayList<>(scope(scope));
        out.add(period(from, to));
        return out;
    }

    String period(LocalDate from, LocalDate to) {
        return messages.get("reports.period", ReportWriter.DAY.format(from), ReportWriter.DAY.format(to));
    }

    /** A column's header for a period: « 2025 » for a calendar year, else its two dates. */
    String yearHeader(Period p) {
        if (p.from().getDayOfYear() == 1 && p.to().equals(p.from().withMonth(12).withDayOfMonth(31))) {
            return Integer.toString(p.from().getYear());
        }
        return ReportWriter.DAY.format(p.from()) + " – " + ReportWriter.DAY.format(p.to());
    }
}
