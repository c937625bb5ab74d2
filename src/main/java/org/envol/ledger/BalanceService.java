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
        Map<Long, Movement> out = new HashMap<>();
        for (Span span : spans(c.from() == null ? BEGINNING : c.from(), c.to())) {
            if (span.wholeMonths()) {
                addMonths(out, c, span.from(), span.to().plusDays(1));
            } else {
                addLines(out, c, span.from(), span.to());
            }
        }
        return out;
    }

    /** Consecutive days: either whole months (read from {@code account_month}) or days of one month (read from the lines). */
    record Span(LocalDate from, LocalDate to, boolean wholeMonths) {
    }

    /** [from, to] cut, in order, into the days before the first whole month, the whole months, and the days after. */
    static List<Span> spans(LocalDate from, LocalDate to) {
        List<Span> out = new ArrayList<>(3);
        if (to.isBefore(from)) {
            return out;
        }
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWhole = to.plusDays(1).withDayOfMonth(1); // first day of the month after the last whole month
        if (!firstWhole.isBefore(afterLastWhole)) {
            out.add(new Span(from, to, false));
            return out;
        }
        if (from.isBefore(firstWhole)) {
            out.add(new Span(from, firstWhole.minusDays(1), false));
        }
        out.add(new Span(firstWhole, afterLastWhole.minusDays(1), true));
        if (!afterLastWhole.isAfter(to)) {
            out.add(new Span(afterLastWhole, to, false));
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

    /** Days of an account's history, in order, with how many counted lines they hold and their balance. */
    private record Stretch(LocalDate from, LocalDate to, long lines, long balanceCents) {
    }

    private List<Stretch> stretches(long accountId, LocalDate from, LocalDate to) {
        List<Stretch> out = new ArrayList<>();
        for (Span span : spans(from, to)) {
            if (span.wholeMonths()) {
                out.addAll(jdbc.sql("select month_start, line_count, debit_cents - credit_cents from account_month"
                        + " where account_id = ? and month_start >= ? and month_start <= ? order by month_start")
                        .params(accountId, span.from(), span.to())
                        .query((rs, n) -> {
                            LocalDate month = rs.getObject(1, LocalDate.class);
                            return new Stretch(month, month.plusMonths(1).minusDays(1), rs.getLong(2), rs.getLong(3));
                        }).list());
            } else {
                out.add(jdbc.sql("select count(*), coalesce(sum(amount_cents), 0) from entry_line"
                        + " where account_id = ? and counted and entry_date between ? and ?")
                        .params(accountId, span.from(), span.to())
                        .query((rs, n) -> new Stretch(span.from(), span.to(), rs.getLong(1), rs.getLong(2))).single());
            }
        }
        return out;
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
        // jump over the whole months before the page with their counts and totals, and stop reading
        // at the month where the page ends: a page deep in a long history reads a month or two of
        // lines, not every line before (or after) it
        long skip = (long) p * size;
        long total = 0;
        long rangeCents = 0;
        long skipped = 0;
        long skippedCents = 0;
        LocalDate pageFrom = null;
        LocalDate pageTo = to;
        boolean pageEndFound = false;
        for (Stretch stretch : stretches(accountId, from, to)) {
            if (pageFrom == null) {
                if (skipped + stretch.lines() <= skip) {
                    skipped += stretch.lines();
                    skippedCents += stretch.balanceCents();
                } else {
                    pageFrom = stretch.from();
                }
            }
            total += stretch.lines();
            rangeCents += stretch.balanceCents();
            if (!pageEndFound && total >= skip + size) {
                pageEndFound = true;
                pageTo = stretch.to();
            }
        }
        long before = opening + skippedCents;
        List<Statement.Row> rows = pageFrom == null ? List.of() : jdbc.sql("select l.entry_id, l.entry_date, j.code, e.number,"
                + " e.status, e.label, l.label, e.voucher_ref, l.amount_cents, l.running from (select entry_id, line_no, entry_date,"
                + " amount_cents, label, sum(amount_cents) over (order by entry_date, entry_id, line_no rows unbounded preceding)"
                + " as running from entry_line where account_id = :a and counted and entry_date between :f and :t"
                + " order by entry_date, entry_id, line_no limit :lim offset :off) l"
                + " join entry e on e.id = l.entry_id join journal j on j.id = e.journal_id"
                + " order by l.entry_date, l.entry_id, l.line_no")
                .param("a", accountId).param("f", pageFrom).param("t", pageTo).param("lim", size).param("off", skip - skipped)
                .query((rs, n) -> new Statement.Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        (Integer) rs.getObject(4), EntryStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9), before + rs.getLong(10)))
                .list();
        return new Statement(account, from, to, opening, opening + rangeCents, rows, p, size, total);
    }
}
