package org.envol.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes each section's hash chain from the stored entries and names the first broken
 * link: a gap in the positions, a previous hash that is not the one before, or a hash that no
 * longer matches the entry's frozen fields (a row changed behind the application's back).
 */
@Service
public class ChainVerifier {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final EntryStore store;
    private final LedgerAccess access;
    private final SectionService sections;

    ChainVerifier(JdbcClient jdbc, EntryStore store, LedgerAccess access, SectionService sections) {
        this.jdbc = jdbc;
        this.store = store;
        this.access = access;
        this.sections = sections;
    }

    /** Every section the user reads. */
    @Transactional(readOnly = true)
    public List<ChainReport> verifyAll() {
        List<ChainReport> reports = new ArrayList<>();
        for (Section s : sections.readable()) {
            reports.add(verify(s.id()));
        }
        return reports;
    }

    @Transactional(readOnly = true)
    public ChainReport verify(long sectionId) {
        access.requireRead(sectionId);
        Section section = sections.get(sectionId);
        long expectedSeq = 1;
        String previous = HashChain.GENESIS;
        long checked = 0;
        long afterSeq = 0;
        while (true) {
            List<Long> ids = jdbc.sql("select id from entry where section_id = ? and chain_seq > ? order by chain_seq limit ?")
                    .params(sectionId, afterSeq, CHUNK).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            List<Entry> entries = new ArrayList<>(store.findAll(ids));
            for (Entry e : entries) {
                String why = null;
                if (e.chainSeq() != expectedSeq) {
                    why = "position " + e.chainSeq() + " where " + expectedSeq + " was expected (a link is missing)";
                } else if (!previous.equals(e.previousHash())) {
                    why = "previous hash " + e.previousHash() + " is not the hash of the link before (" + previous + ")";
                } else if (!e.frozen() || e.number() == null || e.frozenAt() == null) {
                    why = "entry in the chain is not frozen";
                } else if (!HashChain.recompute(e).equals(e.hash())) {
                    why = "hash does not match the entry's frozen fields: the entry or its lines were changed";
                }
                if (why != null) {
                    return new ChainReport(sectionId, section.code(), checked, e.id(), e.displayNumber(), e.chainSeq(), why);
                }
                checked++;
                expectedSeq++;
                previous = e.hash();
                afterSeq = e.chainSeq();
            }
        }
        long frozenCount = jdbc.sql("select count(*) from entry where section_id = ? and status = 'FROZEN'").param(sectionId)
                .query(Long.class).single();
        if (frozenCount != checked) {
            return new ChainReport(sectionId, section.code(), checked, null, null, null,
                    (frozenCount - checked) + " frozen entries are outside the chain");
        }
        return new ChainReport(sectionId, section.code(), checked, null, null, null, null);
    }
}
