package org.envol.closing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.envol.closing.Checklist.Check;
import org.envol.closing.Checklist.Item;
import org.envol.closing.ClosingPlan.NewAccount;
import org.envol.closing.ClosingPlan.Outcome;
import org.envol.closing.ClosingPlan.PlannedEntry;
import org.envol.closing.ClosingPlan.PlannedLine;
import org.envol.closing.ClosingPlan.Step;
import org.envol.closing.Notice.Amount;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Change;
import org.envol.ledger.ChartCode;
import org.envol.ledger.ChartService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.LedgerService;
import org.envol.ledger.Limits;
import org.envol.ledger.LineDraft;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Rejection;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Source;
import org.envol.ledger.YearEnd;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year-end closing of a section's fiscal year, as the treasurer's guide describes it: a preview of
 * the entries (result of the year into 120/129, prior result carried, opening balances of the next
 * year), a checklist, then validation once — the entries posted and validated through the ledger
 * and the year closed, in one transaction. Reopening is an admin's act with a reason. See
 * docs/closing.md.
 */
@Service
public class ClosingService {

    static final String RESULT_JOURNAL = "OD";
    static final String OPENING_JOURNAL = "AN";
    static final String SURPLUS = "120";
    static final String DEFICIT = "129";
    static final String RETAINED_CREDIT = "110";
    static final String RETAINED_DEBIT = "119";
    static final String FUNDS = "102";
    static final String SUSPENSE = "471";
    static final String BANK = "512";
    /** A reopening's reason, as long as the audit log shows it whole. */
    public static final int REASON_MAX = 500;

