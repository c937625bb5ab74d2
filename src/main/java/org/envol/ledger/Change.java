package org.envol.ledger;

/**
 * A change worth an audit line, published as a Spring event in the transaction that makes it;
 * the audit feature writes it. {@code before} and {@code after} are records, null where absent.
 */
public record Change(String actor, Long sectionId, String action, String objectType, String objectId,
        Object before, Object after) {
}
