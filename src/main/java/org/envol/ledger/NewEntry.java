package org.envol.ledger;

import java.time.Instant;

/**
 * A checked draft about to be written, with what the ledger decided for it. {@code restatesBalances}:
 * an opening entry after a closing (or its reversal), kept out of the balances (see {@link YearEnd}).
 */
record NewEntry(long id, EntryDraft draft, long journalId, long fiscalYearId, EntryStatus status, Source source,
        boolean registerSource, Long reversalOf, boolean restatesBalances, Instant createdAt, String createdBy) {

    /** Whether its lines enter the balances. */
    boolean counted() {
        return status.counted() && !restatesBalances;
    }
}
