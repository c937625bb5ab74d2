package org.envol.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Entries and lines in the database. Writes in batches: COPY on PostgreSQL for large batches,
 * JDBC batches otherwise. Keeps {@code account_month} in step with the counted lines.
 */
@Repository
class EntryStore {

    /** Below this many entries, a JDBC batch costs less than opening a COPY. */
    static final int COPY_THRESHOLD = 200;

    /** Rows of one set-based statement (monthly totals). */
    static final int SET_CHUNK = 10_000;
    /** Keys of one look-up by entry id or source reference. */
    private static final int KEYS_PER_LOOKUP = 1_000;
    /** COPY data is sent to the server in pieces of about this many characters, while the next rows are built. */
    private static final int COPY_PIECE = 256 * 1024;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    EntryStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /**
     * FROM and WHERE for the rows of {@code table} (alias {@code t}, then {@code joins}) whose
     * {@code column} is one of the array parameter {@code :keys} and that meet {@code condition}:
     * one index lookup per key, whatever the statistics say. On PostgreSQL a LATERAL subquery run
     * once per key (a plain join or {@code = any} was planned as a scan of the whole table while a
     * bulk load outgrew the statistics); on H2 a join with unnest (H2 scans for {@code = any}, and
     * for an IN list on the last column of a key).
     */
    private String keyed(String table, String column, String type, String condition, String joins) {
        String keys = " from unnest(cast(:keys as " + type + " array)) as k(v)";
        return postgres()
                ? keys + " cross join lateral (select * from " + table + " t where t." + column + " = k.v" + condition
                        + " offset 0) t" // offset 0: kept a subquery, not flattened into a join the planner may turn into a scan
                        + joins + " where true"
                : keys + " join " + table + " t on t." + column + " = k.v" + condition + joins + " where true";
    }

    /** PostgreSQL gets COPY and set-based statements on arrays; H2 gets JDBC batches. */
    private boolean postgres() {
        if (postgres == null) {
            postgres = template.execute((java.sql.Connection c) -> c.isWrapperFor(PGConnection.class));
        }
        return postgres;
    }

    /** Reserves {@code count} consecutive entry ids. */
    long allocateIds(int count) {
        long first = jdbc.sql("select next_value from id_block where name = 'entry' for update").query(Long.class).single();
        jdbc.sql("update id_block set next_value = ? where name = 'entry'").param(first + count).update();
        return first;
    }

    /** Locks the section's books for the rest of the transaction: numbering, chain and balances stay in order. */
    void lockSection(long sectionId) {
        jdbc.sql("select id from section where id = ? for update").param(sectionId).query(Long.class).optional();
    }

