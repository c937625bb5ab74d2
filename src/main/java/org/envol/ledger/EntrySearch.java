package org.envol.ledger;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The general journal: entries of a section by date, filtered, a page at a time. */
@Service
public class EntrySearch {

    private static final String WHERE = " from entry e join journal j on j.id = e.journal_id where e.section_id = :s"
            + " and (cast(:from as date) is null or e.entry_date >= :from)"
            + " and (cast(:to as date) is null or e.entry_date <= :to)"
            + " and (cast(:journal as varchar) is null or j.code = :journal)"
            + " and (cast(:status as varchar) is null or e.status = :status)"
            + " and (cast(:text as varchar) is null or lower(e.label) like :text or lower(e.voucher_ref) like :text"
            + "      or lower(e.source_ref) like :text)"
            + " and (cast(:account as bigint) is null or exists (select 1 from entry_line l where l.entry_id = e.id"
            + "      and l.account_id = :account))";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final EntryStore store;

    EntrySearch(JdbcClient jdbc, LedgerAccess access, EntryStore store) {
        this.jdbc = jdbc;
        this.access = access;
        this.store = store;
    }

    @Transactional(readOnly = true)
    public EntryPage search(EntryFilter f, int page, int pageSize) {
        access.requireRead(f.sectionId());
        int size = Math.max(1, Math.min(pageSize, Limits.PAGE_SIZE_MAX));
        int p = Math.max(0, page);
        String text = f.text() == null || f.text().isBlank() ? null
                : "%" + f.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var params = new java.util.HashMap<String, Object>();
        params.put("s", f.sectionId());
        params.put("from", f.from());
        params.put("to", f.to());
        params.put("journal", f.journalCode() == null || f.journalCode().isBlank() ? null : f.journalCode());
        params.put("status", f.status() == null ? null : f.status().name());
        params.put("text", text);
        params.put("account", f.accountId());
        long total = jdbc.sql("select count(*)" + WHERE).params(params).query(Long.class).single();
        params.put("lim", size);
        params.put("off", (long) p * size);
        List<Long> ids = jdbc.sql("select e.id" + WHERE + " order by e.entry_date, e.id limit :lim offset :off")
                .params(params).query(Long.class).list();
        return new EntryPage(store.findAll(ids), p, size, total);
    }

    /**
     * Validated entries of one fiscal year in the order they were validated (hash chain order),
     * a page at a time: those after chain position {@code afterChainSeq}, at most {@code limit}.
     * {@code journalCode} non-null keeps only that journal ({@code onlyJournal}) or all but it.
     * What exports such as the FEC stream with bounded memory.
     */
    @Transactional(readOnly = true)
    public List<Entry> frozenInChainOrder(long sectionId, long fiscalYearId, String journalCode, boolean onlyJournal,
            long afterChainSeq, int limit) {
        access.requireRead(sectionId);
        int size = Math.max(1, Math.min(limit, Limits.PAGE_SIZE_MAX));
        List<Long> ids = jdbc.sql("select e.id from entry e join journal j on j.id = e.journal_id"
                + " where e.section_id = :s and e.fiscal_year_id = :fy and e.status = 'FROZEN' and e.chain_seq > :after"
                + " and (cast(:journal as varchar) is null or (j.code = :journal) = :only)"
                // ordered by the chain index's own columns: H2 then reads that index in order and stops at
                // the limit, instead of sorting the whole year for every page (130 s → 5 s for a FEC of 468,000 lines)
                + " order by e.section_id, e.chain_seq limit :lim")
                .param("s", sectionId).param("fy", fiscalYearId).param("after", afterChainSeq)
                .param("journal", journalCode).param("only", onlyJournal).param("lim", size)
                .query(Long.class).list();
        return store.findAll(ids);
    }

    /** How many entries of a fiscal year are not validated yet (drafts and posted entries). */
    @Transactional(readOnly = true)
    public long countUnvalidated(long sectionId, long fiscalYearId) {
        access.requireRead(sectionId);
        return jdbc.sql("select count(*) from entry where section_id = :s and fiscal_year_id = :fy and status <> 'FROZEN'")
                .param("s", sectionId).param("fy", fiscalYearId).query(Long.class).single();
    }

    /** The entry that currently stands for a source in a section (see {@link Source}), if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Entry> bySource(long sectionId, Source source) {
        access.requireRead(sectionId);
        List<Long> ids = jdbc.sql("select entry_id from entry_source where section_id = :s and kind = :k and reference = :r")
                .param("s", sectionId).param("k", source.kind()).param("r", source.reference())
                .query(Long.class).list();
        return store.findAll(ids).stream().findFirst();
    }
}
