package org.envol.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * What a feature hands the ledger: the only way entries get written. The ledger checks it
 * (see {@link RejectionCode}) before anything is stored.
 */
public record EntryDraft(
        long sectionId,
        String journalCode,
        LocalDate date,
        String label,
        String voucherRef,
        Source source,
        List<LineDraft> lines) {

    public EntryDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A draft typed by a user, with no outside source. */
    public static EntryDraft manual(long sectionId, String journalCode, LocalDate date, String label,
            String voucherRef, List<LineDraft> lines) {
        return new EntryDraft(sectionId, journalCode, date, label, voucherRef, null, lines);
    }

    public long imbalanceCents() {
        long sum = 0;
        for (LineDraft line : lines) {
            sum = Math.addExact(sum, line.amountCents());
        }
        return sum;
    }
}
