package org.envol.openflyers;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Rejection;

/**
 * What a journal sync would do in a section for a period: one row per flow of the section (and
 * per entry the file no longer has), how many flows of the file fall outside the period or are
 * not the section's member flows, and the ledger's refusals that concern no single flow.
 */
public record JournalPreview(long sectionId, LocalDate from, LocalDate to, List<JournalRow> rows, int outsidePeriod,
        int notMember, List<Rejection> rejections) {

    public JournalPreview {
        rows = List.copyOf(rows);
        rejections = List.copyOf(rejections);
    }

    public Map<FlowState, Long> counts() {
        Map<FlowState, Long> counts = new EnumMap<>(FlowState.class);
        for (FlowState s : FlowState.values()) {
            counts.put(s, 0L);
        }
        rows.forEach(r -> counts.merge(r.state(), 1L, Long::sum));
        return counts;
    }

    public long count(FlowState state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }

    /** The OpenFlyers accounts the flows to map still need, each once, by id. */
    public List<JournalFlow.Side> unmapped(java.util.Set<String> mappedIds) {
        Map<String, JournalFlow.Side> out = new LinkedHashMap<>();
        rows.stream().filter(r -> r.state() == FlowState.TO_MAP).forEach(r -> {
            for (JournalFlow.Side s : List.of(r.debit(), r.credit())) {
                if (!mappedIds.contains(s.id())) {
                    out.putIfAbsent(s.id(), s);
                }
            }
        });
        return List.copyOf(out.values());
    }
}
