package org.envol.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fiscal years of a section: no two overlap; a closed year accepts nothing; reopening is an admin's act. */
@Service
public class FiscalYearService {

    private static final String COLUMNS =
            "select id, section_id, start_date, end_date, status = 'CLOSED' as closed from fiscal_year";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final ChangeLog changes;
    private final SectionService sections;

    FiscalYearService(JdbcClient jdbc, LedgerAccess access, ChangeLog changes, SectionService sections) {
        this.jdbc = jdbc;
        this.access = access;
        this.changes = changes;
        this.sections = sections;
    }

    @Transactional(readOnly = true)
    public List<FiscalYear> list(long sectionId) {
        access.requireRead(sectionId);
        return listUnchecked(sectionId);
    }

    List<FiscalYear> listUnchecked(long sectionId) {
        return jdbc.sql(COLUMNS + " where section_id = ? order by start_date").param(sectionId).query(FiscalYear.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<FiscalYear> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(FiscalYear.class).optional();
    }

    /** The fiscal year of the section that contains the date, open or closed. */
    @Transactional(readOnly = true)
    public Optional<FiscalYear> containing(long sectionId, LocalDate date) {
        return listUnchecked(sectionId).stream().filter(y -> y.contains(date)).findFirst();
    }

    @Transactional
    public FiscalYear create(long sectionId, LocalDate start, LocalDate end) {
        access.requireWrite(sectionId);
        sections.get(sectionId);
        if (start == null || end == null || end.isBefore(start)) {
            throw new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_DATES, start, end));
        }
        if (start.plusMonths(Limits.FISCAL_YEAR_MONTHS_MAX).isBefore(end.plusDays(1))) {
            throw new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_TOO_LONG, Limits.FISCAL_YEAR_MONTHS_MAX));
        }
        for (FiscalYear other : listUnchecked(sectionId)) {
            if (other.overlaps(start, end)) {
                throw new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_OVERLAP, other.startDate(), other.endDate()));
            }
        }
        jdbc.sql("insert into fiscal_year (section_id, start_date, end_date) values (?, ?, ?)").params(sectionId, start, end).update();
        FiscalYear created = jdbc.sql(COLUMNS + " where section_id = ? and start_date = ?").params(sectionId, start)
                .query(FiscalYear.class).single();
        changes.record(sectionId, "CREATE", "fiscal_year", created.id(), null, created);
        return created;
    }

    /**
     * Marks a year closed. The closing entries themselves (result, opening balances) are the
     * closing feature's; this is the lock they end with.
     */
    @Transactional
    public FiscalYear close(long fiscalYearId) {
        FiscalYear before = find(fiscalYearId).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_UNKNOWN, fiscalYearId)));
        access.requireWrite(before.sectionId());
        return setClosed(before, true);
    }

    /** Reopening a closed year is an admin's act, and leaves a trace in the audit log. */
    @Transactional
    public FiscalYear reopen(long fiscalYearId) {
        access.requireAdmin();
        FiscalYear before = find(fiscalYearId).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_UNKNOWN, fiscalYearId)));
        return setClosed(before, false);
    }

    private FiscalYear setClosed(FiscalYear before, boolean closed) {
        jdbc.sql("update fiscal_year set status = ?, closed_at = " + (closed ? "current_timestamp" : "null") + " where id = ?")
                .params(closed ? "CLOSED" : "OPEN", before.id()).update();
        FiscalYear after = new FiscalYear(before.id(), before.sectionId(), before.startDate(), before.endDate(), closed);
        changes.record(before.sectionId(), closed ? "CLOSE" : "REOPEN", "fiscal_year", before.id(), before, after);
        return after;
    }
}
