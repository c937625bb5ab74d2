package org.envol.openflyers;

/** Where a flow of the file stands against the books of a section. */
public enum FlowState {
    /** In the file, not yet in the books: an entry will be posted. */
    NEW,
    /** In the books with other figures: the entry will be replaced (reversed and posted again if validated). */
    CHANGED,
    /** Same in the file and in the books: nothing to do. */
    UNCHANGED,
    /** In the books for the period, no longer in the file (deleted in OpenFlyers): the entry will be deleted, or reversed if validated. */
    MISSING,
    /** One of its OpenFlyers accounts is not mapped in the section: it waits for the mapping. */
    TO_MAP,
    /** The ledger refuses it (closed year, inactive account…): the row says why. */
    REJECTED
}
