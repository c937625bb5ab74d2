package org.envol.openflyers;

import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.Entry;
import org.envol.ledger.Line;
import org.envol.ledger.Rejection;

/**
 * One line of a journal preview: a flow of the file (its OpenFlyers accounts and, when mapped,
 * the section's accounts), or an entry of the books that the file no longer has. {@code validated}:
 * its entry is validated, so it is corrected by a reversal rather than replaced or deleted.
 */
public record JournalRow(String flow, LocalDate date, String label, long amountCents, JournalFlow.Side debit,
        JournalFlow.Side credit, Account debitAccount, Account creditAccount, FlowState state, boolean validated,
        List<String> changedFields, List<Rejection> rejections, Long entryId) {

    public JournalRow {
        changedFields = List.copyOf(changedFields);
        rejections = List.copyOf(rejections);
    }

    /** Whether applying may write it: new, changed or missing, and not refused. */
    public boolean selectable() {
        return (state == FlowState.NEW || state == FlowState.CHANGED || state == FlowState.MISSING) && rejections.isEmpty();
    }

    /** An entry of the books standing for a flow: the accounts are the section's (debited first). */
    static JournalRow ofEntry(Entry entry, FlowState state, List<Rejection> rejections, java.util.Map<Long, Account> accounts) {
        long amount = entry.lines().stream().mapToLong(Line::amountCents).filter(c -> c > 0).sum();
        Account debit = entry.lines().stream().filter(l -> l.amountCents() > 0).findFirst().map(l -> accounts.get(l.accountId())).orElse(null);
        Account credit = entry.lines().stream().filter(l -> l.amountCents() < 0).findFirst().map(l -> accounts.get(l.accountId())).orElse(null);
        return new JournalRow(entry.source() == null ? "" : entry.source().reference(), entry.date(), entry.label(), amount, null, null,
                debit, credit, state, entry.frozen(), List.of(), rejections, entry.id());
    }
}
