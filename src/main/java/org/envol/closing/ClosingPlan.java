package org.envol.closing;

import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Entry;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.Source;

/**
 * The preview of a year's closing: the entries it posts (nothing written yet), the accounts it
 * creates, and the checklist. Once the year is closed, the same plan shows the entries standing.
 *
 * @param nextYear the following fiscal year, null when the closing creates it ({@code nextStart} to {@code nextEnd})
 * @param resultCents the result of the year, debit positive: negative is a surplus (to 120), positive a deficit (to 129)
 * @param priorResultCents the prior result still in 120/129, debit positive, carried as {@code carry} says
 */
public record ClosingPlan(FiscalYear year, FiscalYear nextYear, LocalDate nextStart, LocalDate nextEnd, CarryTarget carry,
        long resultCents, long priorResultCents, List<NewAccount> accountsToCreate, List<PlannedEntry> entries,
        Checklist checklist) {

    public ClosingPlan {
        accountsToCreate = List.copyOf(accountsToCreate);
        entries = List.copyOf(entries);
    }

    public boolean closed() {
        return year.closed();
    }

    /** Whether validating now would be accepted (the consent to create accounts apart). */
    public boolean canValidate() {
        return !closed() && checklist.passed();
    }

    /** The entries that stand for this closing now (posted by an earlier validation). */
    public List<Entry> standing() {
        return entries.stream().map(PlannedEntry::standing).filter(java.util.Objects::nonNull).toList();
    }

    /** An account the closing creates, with the treasurer's consent: chart code and label. */
    public record NewAccount(String code, String label) {
        public String display() {
            return code + " " + label;
        }
    }

    /** The three steps of a closing, in the order they are posted. */
    public enum Step {
        /** Classes 6 and 7 zeroed into 120 (surplus) or 129 (deficit), journal OD, last day of the year. */
        RESULT,
        /** The prior result (120/129) carried to 110/119 or 102, journal OD, last day of the year. */
        CARRY,
        /** Opening balances of classes 1 to 5, journal AN, first day of the next year. */
        OPENING
    }

    /** What validating does with an entry, given what stands for its source already. */
    public enum Outcome {
        /** Nothing stands for the source: the entry is posted and validated. */
        POST,
        /** The entry standing for the source is the same: kept, nothing posted (a re-closing). */
        KEEP,
        /** The entry standing differs: it is reversed, and the new one posted; both validated. */
        REPLACE,
        /** An entry stands for a source the closing no longer needs: it is reversed. */
        REVERSE
    }

    /** A line: an existing account, or one to create ({@code accountId} null). */
    public record PlannedLine(Long accountId, String code, String label, long amountCents) {
        public boolean newAccount() {
            return accountId == null;
        }

        public String display() {
            return code + " " + label;
        }
    }

    /**
     * An entry of the closing; {@code standing} is the entry that stands for its source now, if any.
     * {@code part} counts from 1: opening balances too many for one entry take several.
     */
    public record PlannedEntry(Step step, int part, Source source, String journalCode, LocalDate date, String label,
            List<PlannedLine> lines, Entry standing, Outcome outcome) {

        public PlannedEntry {
            lines = List.copyOf(lines);
        }

        public long debitCents() {
            return lines.stream().mapToLong(PlannedLine::amountCents).filter(a -> a > 0).sum();
        }

        public long creditCents() {
            return -lines.stream().mapToLong(PlannedLine::amountCents).filter(a -> a < 0).sum();
        }
    }
}
