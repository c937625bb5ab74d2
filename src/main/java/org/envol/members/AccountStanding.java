package org.envol.members;

/**
 * The one rule of a member who leaves: an account whose stay has ended and whose balance is not
 * zero waits for the treasurer (refund or recovery) before it can be closed.
 */
public interface AccountStanding {

    /** Whether the member's stay in the account's section has ended. */
    boolean ended();

    long balanceCents();

    /** « solde non nul » on the lists and the member's page. */
    default boolean flagged() {
        return ended() && balanceCents() != 0;
    }
}
