package org.envol.ledger;

import java.util.List;

/**
 * One reference in a sync report. {@code entryId} is the entry the books held before (null when
 * created), {@code newEntryId} the entry that now stands for the reference, {@code reversalId}
 * the reversal posted; {@code applied} is false in a dry run or when not selected.
 */
public record SyncItem(String reference, SyncOutcome outcome, List<String> changedFields, Long entryId, Long newEntryId,
        Long reversalId, boolean applied) {
}
