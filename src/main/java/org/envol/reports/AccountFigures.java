package org.envol.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceCriteria;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Line;
import org.envol.ledger.Movement;
import org.envol.ledger.Section;
import org.envol.ledger.YearEnd;
import org.springframework.stereotype.Component;

/**
 * The figures of each account of a section for a period — balance before it, debits and credits
 * within — from the ledger's monthly totals ({@link BalanceService#balances}), never from a scan
 * of the lines. Access is the ledger's: it refuses a section the user does not read.
 *
 * <p>The income statement and the balance sheet ask to leave out the year-end result entries of
 * the fiscal years that end within the period (classes 6 and 7 zeroed into 120/129): a closed year
 * must still show its result, and the same as before it was closed.
 */
@Component
class AccountFigures {

    /** One account's figures: opening balance (debit positive), debits and credits of the period. */
    record Figure(Section section, Account account, long openingCents, long debitCents, long creditCents) {

        long closingCents() {
            return openingCents + debitCents - creditCents;
        }

        long periodCents() {
            return debitCents - creditCents;
        }

        boolean isZero() {
            return openingCents == 0 && debitCents == 0 && creditCents == 0;
        }
    }

    private final BalanceService balances;
    private final AccountService accounts;
    private final FiscalYearService years;
    private final EntrySearch search;

    AccountFigures(BalanceService balances, AccountService accounts, FiscalYearService years, EntrySearch search) {
        this.balances = balances;
        this.accounts = accounts;
        this.years = years;
        this.search = search;
    }

    /**
     * Every account of the section with a balance or a movement: opening balance at the day
     * before {@code from}, movements within [from, to], in chart order. With {@code withoutResultEntries},
     * the result entries of the fiscal years ending within the period are left out of the movements.
     */
    List<Figure> figures(Section section, LocalDate from, LocalDate to, boolean withoutResultEntries) {
        return figures(section, from, to, withoutResultEntries, true);
    }

    /** The same, without the opening balances when the report needs only the period's movements (they cost a second sum). */
    List<Figure> movements(Section section, LocalDate from, LocalDate to, boolean withoutResultEntries) {
        return figures(section, from, to, withoutResultEntries, false);
    }

    private List<Figure> figures(Section section, LocalDate from, LocalDate to, boolean withoutResultEntries, boolean withOpening) {
        long s = section.id();
        List<Account> all = accounts.list(s);
        Map<Long, Movement> opening = withOpening ? balances.balances(BalanceCriteria.section(s, null, from.minusDays(1))) : Map.of();
        Map<Long, Movement> period = new java.util.HashMap<>(balances.balances(BalanceCriteria.section(s, from, to)));
        if (withoutResultEntries) {
            for (Entry entry : resultEntries(s, from, to)) {
                for (Line line : entry.lines()) {
                    long a = line.amountCents();
                    period.merge(line.accountId(), a > 0 ? new Movement(-a, 0) : new Movement(0, a), Movement::plus);
                }
            }
        }
        List<Figure> out = new ArrayList<>();
        for (Account account : all) {
            Figure f = new Figure(section, account, opening.getOrDefault(account.id(), Movement.ZERO).balanceCents(),
                    period.getOrDefault(account.id(), Movement.ZERO).debitCents(),
                    period.getOrDefault(account.id(), Movement.ZERO).creditCents());
            if (!f.isZero()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The result entries (posted or validated) of the section's fiscal years that end within [from, to], dated within it. */
    List<Entry> resultEntries(long sectionId, LocalDate from, LocalDate to) {
        List<Entry> out = new ArrayList<>();
        for (FiscalYear fy : years.list(sectionId)) {
            if (fy.endDate().isBefore(from) || fy.endDate().isAfter(to)) {
                continue;
            }
            Optional<Entry> entry = search.bySource(sectionId, YearEnd.result(fy.id()));
            // a draft is not in the balances: nothing to leave out
            entry.filter(e -> e.status() != EntryStatus.DRAFT && !e.date().isBefore(from) && !e.date().isAfter(to))
                    .ifPresent(out::add);
        }
        return out;
    }
}
