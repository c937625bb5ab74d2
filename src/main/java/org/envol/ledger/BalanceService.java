package org.envol.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balances without a full scan. Whole months come from {@code account_month}; the days of a
 * partly covered month come from the lines (indexed by account or section and date). Reports
 * stand on {@link #balances(BalanceCriteria)}.
 */
@Service
public class BalanceService {

    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final AccountService accounts;

    BalanceService(JdbcClient jdbc, LedgerAccess access, AccountService accounts) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
    }

    /** Movements per account id for the criteria: the one primitive the reports compose. */
    @Transactional(readOnly = true)
    public Map<Long, Movement> balances(BalanceCriteria c) {
        if (c.accountId() == null) {
            access.requireRead(c.sectionId());
        } else {
            access.requireAccountRead(c.sectionId(), c.accountId());
        }
        return sum(c);
    }

    private Map<Long, Movement> sum(BalanceCriteria c) {
        LocalDate from = c.from() == null ? BEGINNING : c.from();
        LocalDate to = c.to();
        Map<Long, Movement> out = new HashMap<>();
        if (to.isBefore(from)) {
            return out;
        }
        // whole months inside [from, to]
        LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastFull = to.plusDays(1).withDayOfMonth(1); // first day of the month after the last whole month
        if (to.plusDays(1).getDayOfMonth() == 1) {
            afterLastFull = to.plusDays(1);
        }
        if (firstFull.isBefore(afterLastFull)) {
            addMonths(out, c, firstFull, afterLastFull);
            if (from.isBefore(firstFull)) {
                addLines(out, c, from, firstFull.minusDays(1));
            }
            if (!afterLastFull.isAfter(to)) {
                addLines(out, c, afterLastFull, to);
            }
        } else {
            addLines(out, c, from, to);
        }
        return out;
    }

    private void addMonths(Map<Long, Movement> out, BalanceCriteria c, LocalDate fromMonth, LocalDate beforeMonth) {
        String where = c.accountId() == null ? "section_id = :s" : "account_id = :a";
        jdbc.sql("select account_id, sum(debit_cents), sum(credit_cents) from account_month where " + where
                + " and month_start >= :f and month_start < :t group by account_id")
                .param("s", c.sectionId()).param("a", c.accountId()).param("f", fromMonth).param("t", beforeMonth)
                .query((rs, n) -> out.merge(rs.getLong(1), new Movement(rs.getLong(2), rs.getLong(3)), Movement::plus)).list();
    }

    private void addLines(Map<Long, Movement> out, BalanceCriteria c, LocalDate from, LocalDate to) {
        String where = c.accountId() == null ? "section_id = :s" : "account_id = :a";
        jdbc.sql("select account_id, sum(case when amount_cents > 0 then amount_cents else 0 end),"
                + " sum(case when amount_cents < 0 then -amount_cents else 0 end) from entry_line where " + where
                + " and counted and entry_date >= :f and entry_date <= :t group by account_id")
                .param("s", c.sectionId()).param("a", c.accountId()).param("f", from).param("t", to)
                .query((rs, n) -> out.merge(rs.getLong(1), new Movement(rs.getLong(2), rs.getLong(3)), Movement::plus)).list();
    }

    /** An account's balance (debit positive) at the end of a day. */
    @Transactional(readOnly = true)
    public long balanceCents(long accountId, LocalDate at) {
        Account account = accounts.get(accountId);
        return sum(BalanceCriteria.account(account.sectionId(), accountId, null, at)).getOrDefault(accountId, Movement.ZERO).balanceCents();
    }

    /** Every account of the section with its balance at a date (zero included). */
    @Transactional(readOnly = true)
    public Map<Long, Long> accountBalances(long sectionId, LocalDate at) {
        access.requireRead(sectionId);
        Map<Long, Long> out = new HashMap<>();
        sum(BalanceCriteria.section(sectionId, null, at)).forEach((id, m) -> out.put(id, m.balanceCents()));
        return out;
    }

    @Transactional(readOnly = true)
    public TrialBalance trialBalance(long sectionId, LocalDate from, LocalDate to) {
        access.requireRead(sectionId);
        Map<Long, Movement> opening = sum(BalanceCriteria.section(sectionId, null, from.minusDays(1)));
        Map<Long, Movement> period = sum(BalanceCriteria.section(sectionId, from, to));
        List<TrialBalance.Row> rows = new ArrayList<>();
        long o = 0, d = 0, cr = 0, cl = 0;
        for (Account a : accounts.list(sectionId)) {
            long open = opening.getOrDefault(a.id(), Movement.ZERO).balanceCents();
            Movement m = period.getOrDefault(a.id(), Movement.ZERO);
            if (open == 0 && m.debitCents() == 0 && m.creditCents() == 0) {
                continue;
            }
            long close = open + m.balanceCents();
            rows.add(new TrialBalance.Row(a, open, m.debitCents(), m.creditCents(), close));
            o += open;
            d += m.debitCents();
            cr += m.creditCents();
            cl += close;
        }
        TrialBalance tb = new TrialBalance(sectionId, from, to, rows, new TrialBalance.Row(null, o, d, cr, cl));
        if (!tb.balanced()) {
            // the books are balanced entry by entry; a trial balance that is not means corruption
            throw new IllegalStateException("trial balance of section " + sectionId + " does not balance: " + tb.totals());
        }
        return tb;
    }

    /**
     * A page of an account's counted lines between two dates, oldest first, with the running
     * balance from the opening balance at {@code from}.
     */
    @Transactional(readOnly = true)
    public Statement statement(long accountId, LocalDate from, LocalDate to, int page, int pageSize) {
        Account account = accounts.get(accountId);
        int size = Math.max(1, Math.min(pageSize, Limits.PAGE_SIZE_MAX));
        int p = Math.max(0, page);
        long opening = sum(BalanceCriteria.account(account.sectionId(), accountId, null, from.minusDays(1)))
                .getOrDefault(accountId, Movement.ZERO).balanceCents();
        Movement inRange = sum(BalanceCriteria.account(account.sectionId(), accountId, from, to)).getOrDefault(accountId, Movement.ZERO);
        long total = jdbc.sql("select count(*) from entry_line where account_id = ? and counted and entry_date between ? and ?")
                .params(accountId, from, to).query(Long.class).single();
        List<Statement.Row> rows = jdbc.sql("select l.entry_id, l.entry_date, j.code, e.number, e.status, e.label, l.label,"
                + " e.voucher_ref, l.amount_cents, l.running from (select entry_id, line_no, entry_date, amount_cents, label,"
                + " sum(amount_cents) over (order by entry_date, entry_id, line_no rows unbounded preceding) as running"
                + " from entry_line where account_id = :a and counted and entry_date between :f and :t"
                + " order by entry_date, entry_id, line_no limit :lim offset :off) l"
                + " join entry e on e.id = l.entry_id join journal j on j.id = e.journal_id"
                + " order by l.entry_date, l.entry_id, l.line_no")
                .param("a", accountId).param("f", from).param("t", to).param("lim", size).param("off", (long) p * size)
                .query((rs, n) -> new Statement.Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        (Integer) rs.getObject(4), EntryStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9), opening + rs.getLong(10)))
                .list();
        return new Statement(account, from, to, opening, opening + inRange.balanceCents(), rows, p, size, total);
    }
}
