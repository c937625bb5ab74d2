package org.envol.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a source says now about a period: its drafts by reference. {@code selected} limits what
 * is applied (null: everything); {@code dryRun} computes the same report and writes nothing.
 */
public record SyncRequest(long sectionId, String kind, LocalDate from, LocalDate to, Map<String, EntryDraft> drafts,
        Set<String> selected, boolean dryRun) {

    public SyncRequest {
        drafts = drafts == null ? Map.of() : new LinkedHashMap<>(drafts);
        selected = selected == null ? null : Set.copyOf(selected);
    }

    public static SyncRequest of(long sectionId, String kind, LocalDate from, LocalDate to, Map<String, EntryDraft> drafts) {
        return new SyncRequest(sectionId, kind, from, to, drafts, null, false);
    }

    public SyncRequest asDryRun() {
        return new SyncRequest(sectionId, kind, from, to, drafts, selected, true);
    }

    public SyncRequest only(Set<String> references) {
        return new SyncRequest(sectionId, kind, from, to, drafts, references, dryRun);
    }

    boolean isSelected(String reference) {
        return selected == null || selected.contains(reference);
    }
}
