package org.envol.ledger;

import java.time.LocalDate;

/**
 * What to sum: the counted lines of a section (or of one account) dated within [from, to].
 * A null {@code from} means since the beginning of the books.
 */
public record BalanceCriteria(long sectionId, Long accountId, LocalDate from, LocalDate to) {

    public static BalanceCriteria section(long sectionId, LocalDate from, LocalDate to) {
        return new BalanceCriteria(sectionId, null, from, to);
    }

    public static BalanceCriteria account(long sectionId, long accountId, LocalDate from, LocalDate to) {
        return new BalanceCriteria(sectionId, accountId, from, to);
    }
}
