package org.envol.openflyers;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.LedgerService;
import org.envol.ledger.SyncItem;
import org.envol.ledger.SyncReport;
import org.envol.ledger.SyncRequest;
import org.springframework.stereotype.Service;

/**
 * Takes back the synchronised OpenFlyers operations of a period (for deletions made in
 * OpenFlyers, before syncing again): the ledger's sync with nothing for that period, so entries
 * not yet validated are deleted and validated ones reversed. Treasurers of the section only.
 */
@Service
public class JournalDeletion {

    private final LedgerService ledger;
    private final LedgerAccess access;
    private final AccountService accounts;

    JournalDeletion(LedgerService ledger, LedgerAccess access, AccountService accounts) {
        this.ledger = ledger;
        this.access = access;
        this.accounts = accounts;
    }

    /** The entries that would go, each marked validated (reversed) or not (deleted); writes nothing. */
    public JournalPreview preview(long sectionId, LocalDate from, LocalDate to) {
        SyncReport report = ledger.sync(request(sectionId, from, to).asDryRun());
        Map<Long, Account> byId = new HashMap<>();
        accounts.list(sectionId).forEach(a -> byId.put(a.id(), a));
        List<JournalRow> rows = new java.util.ArrayList<>();
        for (SyncItem item : report.items()) {
            rows.add(JournalRow.ofEntry(ledger.get(item.entryId()), FlowState.MISSING, List.of(), byId));
        }
        report.rejections().forEach(r -> rows.add(new JournalRow(r.reference(), null, "", 0, null, null, null, null,
                FlowState.REJECTED, true, List.of(), List.of(r), null)));
        return new JournalPreview(sectionId, from, to, rows, 0, 0, List.of());
    }

    /** Deletes (or reverses, when validated) every synchronised OpenFlyers entry of the period. */
    public SyncReport delete(long sectionId, LocalDate from, LocalDate to) {
        return ledger.sync(request(sectionId, from, to));
    }

    private SyncRequest request(long sectionId, LocalDate from, LocalDate to) {
        access.requireWrite(sectionId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new OpenFlyersException("openflyers.journal.period.invalid", String.valueOf(from), String.valueOf(to));
        }
        return SyncRequest.of(sectionId, JournalSync.KIND, from, to, Map.of());
    }
}