    void insert(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (entries.size() >= COPY_THRESHOLD && connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), entries);
            } else {
                batchInsert(entries);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write entries", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        addToMonths(entries, 1);
    }

    private void batchInsert(List<NewEntry> entries) {
        template.batchUpdate("insert into entry (id, section_id, journal_id, fiscal_year_id, entry_date, label, voucher_ref,"
                + " source_kind, source_ref, status, reversal_of, created_at, created_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                entries, 1000, (ps, e) -> {
                    EntryDraft d = e.draft();
                    ps.setLong(1, e.id());
                    ps.setLong(2, d.sectionId());
                    ps.setLong(3, e.journalId());
                    ps.setLong(4, e.fiscalYearId());
                    ps.setObject(5, d.date());
                    ps.setString(6, d.label());
                    ps.setString(7, d.voucherRef());
                    ps.setString(8, e.source().kind());
                    ps.setString(9, e.source().reference());
                    ps.setString(10, e.status().name());
                    ps.setObject(11, e.reversalOf());
                    ps.setObject(12, OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC));
                    ps.setString(13, e.createdBy());
                });
        insertLines(entries);
        List<NewEntry> registered = entries.stream().filter(NewEntry::registerSource).toList();
        template.batchUpdate("insert into entry_source (section_id, kind, reference, entry_id) values (?,?,?,?)",
                registered, 1000, (ps, e) -> {
                    ps.setLong(1, e.draft().sectionId());
                    ps.setString(2, e.source().kind());
                    ps.setString(3, e.source().reference());
                    ps.setLong(4, e.id());
                });
    }

    private void insertLines(List<NewEntry> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (NewEntry e : entries) {
            int no = 1;
            for (LineDraft l : e.draft().lines()) {
                rows.add(new Object[] {e.id(), no++, e.draft().sectionId(), l.accountId(), e.draft().date(), l.amountCents(),
                        l.label(), l.analyticCode(), e.counted()});
            }
        }
        template.batchUpdate("insert into entry_line (entry_id, line_no, section_id, account_id, entry_date, amount_cents,"
                + " label, analytic_code, counted) values (?,?,?,?,?,?,?,?,?)", rows);
    }

    private void copy(PGConnection pg, List<NewEntry> entries) throws SQLException {
        try (CopyStream rows = new CopyStream(pg, "copy entry (id, section_id, journal_id, fiscal_year_id, entry_date, label,"
                + " voucher_ref, source_kind, source_ref, status, reversal_of, created_at, created_by) from stdin")) {
            for (NewEntry e : entries) {
                EntryDraft d = e.draft();
                rows.row(e.id(), d.sectionId(), e.journalId(), e.fiscalYearId(), d.date(), d.label(), d.voucherRef(),
                        e.source().kind(), e.source().reference(), e.status().name(), e.reversalOf(),
                        OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC), e.createdBy());
            }
            rows.finish();
        }
        try (CopyStream rows = new CopyStream(pg, "copy entry_line (entry_id, line_no, section_id, account_id, entry_date,"
                + " amount_cents, label, analytic_code, counted) from stdin")) {
            for (NewEntry e : entries) {
                EntryDraft d = e.draft();
                int no = 1;
                for (LineDraft l : d.lines()) {
                    rows.row(e.id(), no++, d.sectionId(), l.accountId(), d.date(), l.amountCents(), l.label(),
                            l.analyticCode(), e.counted());
                }
            }
            rows.finish();
        }
        if (entries.stream().anyMatch(NewEntry::registerSource)) {
            try (CopyStream rows = new CopyStream(pg, "copy entry_source (section_id, kind, reference, entry_id) from stdin")) {
                for (NewEntry e : entries) {
                    if (e.registerSource()) {
                        rows.row(e.draft().sectionId(), e.source().kind(), e.source().reference(), e.id());
                    }
                }
                rows.finish();
            }
        }
    }

    /**
     * One COPY … FROM STDIN, fed piece by piece: the server parses a piece while the next rows are
     * built. Closed without {@link #finish()}, the COPY is cancelled and writes nothing.
     */
    private static final class CopyStream implements AutoCloseable {
        private final CopyIn in;
        private final StringBuilder piece = new StringBuilder(COPY_PIECE + 4096);

        CopyStream(PGConnection pg, String sql) throws SQLException {
            this.in = pg.getCopyAPI().copyIn(sql);
        }

        void row(Object... values) throws SQLException {
            EntryStore.row(piece, values);
            if (piece.length() >= COPY_PIECE) {
                send();
            }
        }

        private void send() throws SQLException {
            byte[] bytes = piece.toString().getBytes(StandardCharsets.UTF_8);
            piece.setLength(0);
            in.writeToCopy(bytes, 0, bytes.length);
        }

        void finish() throws SQLException {
            if (piece.length() > 0) {
                send();
            }
            in.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** One row of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof String s) {
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            } else if (v instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else {
                out.append(v);
            }
        }
        out.append('\n');
    }

    /** Adds (sign 1) or removes (sign -1) the counted lines of these entries from the monthly totals. */
    void addToMonths(List<NewEntry> entries, int sign) {
        Map<MonthKey, long[]> deltas = new HashMap<>();
        for (NewEntry e : entries) {
            if (e.counted()) {
                collect(deltas, e.draft().sectionId(), e.draft().date(), e.draft().lines().stream()
                        .map(l -> new Line(0, l.accountId(), l.amountCents(), null, null)).toList(), sign);
            }
        }
        applyMonths(deltas);
    }

    void addToMonths(Entry entry, int sign) {
        Map<MonthKey, long[]> deltas = new HashMap<>();
        collect(deltas, entry.sectionId(), entry.date(), entry.lines(), sign);
        applyMonths(deltas);
    }

    private record MonthKey(long accountId, LocalDate monthStart, long sectionId) {
    }

    private static void collect(Map<MonthKey, long[]> deltas, long sectionId, LocalDate date, List<Line> lines, int sign) {
        LocalDate month = date.withDayOfMonth(1);
        for (Line l : lines) {
            long[] d = deltas.computeIfAbsent(new MonthKey(l.accountId(), month, sectionId), k -> new long[3]);
            if (l.amountCents() > 0) {
                d[0] += sign * l.amountCents();
            } else {
                d[1] -= sign * l.amountCents();
            }
            d[2] += sign;
        }
    }

    private void applyMonths(Map<MonthKey, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<Map.Entry<MonthKey, long[]>> rows = new ArrayList<>(deltas.entrySet());
        // in the same order in every transaction, so that two never wait for each other's rows
        rows.sort(Comparator.comparing((Map.Entry<MonthKey, long[]> r) -> r.getKey().accountId())
                .thenComparing(r -> r.getKey().monthStart()));
        if (postgres()) {
            for (int from = 0; from < rows.size(); from += SET_CHUNK) {
                upsertMonths(rows.subList(from, Math.min(rows.size(), from + SET_CHUNK)));
            }
            return;
        }
        template.batchUpdate("merge into account_month m using (select cast(? as bigint) as account_id,"
                + " cast(? as date) as month_start, cast(? as bigint) as section_id, cast(? as bigint) as debit_cents,"
                + " cast(? as bigint) as credit_cents, cast(? as bigint) as line_count) v"
                + " on m.account_id = v.account_id and m.month_start = v.month_start"
                + " when matched then update set debit_cents = m.debit_cents + v.debit_cents,"
                + " credit_cents = m.credit_cents + v.credit_cents, line_count = m.line_count + v.line_count"
                + " when not matched then insert (account_id, month_start, section_id, debit_cents, credit_cents, line_count)"
                + " values (v.account_id, v.month_start, v.section_id, v.debit_cents, v.credit_cents, v.line_count)",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, r.getKey().accountId());
                    ps.setObject(2, r.getKey().monthStart());
                    ps.setLong(3, r.getKey().sectionId());
                    ps.setLong(4, r.getValue()[0]);
                    ps.setLong(5, r.getValue()[1]);
                    ps.setLong(6, r.getValue()[2]);
                });
    }

    /** PostgreSQL: the monthly totals of a whole batch in one statement. */
    private void upsertMonths(List<Map.Entry<MonthKey, long[]>> rows) {
        int n = rows.size();
        Long[] accounts = new Long[n];
        String[] months = new String[n];
        Long[] sections = new Long[n];
        Long[] debits = new Long[n];
        Long[] credits = new Long[n];
        Long[] counts = new Long[n];
        for (int i = 0; i < n; i++) {
            MonthKey k = rows.get(i).getKey();
            accounts[i] = k.accountId();
            months[i] = k.monthStart().toString();
            sections[i] = k.sectionId();
            debits[i] = rows.get(i).getValue()[0];
            credits[i] = rows.get(i).getValue()[1];
            counts[i] = rows.get(i).getValue()[2];
        }
        jdbc.sql("insert into account_month (account_id, month_start, section_id, debit_cents, credit_cents, line_count)"
                + " select * from unnest(cast(:a as bigint[]), cast(cast(:m as text[]) as date[]), cast(:s as bigint[]),"
                + " cast(:d as bigint[]), cast(:c as bigint[]), cast(:n as bigint[]))"
                + " on conflict (account_id, month_start) do update set debit_cents = account_month.debit_cents + excluded.debit_cents,"
                + " credit_cents = account_month.credit_cents + excluded.credit_cents,"
                + " line_count = account_month.line_count + excluded.line_count")
                .param("a", accounts).param("m", months).param("s", sections).param("d", debits).param("c", credits)
                .param("n", counts).update();
    }

    private static final String ENTRY_COLUMNS = "select t.id, t.section_id, j.code as journal_code, t.fiscal_year_id,"
            + " t.entry_date, t.label, t.voucher_ref, t.source_kind, t.source_ref, t.status, t.number, t.frozen_at,"
            + " t.chain_seq, t.previous_hash, t.hash, t.reversal_of, t.created_at, t.created_by";

    Optional<Entry> find(long id) {
        List<Entry> found = findAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Entries by id, with their lines, in the order asked. */
    List<Entry> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Entry> byId = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += KEYS_PER_LOOKUP) {
            Long[] chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_LOOKUP)).toArray(Long[]::new);
            Map<Long, List<Line>> lines = new HashMap<>();
            jdbc.sql("select t.entry_id, t.line_no, t.account_id, t.amount_cents, t.label, t.analytic_code"
                    + keyed("entry_line", "entry_id", "bigint", "", "") + " order by t.entry_id, t.line_no").param("keys", chunk)
                    .query((rs, n) -> {
                        lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(3)).add(new Line(rs.getInt(2), rs.getLong(3),
                                rs.getLong(4), rs.getString(5), rs.getString(6)));
                        return null;
                    }).list();
            jdbc.sql(ENTRY_COLUMNS + keyed("entry", "id", "bigint", "", " join journal j on j.id = t.journal_id"))
                    .param("keys", chunk).query((rs, n) -> {
                long id = rs.getLong("id");
                OffsetDateTime frozenAt = rs.getObject("frozen_at", OffsetDateTime.class);
                Object seq = rs.getObject("chain_seq");
                Object number = rs.getObject("number");
                Object reversalOf = rs.getObject("reversal_of");
                Entry entry = new Entry(id, rs.getLong("section_id"), rs.getString("journal_code"), rs.getLong("fiscal_year_id"),
                        rs.getObject("entry_date", LocalDate.class), rs.getString("label"), rs.getString("voucher_ref"),
                        new Source(rs.getString("source_kind"), rs.getString("source_ref")),
                        EntryStatus.valueOf(rs.getString("status")), number == null ? null : ((Number) number).intValue(),
                        frozenAt == null ? null : frozenAt.toInstant(), seq == null ? null : ((Number) seq).longValue(),
                        rs.getString("previous_hash"), rs.getString("hash"),
                        reversalOf == null ? null : ((Number) reversalOf).longValue(),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                        lines.getOrDefault(id, List.of()));
                byId.put(id, entry);
                return null;
            }).list();
        }
        List<Entry> ordered = new ArrayList<>();
        for (Long id : ids) {
            Entry e = byId.get(id);
            if (e != null) {
                ordered.add(e);
            }
        }
        return ordered;
    }


    /** Reference → entry id of the current entries of a source kind dated within the period. */
    Map<String, Long> currentInPeriod(long sectionId, String kind, LocalDate from, LocalDate to) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select s.reference, s.entry_id from entry_source s join entry e on e.id = s.entry_id"
                + " where s.section_id = ? and s.kind = ? and e.entry_date between ? and ? order by e.entry_date, e.id")
                .params(sectionId, kind, from, to)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** Reference → entry id for the given references, wherever they are dated. */
    Map<String, Long> currentFor(long sectionId, String kind, Collection<String> references) {
        Map<String, Long> out = new HashMap<>();
        List<String> all = new ArrayList<>(references);
        for (int from = 0; from < all.size(); from += KEYS_PER_LOOKUP) {
            jdbc.sql("select t.reference, t.entry_id"
                    + keyed("entry_source", "reference", "varchar", " and t.section_id = :s and t.kind = :k", ""))
                    .param("s", sectionId).param("k", kind)
                    .param("keys", all.subList(from, Math.min(all.size(), from + KEYS_PER_LOOKUP)).toArray(String[]::new))
                    .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        }
        return out;
    }

    void unregisterSource(long sectionId, String kind, String reference) {
        jdbc.sql("delete from entry_source where section_id = ? and kind = ? and reference = ?").params(sectionId, kind, reference).update();
    }

    void registerSource(long sectionId, Source source, long entryId) {
        jdbc.sql("insert into entry_source (section_id, kind, reference, entry_id) values (?, ?, ?, ?)")
                .params(sectionId, source.kind(), source.reference(), entryId).update();
    }

    /** Deletes a non-frozen entry; the database refuses a frozen one. */
    void delete(Entry entry) {
        if (counted(entry)) {
            addToMonths(entry, -1);
        }
        jdbc.sql("delete from entry_source where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from entry_line where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from entry where id = ?").param(entry.id()).update();
    }

    /** Replaces the content of a non-frozen entry, keeping its id and source. */
    void replace(Entry old, NewEntry replacement) {
        if (counted(old)) {
            addToMonths(old, -1);
        }
        EntryDraft d = replacement.draft();
        jdbc.sql("delete from entry_line where entry_id = ?").param(old.id()).update();
        jdbc.sql("update entry set journal_id = ?, fiscal_year_id = ?, entry_date = ?, label = ?, voucher_ref = ?, status = ?"
                + " where id = ?")
                .params(replacement.journalId(), replacement.fiscalYearId(), d.date(), d.label(), d.voucherRef(),
                        replacement.status().name(), old.id()).update();
        insertLines(List.of(replacement));
        addToMonths(List.of(replacement), 1);
    }

    /** A draft becomes posted: its lines enter the balances (unless it restates them, see {@link YearEnd}). */
    void markPosted(Entry entry) {
        jdbc.sql("update entry set status = 'POSTED' where id = ? and status = 'DRAFT'").param(entry.id()).update();
        if (restatesBalances(entry)) {
            return;
        }
        jdbc.sql("update entry_line set counted = true where entry_id = ?").param(entry.id()).update();
        addToMonths(entry, 1);
    }

    /** Whether a stored entry's lines are in the balances. */
    boolean counted(Entry entry) {
        return entry.status().counted() && !restatesBalances(entry);
    }

    /** An opening entry after a closing, or the reversal of one: its lines stay out of the balances (see {@link YearEnd}). */
    boolean restatesBalances(Entry entry) {
        if (YearEnd.restatesBalances(entry.source())) {
            return true;
        }
        return entry.reversalOf() != null && find(entry.reversalOf()).map(o -> YearEnd.restatesBalances(o.source())).orElse(false);
    }

    record Frozen(long id, int number, Instant frozenAt, long chainSeq, String previousHash, String hash) {
    }

    /**
     * Writes the numbers, dates and links of freshly frozen entries; each must still be POSTED.
     * One update by primary key per entry, in JDBC batches: an index lookup each, whatever the
     * statistics say.
     */
    void markFrozen(List<Frozen> frozen) {
        int updated = 0;
        for (int[] counts : template.batchUpdate("update entry set status = 'FROZEN', number = ?, frozen_at = ?, chain_seq = ?,"
                + " previous_hash = ?, hash = ? where id = ? and status = 'POSTED'", frozen, 1000, (ps, f) -> {
                    ps.setInt(1, f.number());
                    ps.setObject(2, OffsetDateTime.ofInstant(f.frozenAt(), ZoneOffset.UTC));
                    ps.setLong(3, f.chainSeq());
                    ps.setString(4, f.previousHash());
                    ps.setString(5, f.hash());
                    ps.setLong(6, f.id());
                })) {
            for (int c : counts) {
                updated += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : c;
            }
        }
        if (updated != frozen.size()) {
            // the section is locked: an entry that is no longer POSTED here means the books changed under the lock
            throw new IllegalStateException("froze " + updated + " entries of " + frozen.size());
        }
    }

    int lastNumber(long journalId, long fiscalYearId) {
        return jdbc.sql("select coalesce(max(number), 0) from entry where journal_id = ? and fiscal_year_id = ?")
                .params(journalId, fiscalYearId).query(Integer.class).single();
    }

    /** The last link of a section's chain: its position and hash, or none. */
    Optional<Object[]> lastLink(long sectionId) {
        return jdbc.sql("select chain_seq, hash from entry where section_id = ? and chain_seq is not null"
                + " order by chain_seq desc limit 1").param(sectionId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
    }

    Optional<Long> reversalOf(long entryId) {
        return jdbc.sql("select id from entry where reversal_of = ?").param(entryId).query(Long.class).optional();
    }
}
