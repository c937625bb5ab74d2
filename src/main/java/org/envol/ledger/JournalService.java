package org.envol.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Journals (AC, VT, BQ, CA, OD, AN shipped), editable; one that holds entries is closed, not deleted. */
@Service
public class JournalService {

    private static final String COLUMNS = "select id, code, label, active from journal";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final ChangeLog changes;

    JournalService(JdbcClient jdbc, LedgerAccess access, ChangeLog changes) {
        this.jdbc = jdbc;
        this.access = access;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<Journal> list() {
        return jdbc.sql(COLUMNS + " order by code").query(Journal.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Journal> findByCode(String code) {
        return jdbc.sql(COLUMNS + " where code = ?").param(code).query(Journal.class).optional();
    }

    @Transactional
    public Journal add(String code, String label) {
        access.requireChartWrite();
        String c = code == null ? "" : code.trim().toUpperCase();
        if (!c.matches("[A-Z0-9]{1," + Limits.JOURNAL_CODE_MAX + "}")) {
            throw new RejectedException(Rejection.of(RejectionCode.JOURNAL_CODE_INVALID, c));
        }
        if (label == null || label.isBlank()) {
            throw new RejectedException(Rejection.of(RejectionCode.JOURNAL_LABEL_MISSING));
        }
        if (findByCode(c).isPresent()) {
            throw new RejectedException(Rejection.of(RejectionCode.JOURNAL_CODE_TAKEN, c));
        }
        jdbc.sql("insert into journal (code, label) values (?, ?)").params(c, label.trim()).update();
        Journal created = findByCode(c).orElseThrow();
        changes.record(null, "CREATE", "journal", c, null, created);
        return created;
    }

    @Transactional
    public Journal update(String code, String label, boolean active) {
        access.requireChartWrite();
        Journal before = findByCode(code).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.JOURNAL_UNKNOWN, code)));
        if (label == null || label.isBlank()) {
            throw new RejectedException(Rejection.of(RejectionCode.JOURNAL_LABEL_MISSING));
        }
        jdbc.sql("update journal set label = ?, active = ? where id = ?").params(label.trim(), active, before.id()).update();
        Journal after = new Journal(before.id(), before.code(), label.trim(), active);
        changes.record(null, "UPDATE", "journal", code, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        access.requireChartWrite();
        Journal before = findByCode(code).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.JOURNAL_UNKNOWN, code)));
        if (jdbc.sql("select count(*) from entry where journal_id = ?").param(before.id()).query(Long.class).single() > 0) {
            throw new RejectedException(Rejection.of(RejectionCode.JOURNAL_IN_USE, code));
        }
        jdbc.sql("delete from journal where id = ?").param(before.id()).update();
        changes.record(null, "DELETE", "journal", code, before, null);
    }
}
