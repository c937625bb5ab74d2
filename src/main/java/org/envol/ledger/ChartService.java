package org.envol.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chart of accounts, shipped as versioned data (Flyway) and editable: a code can be added
 * or relabelled; a code that an account uses cannot be deleted.
 */
@Service
public class ChartService {

    public static final String CLUB_VERSION = "CLUB";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final ChangeLog changes;

    ChartService(JdbcClient jdbc, LedgerAccess access, ChangeLog changes) {
        this.jdbc = jdbc;
        this.access = access;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<ChartCode> list() {
        return jdbc.sql("select code, label, chart_version from chart_code order by code").query(ChartCode.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<ChartCode> find(String code) {
        return jdbc.sql("select code, label, chart_version from chart_code where code = ?").param(code)
                .query(ChartCode.class).optional();
    }

    /** Whether an account uses this code, in any section. */
    @Transactional(readOnly = true)
    public boolean inUse(String code) {
        return jdbc.sql("select count(*) from account where code = ?").param(code).query(Long.class).single() > 0;
    }

    /** The codes accounts use, in any section: what {@link #inUse} answers, for the whole chart at once. */
    @Transactional(readOnly = true)
    public java.util.Set<String> codesInUse() {
        return new java.util.HashSet<>(jdbc.sql("select distinct code from account").query(String.class).list());
    }

    @Transactional
    public ChartCode add(String code, String label) {
        access.requireChartWrite();
        String c = code == null ? "" : code.trim();
        if (!c.matches("[1-8][0-9A-Z]{1," + (Limits.CHART_CODE_MAX - 1) + "}")) {
            throw new RejectedException(Rejection.of(RejectionCode.CHART_CODE_INVALID, c));
        }
        if (label == null || label.isBlank()) {
            throw new RejectedException(Rejection.of(RejectionCode.CHART_LABEL_MISSING));
        }
        if (find(c).isPresent()) {
            throw new RejectedException(Rejection.of(RejectionCode.CHART_CODE_TAKEN, c));
        }
        ChartCode created = new ChartCode(c, label.trim(), CLUB_VERSION);
        jdbc.sql("insert into chart_code (code, label, chart_version) values (?, ?, ?)")
                .params(created.code(), created.label(), created.chartVersion()).update();
        changes.record(null, "CREATE", "chart_code", c, null, created);
        return created;
    }

    @Transactional
    public ChartCode relabel(String code, String label) {
        access.requireChartWrite();
        ChartCode before = find(code).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.CHART_CODE_UNKNOWN, code)));
        if (label == null || label.isBlank()) {
            throw new RejectedException(Rejection.of(RejectionCode.CHART_LABEL_MISSING));
        }
        jdbc.sql("update chart_code set label = ? where code = ?").params(label.trim(), code).update();
        ChartCode after = new ChartCode(code, label.trim(), before.chartVersion());
        changes.record(null, "UPDATE", "chart_code", code, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        access.requireChartWrite();
        ChartCode before = find(code).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.CHART_CODE_UNKNOWN, code)));
        if (inUse(code)) {
            throw new RejectedException(Rejection.of(RejectionCode.CHART_CODE_IN_USE, code));
        }
        jdbc.sql("delete from chart_code where code = ?").param(code).update();
        changes.record(null, "DELETE", "chart_code", code, before, null);
    }
}
