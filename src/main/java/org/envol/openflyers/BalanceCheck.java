package org.envol.openflyers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.LedgerAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares OpenFlyers' balances with Envol's at a date, for every OpenFlyers account mapped in
 * the section. OpenFlyers counts a pilot in credit as positive, Envol as a credit balance
 * (negative): the Envol balance is shown with OpenFlyers' sign so that equal means in step.
 */
@Service
public class BalanceCheck {

    private final AccountMappings mappings;
    private final AccountService accounts;
    private final BalanceService balances;
    private final LedgerAccess access;

    BalanceCheck(AccountMappings mappings, AccountService accounts, BalanceService balances, LedgerAccess access) {
        this.mappings = mappings;
        this.accounts = accounts;
        this.balances = balances;
        this.access = access;
    }

    /** A mapped account: both balances with OpenFlyers' sign, and their difference (OpenFlyers − Envol). */
    public record Row(BalanceLine line, Account account, long envolCents) {

        public long openFlyersCents() {
            return line.balanceCents();
        }

        public long differenceCents() {
            return line.balanceCents() - envolCents;
        }

        public boolean differs() {
            return differenceCents() != 0;
        }
    }

    public record Report(LocalDate date, List<Row> rows, List<BalanceLine> unmapped, List<BalanceLine> ignored) {

        public long differing() {
            return rows.stream().filter(Row::differs).count();
        }

        public boolean inStep() {
            return differing() == 0;
        }

        /** Whether every account of the file was compared: an unmapped one is not, so "in step" says nothing of it. */
        public boolean complete() {
            return unmapped().isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Report check(long sectionId, BalanceFile file, LocalDate date) {
        access.requireRead(sectionId);
        if (date == null) {
            throw new OpenFlyersException("openflyers.check.date");
        }
        Map<String, AccountMapping> all = mappings.all(sectionId);
        Map<Long, Account> byId = new HashMap<>();
        accounts.list(sectionId).forEach(a -> byId.put(a.id(), a));
        Map<Long, Long> at = balances.accountBalances(sectionId, date);
        List<Row> rows = new ArrayList<>();
        List<BalanceLine> unmapped = new ArrayList<>();
        List<BalanceLine> ignored = new ArrayList<>();
        for (BalanceLine line : file.lines()) {
            AccountMapping m = all.get(line.openFlyersId());
            if (m == null || (m.accountId() != null && !byId.containsKey(m.accountId()))) {
                unmapped.add(line);
            } else if (m.ignored()) {
                ignored.add(line);
            } else {
                rows.add(new Row(line, byId.get(m.accountId()), -at.getOrDefault(m.accountId(), 0L)));
            }
        }
        return new Report(date, rows, unmapped, ignored);
    }
}
