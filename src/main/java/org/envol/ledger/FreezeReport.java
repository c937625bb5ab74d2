package org.envol.ledger;

import java.util.List;

/** Result of freezing: the entries now frozen (with their numbers) and those that already were. */
public record FreezeReport(List<Entry> frozen, List<Long> alreadyFrozen) {
}
