package org.envol.ledger;

import java.time.LocalDate;

/** A section's fiscal year (exercice). A closed year accepts nothing. */
public record FiscalYear(long id, long sectionId, LocalDate startDate, LocalDate endDate, boolean closed) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(endDate) && !end.isBefore(startDate);
    }
}
