package org.envol.openflyers;

import java.time.LocalDate;

/**
 * One OpenFlyers flow (« flux »): a balanced movement of {@code amountCents} from the credited
 * account to the debited one, as an export file gives it. {@code line} is the file line where it
 * was first read.
 */
public record JournalFlow(String number, LocalDate date, String label, long amountCents, Side debit, Side credit, int line) {

    /** An OpenFlyers account as the file names it: its id (the key of the mapping table) and its name. */
    public record Side(String id, String name) {
    }

    /** Whether two appearances of the same flow say the same thing (its two accounts' blocks). */
    boolean sameAs(JournalFlow other) {
        return date.equals(other.date) && amountCents == other.amountCents && debit.id().equals(other.debit.id())
                && credit.id().equals(other.credit.id());
    }
}
