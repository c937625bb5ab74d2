package org.envol.ledger;

import java.util.List;

/** One page of the general journal. */
public record EntryPage(List<Entry> entries, int page, int pageSize, long total) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
