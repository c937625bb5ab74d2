package org.envol.ledger;

/** Debit and credit totals of an account over a period, both positive, in cents. */
public record Movement(long debitCents, long creditCents) {

    public static final Movement ZERO = new Movement(0, 0);

    public long balanceCents() {
        return debitCents - creditCents;
    }

    public Movement plus(Movement other) {
        return new Movement(Math.addExact(debitCents, other.debitCents), Math.addExact(creditCents, other.creditCents));
    }
}
