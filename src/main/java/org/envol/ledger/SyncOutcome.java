package org.envol.ledger;

/** What sync does with one source reference. */
public enum SyncOutcome {
    /** New in the source: an entry is posted. */
    CREATED,
    /** Same as the books: nothing is written. */
    UNCHANGED,
    /** Changed, entry not yet validated: the entry is replaced in place. */
    CHANGED,
    /** Changed, entry validated: a reversal and a new entry are posted, linked. */
    REVERSED_AND_REPLACED,
    /** Gone from the source, entry not yet validated: the entry is deleted. */
    DELETED,
    /** Gone from the source, entry validated: a reversal is posted. */
    REVERSED
}
