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
}
