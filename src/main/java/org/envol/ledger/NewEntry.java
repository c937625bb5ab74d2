package org.envol.ledger;

import java.time.Instant;

/** A checked draft about to be written, with what the ledger decided for it. */
record NewEntry(long id, EntryDraft draft, long journalId, long fiscalYearId, EntryStatus status, Source source,
        boolean registerSource, Long reversalOf, Instant createdAt, String createdBy) {
}
