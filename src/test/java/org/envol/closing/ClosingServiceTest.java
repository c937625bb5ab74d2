package org.envol.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.envol.closing.Checklist.Check;
import org.envol.closing.ClosingPlan.Outcome;
import org.envol.closing.ClosingPlan.PlannedEntry;
import org.envol.closing.ClosingPlan.PlannedLine;
import org.envol.closing.ClosingPlan.Step;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.RejectedException;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.YearEnd;
import org.envol.interchange.FecCheck;
import org.envol.interchange.FecExport;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Year-end closing: preview figures against hand-computed ones, the checklist, validation once,
 * the closed year, reopening, re-closing without duplicates, who may do what.
 */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class ClosingServiceTest {

    @Autowired
    ClosingService closing;
    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    BalanceService balances;
    @Autowired
    FiscalYearService years;
    @Autowired
    EntrySearch search;
    @Autowired
    ClosingTexts texts;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.envol.interchange.ClubSettings settings;
    @Autowired
    FecExport fec;
    @Autowired
    FecCheck fecCheck;

    static final LocalDate END = LocalDate.of(2024, 12, 31);
    static final LocalDate NEXT_START = LocalDate.of(2025, 1, 1);

    Club club;

    @BeforeEach
    void setUp() {
        club = books.club(2024);
    }

    // ---- helpers

    /** Posts and validates. */
    Entry frozen(LocalDate date, Account debit, Account credit, long cents) {
        Entry e = ledger.post(club.draft(date, "op " + cents, debit, credit, cents));
        return ledger.freeze(List.of(e.id())).frozen().get(0);
    }

    /** A surplus year: 500 billed, 400 paid, 120 of fuel paid: result +380, bank 280, member 100. */
    void surplusYear() {
        frozen(LocalDate.of(2024, 3, 1), club.member(), club.income(), 50_000);
        frozen(LocalDate.of(2024, 3, 10), club.bank(), club.member(), 40_000);
        frozen(LocalDate.of(2024, 4, 1), club.expense(), club.bank(), 12_000);
    }

    void confirmBanks(FiscalYear year) {
        for (Checklist.Item i : closing.preview(year.id(), null).checklist().items()) {
            if (i.check() == Check.BANK_CONFIRMED && i.accountId() != null) {
                closing.confirmBank(year.id(), i.accountId(), i.balanceCents());
            }
        }
    }

    static List<Object> lines(PlannedEntry e) {
        return e.lines().stream().map(l -> (Object) (l.code() + ":" + l.amountCents())).toList();
    }

    static PlannedEntry entry(ClosingPlan plan, Step step) {
        return plan.entries().stream().filter(e -> e.step() == step).findFirst().orElseThrow();
    }

    Account account(String code) {
        return accounts.list(club.id()).stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    long balance(Account a, LocalDate at) {
        return balances.balanceCents(a.id(), at);
    }

    List<Entry> allEntries() {
        return search.search(EntryFilter.all(club.id()), 0, 500).entries();
    }

    FiscalYear nextYear() {
        return years.containing(club.id(), NEXT_START).orElseThrow();
    }

    static <T> T as(String name, List<String> authorities, Supplier<T> work) {
        return org.envol.testing.Acting.as(name, authorities, work);
    }

    <T> T asTreasurer(Supplier<T> work) {
        return as("tresorier", List.of(Authorities.section(club.id(), Role.TREASURER)), work);
    }

    // ---- the preview

    @Test
    void previewOfASurplusYearWritesNothing() {
        surplusYear();
        long entriesBefore = allEntries().size();
        ClosingPlan plan = closing.preview(club.year().id(), CarryTarget.RETAINED);

        assertThat(plan.resultCents()).isEqualTo(-38_000);
        assertThat(plan.priorResultCents()).isZero();
        assertThat(plan.accountsToCreate()).extracting(ClosingPlan.NewAccount::display)
                .containsExactly("120 Résultat de l'exercice (excédent)");
        PlannedEntry result = entry(plan, Step.RESULT);
        assertThat(result.journalCode()).isEqualTo("OD");
        assertThat(result.date()).isEqualTo(END);
        assertThat(result.label()).isEqualTo("Résultat de l’exercice 2024");
        assertThat(result.source()).isEqualTo(YearEnd.result(club.year().id()));
        assertThat(result.outcome()).isEqualTo(Outcome.POST);
        assertThat(lines(result)).containsExactly("6061:-12000", "706:50000", "120:-38000");
        assertThat(plan.entries()).extracting(PlannedEntry::step).doesNotContain(Step.CARRY);
        PlannedEntry opening = entry(plan, Step.OPENING);
        assertThat(opening.journalCode()).isEqualTo("AN");
        assertThat(opening.date()).isEqualTo(NEXT_START);
        assertThat(lines(opening)).containsExactly("120:-38000", "411:10000", "512:28000");
        assertThat(opening.lines()).filteredOn(PlannedLine::newAccount).extracting(PlannedLine::code).containsExactly("120");
        assertThat(opening.debitCents()).isEqualTo(opening.creditCents()).isEqualTo(38_000);
        assertThat(plan.nextYear()).isNull();
        assertThat(plan.nextStart()).isEqualTo(NEXT_START);
        assertThat(plan.nextEnd()).isEqualTo(LocalDate.of(2025, 12, 31));

        assertThat(allEntries()).hasSize((int) entriesBefore);
        assertThat(years.list(club.id())).hasSize(1);
        assertThat(accounts.list(club.id())).extracting(Account::code).doesNotContain("120");
    }

    @Test
    void closingASurplusYearPostsValidatesAndClosesAndTheBalancesRunOnOnce() {
        surplusYear();
        confirmBanks(club.year());
        ClosingPlan after = closing.close(club.year().id(), CarryTarget.RETAINED, true);

        assertThat(years.find(club.year().id()).orElseThrow().closed()).isTrue();
        FiscalYear next = nextYear();
        assertThat(next.startDate()).isEqualTo(NEXT_START);
        assertThat(next.endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(next.closed()).isFalse();
        Account surplus = account("120");
        assertThat(surplus.label()).isEqualTo("Résultat de l'exercice (excédent)");

        Entry result = search.bySource(club.id(), YearEnd.result(club.year().id())).orElseThrow();
        assertThat(result.status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(result.displayNumber()).isEqualTo("OD-4");
        assertThat(result.lines()).extracting(l -> l.accountId(), l -> l.amountCents()).containsExactly(
                tuple(club.expense().id(), -12_000L), tuple(club.income().id(), 50_000L), tuple(surplus.id(), -38_000L));
        Entry opening = search.bySource(club.id(), YearEnd.opening(next.id())).orElseThrow();
        assertThat(opening.status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(opening.journalCode()).isEqualTo("AN");
        assertThat(opening.displayNumber()).isEqualTo("AN-1");
        assertThat(opening.fiscalYearId()).isEqualTo(next.id());
        assertThat(after.standing()).extracting(Entry::id).containsExactly(result.id(), opening.id());
        assertThat(after.entries()).extracting(PlannedEntry::outcome).containsOnly(Outcome.KEEP);

        // classes 6 and 7 at zero, the result in 120, and the balances not doubled by the opening entry
        assertThat(balance(club.income(), END)).isZero();
        assertThat(balance(club.expense(), END)).isZero();
        assertThat(balance(surplus, END)).isEqualTo(-38_000);
        assertThat(balance(club.bank(), NEXT_START)).isEqualTo(28_000);
        assertThat(balance(club.member(), NEXT_START)).isEqualTo(10_000);
        // the opening entry restates the closing balances of classes 1 to 5, and sums to zero
        Map<Long, Long> atEnd = balances.accountBalances(club.id(), END);
        long sum = 0;
        for (var line : opening.lines()) {
            assertThat(line.amountCents()).isEqualTo(atEnd.get(line.accountId()));
            sum += line.amountCents();
        }
        assertThat(sum).isZero();
        assertThat(accounts.list(club.id()).stream().filter(a -> a.accountClass() <= 5 && atEnd.getOrDefault(a.id(), 0L) != 0))
                .extracting(Account::id).containsExactlyInAnyOrderElementsOf(opening.lines().stream().map(l -> l.accountId()).toList());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CLOSE_YEAR' and object_id = :id and section_id = :s")
                .param("id", Long.toString(club.year().id())).param("s", club.id()).query(Long.class).single()).isOne();
    }

    @Test
    void theFecOfBothYearsPassesTheCheckTheNextOneOpeningWithTheOpeningEntry() throws Exception {
        settings.set("siren", "123456782");
        surplusYear();
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        for (FiscalYear y : List.of(club.year(), nextYear())) {
            FecExport.FecFile file = fec.export(y.id());
            try {
                assertThat(fecCheck.check(file.path())).isEmpty();
                List<String> rows = java.nio.file.Files.readAllLines(file.path());
                if (y.id() != club.year().id()) {
                    assertThat(rows.subList(1, rows.size())).hasSize(3).allSatisfy(r -> assertThat(r).startsWith("AN\t"));
                    assertThat(rows.get(1)).contains("\t120\t").endsWith("\t0,00\t380,00\t\t\t" + rows.get(1).split("\t")[15] + "\t\t");
                } else {
                    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("OD\t").contains("Résultat de l’exercice 2024"));
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file.path());
            }
        }
    }

    /** A deficit year after the surplus one: the prior surplus carried to retained earnings (110), or to funds (102). */
    FiscalYear deficitYearAfterSurplus() {
        surplusYear();
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        FiscalYear y2 = nextYear();
        frozen(LocalDate.of(2025, 2, 1), club.expense(), club.bank(), 20_000);
        frozen(LocalDate.of(2025, 2, 2), club.member(), club.income(), 5_000);
        return y2;
    }

    @Test
    void aDeficitYearCarriesThePriorSurplusToRetainedEarnings() {
        FiscalYear y2 = deficitYearAfterSurplus();
        ClosingPlan plan = closing.preview(y2.id(), CarryTarget.RETAINED);
        assertThat(plan.resultCents()).isEqualTo(15_000);
        assertThat(plan.priorResultCents()).isEqualTo(-38_000);
        assertThat(plan.accountsToCreate()).extracting(ClosingPlan.NewAccount::code).containsExactly("129", "110");
        assertThat(lines(entry(plan, Step.RESULT))).containsExactly("6061:-20000", "706:5000", "129:15000");
        PlannedEntry carry = entry(plan, Step.CARRY);
        assertThat(carry.date()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(carry.journalCode()).isEqualTo("OD");
        assertThat(carry.source()).isEqualTo(YearEnd.carry(y2.id()));
        assertThat(lines(carry)).containsExactly("120:38000", "110:-38000");
        assertThat(lines(entry(plan, Step.OPENING))).containsExactly("110:-38000", "129:15000", "411:15000", "512:8000");

        confirmBanks(y2);
        closing.close(y2.id(), CarryTarget.RETAINED, true);
        LocalDate end = LocalDate.of(2025, 12, 31);
        assertThat(balance(account("120"), end)).isZero();
        assertThat(balance(account("110"), end)).isEqualTo(-38_000);
        assertThat(balance(account("129"), end)).isEqualTo(15_000);
        assertThat(balance(club.bank(), LocalDate.of(2026, 1, 1))).isEqualTo(8_000);
        assertThat(account("110").label()).isEqualTo("Report à nouveau (solde créditeur)");
    }

    @Test
    void orToAssociationFunds() {
        FiscalYear y2 = deficitYearAfterSurplus();
        ClosingPlan plan = closing.preview(y2.id(), CarryTarget.FUNDS);
        assertThat(lines(entry(plan, Step.CARRY))).containsExactly("120:38000", "102:-38000");
        assertThat(entry(plan, Step.CARRY).label()).contains("fonds associatifs");
        assertThat(plan.accountsToCreate()).extracting(ClosingPlan.NewAccount::display)
                .containsExactly("129 Résultat de l'exercice (déficit)", "102 Fonds propres sans droit de reprise");
        confirmBanks(y2);
        closing.close(y2.id(), CarryTarget.FUNDS, true);
        assertThat(balance(account("102"), LocalDate.of(2025, 12, 31))).isEqualTo(-38_000);
        // the choice made is the page's default afterwards
        assertThat(closing.preview(y2.id(), null).carry()).isEqualTo(CarryTarget.FUNDS);
    }

    @Test
    void aPriorDeficitGoesToRetainedEarningsDebitAndExistingAccountsAreUsed() {
        Account deficit = accounts.create(club.id(), "129", "Déficit");
        Account debitCarried = accounts.create(club.id(), "119", "Report à nouveau débiteur");
        frozen(LocalDate.of(2024, 5, 1), club.expense(), club.bank(), 7_000);
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, false);
        FiscalYear y2 = nextYear();
        frozen(LocalDate.of(2025, 5, 1), club.member(), club.income(), 2_000);
        ClosingPlan plan = closing.preview(y2.id(), CarryTarget.RETAINED);
        assertThat(plan.priorResultCents()).isEqualTo(7_000);
        assertThat(plan.resultCents()).isEqualTo(-2_000);
        assertThat(lines(entry(plan, Step.CARRY))).containsExactly("129:-7000", "119:7000");
        assertThat(entry(plan, Step.CARRY).lines()).extracting(PlannedLine::accountId).containsExactly(deficit.id(), debitCarried.id());
        assertThat(plan.accountsToCreate()).extracting(ClosingPlan.NewAccount::code).containsExactly("120");
        assertThat(lines(entry(plan, Step.OPENING))).containsExactly("119:7000", "120:-2000", "411:2000", "512:-7000");
    }

    @Test
    void openingBalancesTooManyForOneEntryAreSplitIntoBalancedParts() {
        List<PlannedLine> lines = List.of(new PlannedLine(1L, "411", "a", 100), new PlannedLine(2L, "411", "b", 200),
                new PlannedLine(3L, "411", "c", 300), new PlannedLine(4L, "512", "d", 400), new PlannedLine(5L, "102", "e", -1000));
        List<List<PlannedLine>> parts = ClosingService.split(lines, 3);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p).hasSizeBetween(2, 3);
            assertThat(p.stream().mapToLong(PlannedLine::amountCents).sum()).isZero();
        });
        // every account ends with its balance, whatever the parts
        Map<Long, Long> total = new java.util.HashMap<>();
        parts.forEach(p -> p.forEach(l -> total.merge(l.accountId(), l.amountCents(), Long::sum)));
        assertThat(total).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 100L, 2L, 200L, 3L, 300L, 4L, 400L, 5L, -1000L));
        assertThat(ClosingService.split(lines, 5)).containsExactly(lines);
        assertThat(ClosingService.split(List.of(), 5)).containsExactly(List.of());
    }

    // ---- the checklist

    void assertNothingWritten(long entries, int accountCount) {
        assertThat(allEntries()).hasSize((int) entries);
        assertThat(accounts.list(club.id())).hasSize(accountCount);
        assertThat(years.list(club.id())).hasSize(1);
        assertThat(years.find(club.year().id()).orElseThrow().closed()).isFalse();
    }

    void assertRefused(Check check, String text) {
        long entries = allEntries().size();
        int accountCount = accounts.list(club.id()).size();
        ClosingPlan plan = closing.preview(club.year().id(), CarryTarget.RETAINED);
        assertThat(plan.checklist().failures()).extracting(Checklist.Item::check).containsExactly(check);
        assertThat(plan.canValidate()).isFalse();
        assertThatThrownBy(() -> closing.close(club.year().id(), CarryTarget.RETAINED, true))
                .isInstanceOfSatisfying(ClosingException.class, e -> {
                    assertThat(e.notices().get(0).key()).isEqualTo("closing.refused.checklist");
                    assertThat(texts.texts(e)).hasSize(2).last().asString().contains(text);
                });
        assertNothingWritten(entries, accountCount);
    }

    @Test
    void aPostedButNotValidatedEntryBlocks() {
        surplusYear();
        ledger.post(club.draft(LocalDate.of(2024, 6, 1), "non validée", club.member(), club.income(), 100));
        ledger.freeze(List.of(ledger.post(club.draft(LocalDate.of(2024, 6, 2), "payée", club.bank(), club.member(), 100)).id()));
        confirmBanks(club.year());
        assertRefused(Check.ALL_VALIDATED, "1 écriture(s) de l’exercice ne sont pas validées");
    }

    @Test
    void aDraftBlocks() {
        surplusYear();
        ledger.saveDraft(club.draft(LocalDate.of(2024, 6, 1), "brouillon", club.member(), club.income(), 100));
        confirmBanks(club.year());
        assertRefused(Check.ALL_VALIDATED, "1 écriture(s)");
    }

    @Test
    void theSuspenseAccountNotAtZeroBlocks() {
        surplusYear();
        Account suspense = accounts.create(club.id(), "471", "Compte d'attente");
        frozen(LocalDate.of(2024, 7, 1), suspense, club.member(), 1_234);
        confirmBanks(club.year());
        assertRefused(Check.SUSPENSE_ZERO, "Le compte d’attente 471 Compte d'attente n’est pas soldé au 31/12/2024 : 12,34 €");
        frozen(LocalDate.of(2024, 7, 2), club.member(), suspense, 1_234);
        assertThat(closing.preview(club.year().id(), null).checklist().passed()).isTrue();
    }

    @Test
    void anUnconfirmedBankBalanceBlocks() {
        surplusYear();
        assertRefused(Check.BANK_CONFIRMED, "Solde de 512 Banque au 31/12/2024 : 280,00 € — à confirmer");
    }

    @Test
    void aBankConfirmationNoLongerCountsWhenTheBalanceChanges() {
        surplusYear();
        confirmBanks(club.year());
        assertThat(closing.preview(club.year().id(), null).checklist().passed()).isTrue();
        frozen(LocalDate.of(2024, 12, 30), club.bank(), club.member(), 1_000);
        assertRefused(Check.BANK_CONFIRMED, "la confirmation de 280,00 € (admin");
        confirmBanks(club.year());
        assertThat(closing.preview(club.year().id(), null).checklist().passed()).isTrue();
    }

    @Test
    void aBankBalanceIsConfirmedOnlyAsTheBooksShowIt() {
        surplusYear();
        assertThatThrownBy(() -> closing.confirmBank(club.year().id(), club.bank().id(), 28_001))
                .isInstanceOfSatisfying(ClosingException.class, e -> assertThat(texts.texts(e)).containsExactly(
                        "Les comptes montrent 280,00 € pour 512 Banque au 31/12/2024, et non 280,01 € : rapprochez le relevé"
                                + " bancaire et corrigez les écritures avant de confirmer."));
        assertThatThrownBy(() -> closing.confirmBank(club.year().id(), club.member().id(), 10_000))
                .isInstanceOfSatisfying(ClosingException.class, e -> assertThat(e.notices().get(0).key()).isEqualTo("closing.bank.notBank"));
        BankConfirmation c = closing.confirmBank(club.year().id(), club.bank().id(), 28_000);
        assertThat(c.balanceCents()).isEqualTo(28_000);
        assertThat(c.confirmedBy()).isEqualTo("admin");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CONFIRM_BANK_BALANCE' and section_id = :s")
                .param("s", club.id()).query(Long.class).single()).isOne();
    }

    @Test
    void aYearNotEndedBlocks() {
        int future = LocalDate.now().getYear() + 1;
        club = books.club(future);
        confirmBanks(club.year());
        assertRefused(Check.YEAR_ENDED, "il se termine le 31/12/" + future);
    }

    @Test
    void anEarlierYearStillOpenBlocks() {
        years.create(club.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        surplusYear();
        confirmBanks(club.year());
        long entries = allEntries().size();
        assertThatThrownBy(() -> closing.close(club.year().id(), CarryTarget.RETAINED, true))
                .isInstanceOfSatisfying(ClosingException.class, e -> assertThat(texts.texts(e).get(1))
                        .isEqualTo("L’exercice précédent (du 01/01/2023 au 31/12/2023) n’est pas clôturé : clôturez-le d’abord."));
        assertThat(allEntries()).hasSize((int) entries);
        assertThat(years.list(club.id())).hasSize(2);
    }

    @Test
    void creatingAccountsNeedsConsent() {
        surplusYear();
        confirmBanks(club.year());
        long entries = allEntries().size();
        int accountCount = accounts.list(club.id()).size();
        assertThatThrownBy(() -> closing.close(club.year().id(), CarryTarget.RETAINED, false))
                .isInstanceOfSatisfying(ClosingException.class, e -> assertThat(texts.texts(e)).singleElement().asString()
                        .contains("La clôture doit créer les comptes suivants : 120 Résultat de l'exercice (excédent)."));
        assertNothingWritten(entries, accountCount);
    }

    // ---- once, and closed for good

    @Test
    void validationHappensOnceAndTheClosedYearAcceptsNothing() {
        surplusYear();
        Entry payment = allEntries().get(1);
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        long entries = allEntries().size();
        assertThatThrownBy(() -> closing.close(club.year().id(), CarryTarget.RETAINED, true))
                .isInstanceOfSatisfying(ClosingException.class, e -> assertThat(texts.texts(e)).containsExactly(
                        "L’exercice du 01/01/2024 au 31/12/2024 est déjà clôturé : la clôture n’a lieu qu’une fois"
                                + " (un administrateur peut le rouvrir)."));
        assertThat(allEntries()).hasSize((int) entries);

        assertThatThrownBy(() -> ledger.post(club.draft(LocalDate.of(2024, 6, 1), "trop tard", club.bank(), club.member(), 100)))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejections()).extracting(r -> r.code()).containsExactly(RejectionCode.FISCAL_YEAR_CLOSED));
        assertThatThrownBy(() -> ledger.saveDraft(club.draft(LocalDate.of(2024, 6, 1), "trop tard", club.bank(), club.member(), 100)))
                .isInstanceOf(RejectedException.class);
        assertThatThrownBy(() -> ledger.reverse(payment.id(), null, null)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.rejections()).extracting(r -> r.code()).containsExactly(RejectionCode.FISCAL_YEAR_CLOSED));
        assertThatThrownBy(() -> closing.confirmBank(club.year().id(), club.bank().id(), 28_000)).isInstanceOf(ClosingException.class);
    }

    // ---- reopening and closing again

    @Test
    void reopeningIsForAdminsWithAReasonAndLeavesATrace() {
        surplusYear();
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        assertThatThrownBy(() -> asTreasurer(() -> closing.reopen(club.year().id(), "oubli", false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> closing.reopen(club.year().id(), "  ", false)).isInstanceOfSatisfying(ClosingException.class,
                e -> assertThat(e.notices().get(0).key()).isEqualTo("closing.reopen.reason.missing"));
        assertThatThrownBy(() -> closing.reopen(club.year().id(), "x".repeat(ClosingService.REASON_MAX + 1), false))
                .isInstanceOf(ClosingException.class);
        assertThat(years.find(club.year().id()).orElseThrow().closed()).isTrue();

        ReopenReport report = closing.reopen(club.year().id(), "Facture de décembre oubliée", false);
        assertThat(report.year().closed()).isFalse();
        assertThat(report.reversals()).isEmpty();
        assertThat(jdbc.sql("select actor from audit_event where action = 'REOPEN_YEAR' and object_id = :id"
                + " and after_value like '%Facture de décembre oubliée%'").param("id", Long.toString(club.year().id()))
                .query(String.class).list()).containsExactly("admin");
        // the closing entries stay, validated
        assertThat(search.bySource(club.id(), YearEnd.result(club.year().id())).orElseThrow().frozen()).isTrue();
        assertThatThrownBy(() -> closing.reopen(club.year().id(), "encore", false)).isInstanceOfSatisfying(ClosingException.class,
                e -> assertThat(e.notices().get(0).key()).isEqualTo("closing.reopen.notClosed"));
    }

    @Test
    void reClosingUnchangedBooksKeepsTheEntries() {
        surplusYear();
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        List<Long> ids = allEntries().stream().map(Entry::id).toList();
        closing.reopen(club.year().id(), "vérification", false);
        ClosingPlan plan = closing.preview(club.year().id(), null);
        assertThat(plan.entries()).extracting(PlannedEntry::outcome).containsOnly(Outcome.KEEP);
        assertThat(plan.accountsToCreate()).isEmpty();
        closing.close(club.year().id(), CarryTarget.RETAINED, false);
        assertThat(allEntries()).extracting(Entry::id).containsExactlyElementsOf(ids);
        assertThat(years.find(club.year().id()).orElseThrow().closed()).isTrue();
    }

    @Test
    void reClosingAfterACorrectionReplacesTheChangedEntriesOnce() {
        surplusYear();
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        Entry oldResult = search.bySource(club.id(), YearEnd.result(club.year().id())).orElseThrow();
        Entry oldOpening = search.bySource(club.id(), YearEnd.opening(nextYear().id())).orElseThrow();
        closing.reopen(club.year().id(), "cotisation oubliée", false);
        frozen(LocalDate.of(2024, 12, 20), club.bank(), club.income(), 1_000);
        confirmBanks(club.year());
        ClosingPlan plan = closing.preview(club.year().id(), null);
        assertThat(plan.resultCents()).isEqualTo(-39_000);
        assertThat(lines(entry(plan, Step.RESULT))).containsExactly("6061:-12000", "706:51000", "120:-39000");
        assertThat(plan.entries()).extracting(PlannedEntry::outcome).containsExactly(Outcome.REPLACE, Outcome.REPLACE);

        closing.close(club.year().id(), CarryTarget.RETAINED, false);
        Entry newResult = search.bySource(club.id(), YearEnd.result(club.year().id())).orElseThrow();
        assertThat(newResult.id()).isNotEqualTo(oldResult.id());
        assertThat(ledger.reversalOf(oldResult.id())).isPresent();
        assertThat(ledger.reversalOf(oldOpening.id())).isPresent();
        assertThat(allEntries()).filteredOn(e -> e.status() != EntryStatus.FROZEN).isEmpty();
        assertThat(balance(club.income(), END)).isZero();
        assertThat(balance(account("120"), END)).isEqualTo(-39_000);
        assertThat(balance(club.bank(), NEXT_START)).isEqualTo(29_000);
        assertThat(accounts.list(club.id())).filteredOn(a -> a.code().equals("120")).hasSize(1);
    }

    @Test
    void reopeningCanReverseTheClosingEntriesAndClosingAgainPostsThemOnce() {
        surplusYear();
        confirmBanks(club.year());
        closing.close(club.year().id(), CarryTarget.RETAINED, true);
        ReopenReport report = closing.reopen(club.year().id(), "révision", true);
        assertThat(report.reversals()).hasSize(2).allSatisfy(r -> assertThat(r.frozen()).isTrue());
        assertThat(search.bySource(club.id(), YearEnd.result(club.year().id()))).isEmpty();
        assertThat(balance(club.income(), END)).isEqualTo(-50_000);
        assertThat(balance(club.bank(), NEXT_START)).isEqualTo(28_000);

        ClosingPlan plan = closing.preview(club.year().id(), null);
        assertThat(plan.entries()).extracting(PlannedEntry::outcome).containsOnly(Outcome.POST);
        closing.close(club.year().id(), CarryTarget.RETAINED, false);
        assertThat(allEntries()).filteredOn(e -> YearEnd.KIND.equals(e.source().kind())).hasSize(4);
        assertThat(balance(club.income(), END)).isZero();
        assertThat(balance(club.bank(), NEXT_START)).isEqualTo(28_000);
        assertThat(balance(account("120"), NEXT_START)).isEqualTo(-38_000);
    }

    @Test
    void aYearCannotBeReopenedWhileALaterOneIsClosed() {
        FiscalYear y2 = deficitYearAfterSurplus();
        confirmBanks(y2);
        closing.close(y2.id(), CarryTarget.RETAINED, true);
        assertThatThrownBy(() -> closing.reopen(club.year().id(), "erreur", false)).isInstanceOfSatisfying(ClosingException.class,
                e -> assertThat(e.notices().get(0).key()).isEqualTo("closing.reopen.laterClosed"));
    }

    // ---- who may

    @Test
    void aTreasurerClosesHisSectionOnly() {
        surplusYear();
        asTreasurer(() -> {
            confirmBanks(club.year());
            return closing.close(club.year().id(), CarryTarget.RETAINED, true);
        });
        assertThat(years.find(club.year().id()).orElseThrow().closed()).isTrue();
    }

    @Test
    void accountantsMembersAndOtherSectionsTreasurersCannotClose() {
        surplusYear();
        confirmBanks(club.year());
        Club other = books.club(2024);
        List<String> accountant = List.of(Authorities.section(club.id(), Role.ACCOUNTANT));
        assertThat(as("verificateur", accountant, () -> closing.preview(club.year().id(), null)).checklist().passed()).isTrue();
        assertThatThrownBy(() -> as("verificateur", accountant, () -> closing.close(club.year().id(), CarryTarget.RETAINED, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("verificateur", accountant, () -> closing.confirmBank(club.year().id(), club.bank().id(), 28_000)))
                .isInstanceOf(AccessDeniedException.class);
        List<String> member = List.of(Authorities.section(club.id(), Role.MEMBER), Authorities.account(club.member().id()));
        assertThatThrownBy(() -> as("pilote", member, () -> closing.preview(club.year().id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("pilote", member, () -> closing.close(club.year().id(), CarryTarget.RETAINED, true)))
                .isInstanceOf(AccessDeniedException.class);
        List<String> otherTreasurer = List.of(Authorities.section(other.id(), Role.TREASURER));
        assertThatThrownBy(() -> as("autre", otherTreasurer, () -> closing.close(club.year().id(), CarryTarget.RETAINED, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(years.find(club.year().id()).orElseThrow().closed()).isFalse();
    }

    @PostgresTest
    static class OnPostgres extends ClosingServiceTest {
    }
}
