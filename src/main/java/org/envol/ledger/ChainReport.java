package org.envol.ledger;

/**
 * The result of re-computing a section's hash chain: how many links were checked and, when the
 * chain is broken, the first broken link and why.
 */
public record ChainReport(long sectionId, String sectionCode, long linksChecked, Long brokenEntryId, String brokenNumber,
        Long brokenChainSeq, String reason) {

    public boolean intact() {
        return brokenEntryId == null && reason == null;
    }
}
