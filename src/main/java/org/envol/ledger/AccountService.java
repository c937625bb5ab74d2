package org.envol.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of a section. The code must exist in the chart first; an account that has lines
 * cannot be deleted (close it instead: a closed account takes no new line).
 */
@Service
public class AccountService {

    private static final String COLUMNS = "select id, section_id, code, label, active from account";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final ChangeLog changes;
    private final ChartService chart;
    private final SectionService sections;

    AccountService(JdbcClient jdbc, LedgerAccess access, ChangeLog changes, ChartService chart, SectionService sections) {
        this.jdbc = jdbc;
        this.access = access;
        this.changes = changes;
        this.chart = chart;
        this.sections = sections;
    }

    @Transactional(readOnly = true)
    public List<Account> list(long sectionId) {
        access.requireRead(sectionId);
        return jdbc.sql(COLUMNS + " where section_id = ? order by code, label").param(sectionId).query(Account.class).list();
    }

    /** The section's accounts whose code starts with one of the prefixes ("411", "512", "6"…). */
    @Transactional(readOnly = true)
    public List<Account> listByPrefix(long sectionId, String... prefixes) {
        return list(sectionId).stream()
                .filter(a -> prefixes.length == 0 || java.util.Arrays.stream(prefixes).anyMatch(a.code()::startsWith))
                .toList();
    }

    /** An account, for a user who may read it (a member reads only his or her own). */
    @Transactional(readOnly = true)
    public Account get(long accountId) {
        Account account = load(accountId).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.ACCOUNT_UNKNOWN, accountId)));
        access.requireAccountRead(account.sectionId(), accountId);
        return account;
    }

    /** The current user's own accounts, as a member. */
    @Transactional(readOnly = true)
    public List<Account> own() {
        java.util.Set<Long> ids = access.ownAccountIds();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where id in (:ids) order by section_id, code, label").param("ids", ids).query(Account.class).list();
    }

    Optional<Account> load(long accountId) {
        return jdbc.sql(COLUMNS + " where id = ?").param(accountId).query(Account.class).optional();
    }

    @Transactional
    public Account create(long sectionId, String code, String label) {
        access.requireWrite(sectionId);
        sections.get(sectionId);
        String c = code == null ? "" : code.trim();
        if (chart.find(c).isEmpty()) {
            throw new RejectedException(Rejection.of(RejectionCode.CHART_CODE_UNKNOWN, c));
        }
        String l = label == null ? "" : label.trim();
        if (l.isEmpty()) {
            throw new RejectedException(Rejection.of(RejectionCode.ACCOUNT_LABEL_MISSING));
        }
        if (l.length() > Limits.ACCOUNT_LABEL_MAX) {
            throw new RejectedException(Rejection.of(RejectionCode.LABEL_TOO_LONG, Limits.ACCOUNT_LABEL_MAX));
        }
        if (jdbc.sql("select count(*) from account where section_id = ? and code = ? and label = ?")
                .params(sectionId, c, l).query(Long.class).single() > 0) {
            throw new RejectedException(Rejection.of(RejectionCode.ACCOUNT_TAKEN, c, l));
        }
        jdbc.sql("insert into account (section_id, code, label) values (?, ?, ?)").params(sectionId, c, l).update();
        Account created = jdbc.sql(COLUMNS + " where section_id = ? and code = ? and label = ?").params(sectionId, c, l)
                .query(Account.class).single();
        changes.record(sectionId, "CREATE", "account", created.id(), null, created);
        return created;
    }

    @Transactional
    public Account update(long accountId, String label, boolean active) {
        Account before = get(accountId);
        access.requireWrite(before.sectionId());
        String l = label == null ? "" : label.trim();
        if (l.isEmpty()) {
            throw new RejectedException(Rejection.of(RejectionCode.ACCOUNT_LABEL_MISSING));
        }
        if (!l.equals(before.label()) && jdbc.sql("select count(*) from account where section_id = ? and code = ? and label = ?")
                .params(before.sectionId(), before.code(), l).query(Long.class).single() > 0) {
            throw new RejectedException(Rejection.of(RejectionCode.ACCOUNT_TAKEN, before.code(), l));
        }
        if (before.active() && !active) {
            // A closed account takes no more lines: whatever it still holds could never be settled.
            long balance = jdbc.sql("select coalesce(sum(debit_cents - credit_cents), 0) from account_month where account_id = ?")
                    .param(accountId).query(Long.class).single();
            if (balance != 0) {
                throw new RejectedException(Rejection.of(RejectionCode.ACCOUNT_BALANCE_NOT_ZERO, before.display(), Money.format(balance)));
            }
        }
        jdbc.sql("update account set label = ?, active = ? where id = ?").params(l, active, accountId).update();
        Account after = new Account(accountId, before.sectionId(), before.code(), l, active);
        changes.record(before.sectionId(), "UPDATE", "account", accountId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public boolean hasLines(long accountId) {
        return jdbc.sql("select count(*) from entry_line where account_id = ?").param(accountId).query(Long.class).single() > 0;
    }

    @Transactional
    public void delete(long accountId) {
        Account before = get(accountId);
        access.requireWrite(before.sectionId());
        if (hasLines(accountId)) {
            throw new RejectedException(Rejection.of(RejectionCode.ACCOUNT_HAS_LINES, before.display()));
        }
        jdbc.sql("delete from account_month where account_id = ?").param(accountId).update();
        jdbc.sql("delete from account where id = ?").param(accountId).update();
        changes.record(before.sectionId(), "DELETE", "account", accountId, before, null);
    }
}
