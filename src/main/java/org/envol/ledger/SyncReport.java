package org.envol.ledger;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The result of a sync or of its dry run: one item per reference, and the drafts rejected. */
public record SyncReport(boolean dryRun, List<SyncItem> items, List<Rejection> rejections) {

    public SyncReport {
        items = List.copyOf(items);
        rejections = List.copyOf(rejections);
    }

    public long count(SyncOutcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    public Map<SyncOutcome, Long> counts() {
        Map<SyncOutcome, Long> counts = new TreeMap<>();
        for (SyncOutcome o : SyncOutcome.values()) {
            counts.put(o, count(o));
        }
        return counts;
    }

    public long written() {
        return items.stream().filter(i -> i.applied() && i.outcome() != SyncOutcome.UNCHANGED).count();
    }
}
