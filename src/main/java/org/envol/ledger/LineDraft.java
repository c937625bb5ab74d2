package org.envol.ledger;

/** One line of an entry to write: debit positive, credit negative, in cents. */
public record LineDraft(Long accountId, long amountCents, String label, String analyticCode) {

    public static LineDraft of(long accountId, long amountCents) {
        return new LineDraft(accountId, amountCents, null, null);
    }

    public static LineDraft of(long accountId, long amountCents, String label) {
        return new LineDraft(accountId, amountCents, label, null);
    }
}