    private final FiscalYearService years;
    private final AccountService accounts;
    private final BalanceService balances;
    private final EntrySearch search;
    private final LedgerService ledger;
    private final ChartService chart;
    private final LedgerAccess access;
    private final BankConfirmations confirmations;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    ClosingService(FiscalYearService years, AccountService accounts, BalanceService balances, EntrySearch search,
            LedgerService ledger, ChartService chart, LedgerAccess access, BankConfirmations confirmations,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.years = years;
        this.accounts = accounts;
        this.balances = balances;
        this.search = search;
        this.ledger = ledger;
        this.chart = chart;
        this.access = access;
        this.confirmations = confirmations;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** The fiscal year, or the ledger's « unknown fiscal year » (a 404 on a page). */
    @Transactional(readOnly = true)
    public FiscalYear year(long fiscalYearId) {
        FiscalYear year = years.find(fiscalYearId)
                .orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_UNKNOWN, fiscalYearId)));
        access.requireRead(year.sectionId());
        return year;
    }

    /**
     * The preview: entries to post, accounts to create, checklist; nothing is written. With no
     * {@code carry}, the choice of an earlier validation of this year, else retained earnings.
     */
    @Transactional(readOnly = true)
    public ClosingPlan preview(long fiscalYearId, CarryTarget carry) {
        FiscalYear year = year(fiscalYearId);
        return plan(year, carry == null ? carryChosen(year).orElse(CarryTarget.RETAINED) : carry);
    }

    /**
     * Validates the closing, once: checks the checklist (nothing is written when an item fails),
     * creates the next year and the accounts needed (only with {@code createAccounts}, the
     * treasurer's consent to what the preview announced), posts and validates the entries, and
     * closes the year. Returns the plan as it stands afterwards.
     */
    @Transactional
    public ClosingPlan close(long fiscalYearId, CarryTarget carry, boolean createAccounts) {
        FiscalYear year = year(fiscalYearId);
        long sectionId = year.sectionId();
        access.requireWrite(sectionId);
        if (year.closed()) {
            throw new ClosingException("closing.refused.closed", year.startDate(), year.endDate());
        }
        CarryTarget target = carry == null ? CarryTarget.RETAINED : carry;
        ClosingPlan plan = plan(year, target);
        if (!plan.checklist().passed()) {
            List<Notice> why = new ArrayList<>();
            why.add(Notice.of("closing.refused.checklist", plan.checklist().failures().size()));
            plan.checklist().failures().forEach(f -> why.add(f.notice()));
            throw new ClosingException(why);
        }
        if (!plan.accountsToCreate().isEmpty() && !createAccounts) {
            throw new ClosingException("closing.refused.consent",
                    String.join(", ", plan.accountsToCreate().stream().map(NewAccount::display).toList()));
        }
        FiscalYear next = plan.nextYear() != null ? plan.nextYear() : years.create(sectionId, plan.nextStart(), plan.nextEnd());
        Map<String, Long> created = new HashMap<>();
        for (NewAccount a : plan.accountsToCreate()) {
            created.put(a.code(), accounts.create(sectionId, a.code(), a.label()).id());
        }
        List<Long> toFreeze = new ArrayList<>();
        List<String> reversed = new ArrayList<>();
        // reversals first: a reversed entry no longer stands for its source, which the new entry takes
        for (PlannedEntry e : plan.entries()) {
            if (e.outcome() == Outcome.REPLACE || e.outcome() == Outcome.REVERSE) {
                withdraw(e.standing(), toFreeze);
                reversed.add(name(e.standing()));
            }
        }
        List<Long> posted = new ArrayList<>();
        for (PlannedEntry e : plan.entries()) {
            switch (e.outcome()) {
                case POST, REPLACE -> {
                    Entry entry = ledger.post(new EntryDraft(sectionId, e.journalCode(), e.date(), e.label(), null,
                            source(e.step(), e.part(), year, next), e.lines().stream()
                                    .map(l -> LineDraft.of(l.newAccount() ? created.get(l.code()) : l.accountId(), l.amountCents()))
                                    .toList()));
                    toFreeze.add(entry.id());
                    posted.add(entry.id());
                }
                case KEEP -> toFreeze.add(e.standing().id());
                case REVERSE -> {
                    // withdrawn above
                }
                default -> throw new IllegalStateException(e.outcome().name());
            }
        }
        ledger.freeze(sectionId, toFreeze);
        FiscalYear closed = years.close(year.id());
        ClosingPlan after = plan(closed, target);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("carry", target.option());
        summary.put("resultCents", plan.resultCents());
        summary.put("priorResultCents", plan.priorResultCents());
        summary.put("nextFiscalYear", next.id());
        summary.put("accountsCreated", plan.accountsToCreate().stream().map(NewAccount::display).toList());
        summary.put("entries", after.standing().stream().map(ClosingService::name).toList());
        summary.put("posted", posted);
        summary.put("reversed", reversed);
        summary.put("bankBalances", confirmations.forYear(year.id()).values().stream()
                .map(c -> Map.of("account", c.accountId(), "balanceCents", c.balanceCents(), "by", c.confirmedBy())).toList());
        events.publishEvent(new Change(access.actor(), sectionId, "CLOSE_YEAR", "closing", Long.toString(year.id()), null, summary));
        return after;
    }

    /**
     * The treasurer confirms a bank account's balance at the end of the year, as the bank
     * statement shows it: accepted only when the books show the same; recorded with who and when.
     */
    @Transactional
    public BankConfirmation confirmBank(long fiscalYearId, long accountId, long balanceCents) {
        FiscalYear year = year(fiscalYearId);
        access.requireWrite(year.sectionId());
        if (year.closed()) {
            throw new ClosingException("closing.refused.closed", year.startDate(), year.endDate());
        }
        Account account = accounts.get(accountId);
        if (account.sectionId() != year.sectionId() || !account.code().startsWith(BANK)) {
            throw new ClosingException("closing.bank.notBank", account.display());
        }
        long books = balances.balanceCents(accountId, year.endDate());
        if (books != balanceCents) {
            throw new ClosingException("closing.bank.mismatch", account.display(), year.endDate(), new Amount(books),
                    new Amount(balanceCents));
        }
        BankConfirmation before = confirmations.forYear(year.id()).get(accountId);
        BankConfirmation confirmation = new BankConfirmation(year.id(), accountId, books, access.actor(), clock.instant());
        confirmations.save(confirmation);
        events.publishEvent(new Change(access.actor(), year.sectionId(), "CONFIRM_BANK_BALANCE", "closing_bank_confirmation",
                year.id() + "/" + accountId, before, confirmation));
        return confirmation;
    }

    /**
     * Reopens a closed year: an admin's act, with a reason, in the audit log. The closing entries
     * are validated and stay; with {@code reverseEntries} each is reversed (and the reversal
     * validated), so that the year's accounts show their balances again until it is closed anew.
     */
    @Transactional
    public ReopenReport reopen(long fiscalYearId, String reason, boolean reverseEntries) {
        access.requireAdmin();
        FiscalYear year = year(fiscalYearId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ClosingException("closing.reopen.reason.missing");
        }
        if (why.length() > REASON_MAX) {
            throw new ClosingException("closing.reopen.reason.tooLong", REASON_MAX);
        }
        if (!year.closed()) {
            throw new ClosingException("closing.reopen.notClosed", year.startDate(), year.endDate());
        }
        Optional<FiscalYear> laterClosed = years.list(year.sectionId()).stream()
                .filter(y -> y.startDate().isAfter(year.endDate()) && y.closed()).findFirst();
        if (laterClosed.isPresent()) {
            throw new ClosingException("closing.reopen.laterClosed", laterClosed.get().startDate(), laterClosed.get().endDate());
        }
        FiscalYear reopened = years.reopen(year.id());
        List<Long> reversalIds = new ArrayList<>();
        if (reverseEntries) {
            for (Entry e : yearEndEntries(year)) {
                withdraw(e, reversalIds);
            }
            ledger.freeze(year.sectionId(), reversalIds);
        }
        List<Entry> reversals = reversalIds.stream().map(ledger::get).toList();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", why);
        after.put("reversals", reversals.stream().map(ClosingService::name).toList());
        events.publishEvent(new Change(access.actor(), year.sectionId(), "REOPEN_YEAR", "closing", Long.toString(year.id()),
                null, after));
        return new ReopenReport(reopened, reversals);
    }

    // ---- the plan

    /** The entries standing for this year's closing now: result, carry, opening balances of the next year. */
    private List<Entry> yearEndEntries(FiscalYear year) {
        List<Entry> out = new ArrayList<>();
        search.bySource(year.sectionId(), YearEnd.result(year.id())).ifPresent(out::add);
        search.bySource(year.sectionId(), YearEnd.carry(year.id())).ifPresent(out::add);
        next(year, years.list(year.sectionId())).ifPresent(next -> {
            for (int part = 1;; part++) {
                Optional<Entry> e = search.bySource(year.sectionId(), YearEnd.opening(next.id(), part));
                if (e.isEmpty()) {
                    break;
                }
                out.add(e.get());
            }
        });
        return out;
    }

    /** A reversal of a validated entry (to validate with the others); an entry not validated yet is simply deleted. */
    private void withdraw(Entry standing, List<Long> toFreeze) {
        if (standing.status() == EntryStatus.FROZEN) {
            toFreeze.add(ledger.reverse(standing.id(), standing.date(), null).id());
        } else {
            ledger.delete(standing.id());
        }
    }

    private static String name(Entry e) {
        return e.displayNumber() == null ? "#" + e.id() : e.displayNumber();
    }

    private static Optional<FiscalYear> next(FiscalYear year, List<FiscalYear> all) {
        LocalDate day = year.endDate().plusDays(1);
        return all.stream().filter(y -> y.contains(day)).findFirst();
    }

    /** The carry target of this year's standing carry entry: where its last line goes. */
    private Optional<CarryTarget> carryChosen(FiscalYear year) {
        return search.bySource(year.sectionId(), YearEnd.carry(year.id())).flatMap(e -> {
            org.envol.ledger.Line last = e.lines().get(e.lines().size() - 1);
            return accounts.list(year.sectionId()).stream().filter(a -> a.id() == last.accountId()).findFirst()
                    .map(a -> a.code().startsWith(FUNDS) ? CarryTarget.FUNDS : CarryTarget.RETAINED);
        });
    }

    private static Source source(Step step, int part, FiscalYear year, FiscalYear next) {
        return switch (step) {
            case RESULT -> YearEnd.result(year.id());
            case CARRY -> YearEnd.carry(year.id());
            case OPENING -> next == null ? null : YearEnd.opening(next.id(), part);
        };
    }

    private ClosingPlan plan(FiscalYear year, CarryTarget carry) {
        long sectionId = year.sectionId();
        List<FiscalYear> all = years.list(sectionId);
        FiscalYear next = next(year, all).orElse(null);
        LocalDate nextStart = year.endDate().plusDays(1);
        LocalDate nextEnd = next != null ? next.endDate()
                : nextStart.plus(Period.between(year.startDate(), nextStart)).minusDays(1);
        List<Account> list = new ArrayList<>(accounts.list(sectionId));
        list.sort(Comparator.comparing(Account::code).thenComparing(Account::label).thenComparing(Account::id));
        Map<Long, Long> atEnd = balances.accountBalances(sectionId, year.endDate());

        // the figures before this closing's own entries, so that a re-closing computes them afresh
        Map<Long, Long> base = new HashMap<>(atEnd);
        Entry resultStanding = search.bySource(sectionId, YearEnd.result(year.id())).orElse(null);
        Entry carryStanding = search.bySource(sectionId, YearEnd.carry(year.id())).orElse(null);
        for (Entry e : new Entry[] {resultStanding, carryStanding}) {
            if (e != null && e.status() != EntryStatus.DRAFT && !e.date().isAfter(year.endDate())) {
                e.lines().forEach(l -> base.merge(l.accountId(), -l.amountCents(), Long::sum));
            }
        }

        Lines lines = new Lines(list);
        // (a) result: every class 6 and 7 balance zeroed into 120 (surplus) or 129 (deficit)
        List<PlannedLine> result = new ArrayList<>();
        long resultCents = 0;
        for (Account a : list) {
            long b = base.getOrDefault(a.id(), 0L);
            if ((a.accountClass() == 6 || a.accountClass() == 7) && b != 0) {
                result.add(line(a, -b));
                resultCents += b;
            }
        }
        if (resultCents != 0) {
            result.add(lines.to(resultCents > 0 ? DEFICIT : SURPLUS, resultCents));
        }
        // (b) the prior result still in 120/129 (at the start of the year, unless allocated by hand since)
        List<PlannedLine> carried = new ArrayList<>();
        long prior = 0;
        for (Account a : list) {
            long b = base.getOrDefault(a.id(), 0L);
            if ((a.code().startsWith(SURPLUS) || a.code().startsWith(DEFICIT)) && b != 0) {
                carried.add(line(a, -b));
                prior += b;
            }
        }
        if (prior != 0) {
            carried.add(lines.to(carry == CarryTarget.FUNDS ? FUNDS : prior > 0 ? RETAINED_DEBIT : RETAINED_CREDIT, prior));
        }
        // (c) opening balances: classes 1 to 5 after (a) and (b)
        Map<String, Long> after = new HashMap<>();
        base.forEach((id, b) -> after.merge("#" + id, b, Long::sum));
        for (PlannedLine l : concat(result, carried)) {
            after.merge(key(l), l.amountCents(), Long::sum);
        }
        List<PlannedLine> opening = new ArrayList<>();
        long otherClasses = 0;
        boolean otherClassesUsed = false;
        for (Account a : list) {
            long b = after.getOrDefault("#" + a.id(), 0L);
            if (a.accountClass() >= 1 && a.accountClass() <= 5 && b != 0) {
                opening.add(line(a, b));
            } else if (a.accountClass() >= 8 && b != 0) {
                otherClasses += b;
                otherClassesUsed = true;
            }
        }
        for (NewAccount n : lines.toCreate()) {
            long b = after.getOrDefault("+" + n.code(), 0L);
            if (b != 0) {
                opening.add(new PlannedLine(null, n.code(), n.label(), b));
            }
        }
        opening.sort(Comparator.comparing(PlannedLine::code).thenComparing(PlannedLine::label));

        String yearName = yearName(year);
        List<PlannedEntry> entries = new ArrayList<>();
        entries.add(planned(year, null, Step.RESULT, 1, RESULT_JOURNAL, year.endDate(),
                label("closing.books.result", yearName), result, resultStanding));
        entries.add(planned(year, null, Step.CARRY, 1, RESULT_JOURNAL, year.endDate(),
                label(carry == CarryTarget.FUNDS ? "closing.books.carry.funds" : "closing.books.carry.retained", yearName),
                carried, carryStanding));
        List<List<PlannedLine>> parts = split(opening, Limits.LINES_PER_ENTRY_MAX);
        String nextName = yearName(new FiscalYear(0, sectionId, nextStart, nextEnd, false));
        for (int p = 1; p <= parts.size(); p++) {
            String label = parts.size() == 1 ? label("closing.books.opening", nextName, yearName)
                    : label("closing.books.opening.part", nextName, yearName, p, parts.size());
            Entry standing = next == null ? null : search.bySource(sectionId, YearEnd.opening(next.id(), p)).orElse(null);
            entries.add(planned(year, next, Step.OPENING, p, OPENING_JOURNAL, nextStart, label, parts.get(p - 1), standing));
        }
        if (next != null) {
            // parts an earlier closing needed and this one does not
            for (int p = parts.size() + 1;; p++) {
                Optional<Entry> extra = search.bySource(sectionId, YearEnd.opening(next.id(), p));
                if (extra.isEmpty()) {
                    break;
                }
                entries.add(planned(year, next, Step.OPENING, p, OPENING_JOURNAL, nextStart, extra.get().label(), List.of(),
                        extra.get()));
            }
        }
        entries.removeIf(Objects::isNull);
        Checklist checklist = checklist(year, all, next, nextStart, nextEnd, list, atEnd, otherClassesUsed, otherClasses);
        return new ClosingPlan(year, next, nextStart, nextEnd, carry, resultCents, prior, lines.toCreate(), entries, checklist);
    }

    /** An entry of the plan, compared with what stands for its source; null when there is nothing to do or show. */
    private static PlannedEntry planned(FiscalYear year, FiscalYear next, Step step, int part, String journal, LocalDate date,
            String label, List<PlannedLine> lines, Entry standing) {
        Outcome outcome;
        if (lines.isEmpty()) {
            if (standing == null) {
                return null;
            }
            outcome = Outcome.REVERSE;
        } else if (standing == null) {
            outcome = Outcome.POST;
        } else {
            outcome = same(standing, journal, date, label, lines) ? Outcome.KEEP : Outcome.REPLACE;
        }
        return new PlannedEntry(step, part, source(step, part, year, next), journal, date, label, lines, standing, outcome);
    }

    private static boolean same(Entry e, String journal, LocalDate date, String label, List<PlannedLine> lines) {
        if (!e.journalCode().equals(journal) || !e.date().equals(date) || !e.label().equals(label)
                || e.lines().size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            PlannedLine p = lines.get(i);
            if (p.newAccount() || p.accountId() != e.lines().get(i).accountId() || p.amountCents() != e.lines().get(i).amountCents()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lines cut into entries of at most {@code max} lines, each balanced: when a part is full, its
     * last line goes to the first account of the next part, which takes the difference.
     */
    static List<List<PlannedLine>> split(List<PlannedLine> lines, int max) {
        List<List<PlannedLine>> parts = new ArrayList<>();
        List<PlannedLine> rest = new ArrayList<>(lines);
        while (rest.size() > max) {
            List<PlannedLine> part = new ArrayList<>(rest.subList(0, max - 1));
            long sum = part.stream().mapToLong(PlannedLine::amountCents).sum();
            PlannedLine link = rest.get(max - 1);
            if (sum != 0) {
                part.add(withAmount(link, -sum));
            }
            parts.add(part);
            rest = new ArrayList<>(rest.subList(max - 1, rest.size()));
            if (link.amountCents() + sum == 0) {
                rest.remove(0);
            } else {
                rest.set(0, withAmount(link, link.amountCents() + sum));
            }
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static PlannedLine withAmount(PlannedLine l, long cents) {
        return new PlannedLine(l.accountId(), l.code(), l.label(), cents);
    }

    private static PlannedLine line(Account a, long cents) {
        return new PlannedLine(a.id(), a.code(), a.label(), cents);
    }

    private static String key(PlannedLine l) {
        return l.newAccount() ? "+" + l.code() : "#" + l.accountId();
    }

    private static List<PlannedLine> concat(List<PlannedLine> a, List<PlannedLine> b) {
        List<PlannedLine> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The accounts the closing's own lines go to (120, 129, 110, 119, 102): found in the section, or to create. */
    private final class Lines {
        private final List<Account> accounts;
        private final Map<String, NewAccount> toCreate = new LinkedHashMap<>();

        Lines(List<Account> accounts) {
            this.accounts = accounts;
        }

        /** An account of that chart code (or a sub-account of it), active first; else one to create, labelled as the chart says. */
        PlannedLine to(String code, long cents) {
            Optional<Account> found = accounts.stream().filter(a -> a.code().startsWith(code))
                    .min(Comparator.comparing((Account a) -> !a.active()).thenComparing(a -> a.code().length())
                            .thenComparing(Account::code).thenComparing(Account::id));
            if (found.isPresent()) {
                return line(found.get(), cents);
            }
            NewAccount n = toCreate.computeIfAbsent(code, c -> new NewAccount(c, chart.find(c).map(ChartCode::label).orElse(c)));
            return new PlannedLine(null, n.code(), n.label(), cents);
        }

        List<NewAccount> toCreate() {
            return List.copyOf(toCreate.values());
        }
    }

    // ---- the checklist

    private Checklist checklist(FiscalYear year, List<FiscalYear> all, FiscalYear next, LocalDate nextStart, LocalDate nextEnd,
            List<Account> list,
            Map<Long, Long> atEnd, boolean otherClassesUsed, long otherClasses) {
        List<Item> items = new ArrayList<>();
        LocalDate end = year.endDate();
        items.add(Item.of(Check.YEAR_OPEN, !year.closed(), year.closed()
                ? Notice.of("closing.check.open.failed", year.startDate(), end) : Notice.of("closing.check.open")));
        boolean ended = LocalDate.now(clock).isAfter(end);
        items.add(Item.of(Check.YEAR_ENDED, ended, Notice.of(ended ? "closing.check.ended" : "closing.check.ended.failed", end)));
        List<FiscalYear> earlier = all.stream().filter(y -> y.endDate().isBefore(year.startDate())).toList();
        Optional<FiscalYear> earlierOpen = earlier.stream().filter(y -> !y.closed()).findFirst();
        items.add(Item.of(Check.EARLIER_YEARS_CLOSED, earlierOpen.isEmpty(), earlierOpen
                .map(y -> Notice.of("closing.check.earlier.failed", y.startDate(), y.endDate()))
                .orElse(Notice.of(earlier.isEmpty() ? "closing.check.earlier.none" : "closing.check.earlier"))));
        Optional<FiscalYear> overlapping = all.stream().filter(y -> y.overlaps(nextStart, nextEnd)).findFirst();
        if (next == null && overlapping.isPresent()) {
            items.add(Item.of(Check.NEXT_YEAR_OPEN, false, Notice.of("closing.check.next.overlap", nextStart, nextEnd,
                    overlapping.get().startDate(), overlapping.get().endDate())));
        } else if (next == null) {
            items.add(Item.of(Check.NEXT_YEAR_OPEN, true, Notice.of("closing.check.next.create", nextStart, nextEnd)));
        } else if (!next.startDate().equals(nextStart)) {
            items.add(Item.of(Check.NEXT_YEAR_OPEN, false,
                    Notice.of("closing.check.next.misaligned", next.startDate(), next.endDate(), nextStart)));
        } else if (next.closed() && !year.closed()) {
            items.add(Item.of(Check.NEXT_YEAR_OPEN, false, Notice.of("closing.check.next.closed", next.startDate(), next.endDate())));
        } else {
            items.add(Item.of(Check.NEXT_YEAR_OPEN, true, Notice.of("closing.check.next", next.startDate(), next.endDate())));
        }
        long unvalidated = search.countUnvalidated(year.sectionId(), year.id());
        items.add(Item.of(Check.ALL_VALIDATED, unvalidated == 0,
                unvalidated == 0 ? Notice.of("closing.check.validated") : Notice.of("closing.check.validated.failed", unvalidated)));
        boolean suspenseZero = true;
        for (Account a : list) {
            long b = atEnd.getOrDefault(a.id(), 0L);
            if (a.code().startsWith(SUSPENSE) && b != 0) {
                suspenseZero = false;
                items.add(new Item(Check.SUSPENSE_ZERO, false, Notice.of("closing.check.suspense.failed", a.display(), end,
                        new Amount(b)), a.id(), b));
            }
        }
        if (suspenseZero) {
            items.add(Item.of(Check.SUSPENSE_ZERO, true, Notice.of("closing.check.suspense", end)));
        }
        Map<Long, BankConfirmation> confirmed = confirmations.forYear(year.id());
        boolean anyBank = false;
        for (Account a : list) {
            long b = atEnd.getOrDefault(a.id(), 0L);
            if (!a.code().startsWith(BANK) || !a.active() && b == 0) {
                continue;
            }
            anyBank = true;
            BankConfirmation c = confirmed.get(a.id());
            Notice notice;
            boolean ok = c != null && c.balanceCents() == b;
            if (c == null) {
                notice = Notice.of("closing.check.bank.unconfirmed", a.display(), end, new Amount(b));
            } else if (!ok) {
                notice = Notice.of("closing.check.bank.changed", a.display(), end, new Amount(b), new Amount(c.balanceCents()),
                        c.confirmedBy(), c.confirmedAt());
            } else {
                notice = Notice.of("closing.check.bank.confirmed", a.display(), end, new Amount(b), c.confirmedBy(), c.confirmedAt());
            }
            items.add(new Item(Check.BANK_CONFIRMED, ok, notice, a.id(), b));
        }
        if (!anyBank) {
            items.add(Item.of(Check.BANK_CONFIRMED, true, Notice.of("closing.check.bank.none")));
        }
        if (otherClassesUsed) {
            items.add(Item.of(Check.OTHER_CLASSES_BALANCED, otherClasses == 0, otherClasses == 0
                    ? Notice.of("closing.check.otherClasses") : Notice.of("closing.check.otherClasses.failed", new Amount(otherClasses))));
        }
        return new Checklist(items);
    }

    // ---- texts of the books (kept in French whatever the user's language)

    private String label(String key, Object... args) {
        String l = messages.getMessage(key, args, Locale.FRENCH);
        return l.length() > Limits.LABEL_MAX ? l.substring(0, Limits.LABEL_MAX) : l;
    }

    /** « 2025 », or « 2024-2025 » for a year across two calendar years. */
    static String yearName(FiscalYear y) {
        int from = y.startDate().getYear();
        int to = y.endDate().getYear();
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
