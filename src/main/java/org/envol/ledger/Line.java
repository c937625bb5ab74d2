package org.envol.ledger;

/** A stored line of an entry. */
public record Line(int lineNo, long accountId, long amountCents, String label, String analyticCode) {
}
