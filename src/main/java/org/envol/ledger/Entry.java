package org.envol.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored entry with its lines. */
public record Entry(
        long id,
        long sectionId,
        String journalCode,
        long fiscalYearId,
        LocalDate date,
        String label,
        String voucherRef,
        Source source,
        EntryStatus status,
        Integer number,
        Instant frozenAt,
        Long chainSeq,
        String previousHash,
        String hash,
        Long reversalOf,
        Instant createdAt,
        String createdBy,
        List<Line> lines) {

    public Entry {
        lines = List.copyOf(lines);
    }

    public boolean frozen() {
        return status == EntryStatus.FROZEN;
    }

    /** The number as printed and exported: journal, fiscal year start, sequence. */
    public String displayNumber() {
        return number == null ? null : journalCode + "-" + number;
    }
}
