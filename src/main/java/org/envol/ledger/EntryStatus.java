package org.envol.ledger;

/**
 * DRAFT: saved, checked, not in the balances. POSTED: in the balances, still editable.
 * FROZEN: validated (« Valider (geler) »): numbered, chained, never changed again.
 */
public enum EntryStatus {
    DRAFT, POSTED, FROZEN;

    public boolean counted() {
        return this != DRAFT;
    }
}
