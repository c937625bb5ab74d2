package org.envol.guided;

import java.util.List;
import org.envol.ledger.Entry;

/** What a guided screen posted: one entry, or two (grant, transfer between sections) with their shared source reference. */
public record GuidedResult(List<Entry> entries, String sourceReference) {

    public GuidedResult {
        entries = List.copyOf(entries);
    }
}
