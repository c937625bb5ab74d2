package org.envol.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * The balance of every account of a section for a period: opening balance, debit and credit
 * movements, closing balance. Totals are checked on read: every column sums to zero in balance.
 */
public record TrialBalance(long sectionId, LocalDate from, LocalDate to, List<Row> rows, Row totals) {

    public record Row(Account account, long openingCents, long debitCents, long creditCents, long closingCents) {
    }

    public boolean balanced() {
        return totals.openingCents() == 0 && totals.closingCents() == 0 && totals.debitCents() == totals.creditCents();
    }
}
