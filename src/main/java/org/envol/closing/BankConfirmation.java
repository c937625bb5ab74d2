package org.envol.closing;

import java.time.Instant;

/** A bank account's balance at the end of a fiscal year, as the treasurer confirmed it, by whom and when. */
public record BankConfirmation(long fiscalYearId, long accountId, long balanceCents, String confirmedBy, Instant confirmedAt) {
}
