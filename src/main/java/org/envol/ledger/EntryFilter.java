package org.envol.ledger;

import java.time.LocalDate;

/** Filters of the general journal; null means no filter. */
public record EntryFilter(long sectionId, LocalDate from, LocalDate to, String journalCode, Long accountId, String text,
        EntryStatus status) {

    public static EntryFilter all(long sectionId) {
        return new EntryFilter(sectionId, null, null, null, null, null, null);
    }
}
