package org.envol.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.envol.closing.CarryTarget;
import org.envol.closing.ClosingPlan;
import org.envol.closing.ClosingService;
import org.envol.guided.GuidedEntries;
import org.envol.guided.GuidedKind;
import org.envol.guided.GuidedRequest;
import org.envol.guided.PaymentMode;
import org.envol.interchange.ClubSettings;
import org.envol.interchange.FecCheck;
import org.envol.interchange.FecExport;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.RejectedException;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.members.Member;
import org.envol.members.MemberData;
import org.envol.members.MemberService;
import org.envol.reports.Report;
import org.envol.reports.ReportExports;
import org.envol.reports.ReportExports.Query;
import org.envol.reports.ReportName;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.envol.testing.Acting;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A whole club year, as a treasurer lives it: two sections, members joining, flights and
 * subscriptions billed, payments by cheque, transfer and cash, expenses (one paid by a member),
 * a supplier invoice and its payment, a town's grant, a federation's « bourse » for a young pilot,
 * money sent to the other section, a member leaving and refunded, validation, the reports, the
 * FEC, and the closing. The test keeps its own books (what each operation must move, by the
 * treasurer's guide) and checks every report figure against them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClubYearScenarioTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    @Autowired SectionService sections;
    @Autowired FiscalYearService years;
    @Autowired AccountService accounts;
    @Autowired LedgerService ledger;
    @Autowired BalanceService balances;
    @Autowired EntrySearch search;
    @Autowired MemberService members;
    @Autowired GuidedEntries guided;
    @Autowired ReportExports reports;
    @Autowired ClosingService closing;
    @Autowired FecExport fecExport;
    @Autowired FecCheck fecCheck;
    @Autowired ClubSettings settings;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired MessageSource messageSource;
    @Autowired MockMvc mvc;

    /** The test's own books: what every account must hold, debit positive. */
    final Map<Long, Long> expected = new HashMap<>();
    final Map<Long, Account> byId = new LinkedHashMap<>();

    Section gliders;
    Section planes;
    UserDetails treasurer;

    @Test
    void aWholeClubYearFromTheFirstPaymentToTheClosedBooks() throws Exception {
        LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // ---- the club: two sections, their year, their accounts, a treasurer of both
        SystemActor.run("admin", () -> {
            gliders = sections.create("PL" + tag, "Planeur " + tag);
            planes = sections.create("AV" + tag, "Avion " + tag);
            years.create(gliders.id(), START, END);
            years.create(planes.id(), START, END);
            users.create("treso" + tag.toLowerCase(), "Trésorier", "mot-de-passe-solide",
                    List.of(Grant.inSection(gliders.id(), Role.TREASURER), Grant.inSection(planes.id(), Role.TREASURER)));
        });
        treasurer = userDetails.loadUserByUsername("treso" + tag.toLowerCase());

        Account bank = asTreasurer(() -> account(gliders, "512", "Banque Crédit Agricole"));
        Account cash = asTreasurer(() -> account(gliders, "530", "Caisse"));
        Account flights = asTreasurer(() -> account(gliders, "706", "Heures de vol planeur"));
        Account dues = asTreasurer(() -> account(gliders, "7561", "Cotisations"));
        Account grants = asTreasurer(() -> account(gliders, "74", "Subventions"));
        Account fuel = asTreasurer(() -> account(gliders, "6061", "Carburant remorqueur"));
        Account insurance = asTreasurer(() -> account(gliders, "616", "Assurances"));
        Account bursaries = asTreasurer(() -> account(gliders, "657", "Bourses jeunes pilotes"));
        Account insurer = asTreasurer(() -> account(gliders, "401", "Assureur"));
        Account liaison = asTreasurer(() -> account(gliders, "467", "Liaison section avion"));
        asTreasurer(() -> account(gliders, "471", "Compte d’attente"));
        Account planesBank = asTreasurer(() -> account(planes, "512", "Banque avion"));
        Account planesLiaison = asTreasurer(() -> account(planes, "467", "Liaison section planeur"));

        // ---- members: joining the gliders opens their 411 account
        Member jean = asTreasurer(() -> members.create(new MemberData("Dupont", "Jean", "jean." + tag + "@example.org",
                LocalDate.of(1970, 5, 2), null), List.of(gliders.id()), START));
        Member claire = asTreasurer(() -> members.create(new MemberData("Martin", "Claire", "claire." + tag + "@example.org",
                LocalDate.of(2007, 9, 14), null), List.of(gliders.id()), START));
        Member paul = asTreasurer(() -> members.create(new MemberData("Durand", "Paul", "paul." + tag + "@example.org",
                LocalDate.of(1985, 1, 30), null), List.of(gliders.id()), START));
        Account jeanAccount = memberAccount(jean);
        Account claireAccount = memberAccount(claire);
        Account paulAccount = memberAccount(paul);
        assertThat(List.of(jeanAccount, claireAccount, paulAccount)).extracting(Account::code).containsOnly("411");
        assertThat(jeanAccount.label()).isEqualTo("DUPONT Jean");

        // ---- flights and subscriptions billed (billing is the next feature: posted as it will post them)
        bill(jeanAccount, flights, "Vols de mars", LocalDate.of(2025, 3, 31), 600_00);
        bill(claireAccount, flights, "Vols de mars", LocalDate.of(2025, 3, 31), 450_00);
        bill(paulAccount, flights, "Vols de mars", LocalDate.of(2025, 3, 31), 200_00);
        for (Account member : List.of(jeanAccount, claireAccount, paulAccount)) {
            bill(member, dues, "Cotisation 2025", LocalDate.of(2025, 1, 15), 150_00);
        }

        // ---- the guided screens
        guide(GuidedKind.MEMBER_PAYMENT, "2025-04-05", "750,00", Map.of("member", jeanAccount, "treasury", bank),
                PaymentMode.CHEQUE, "1234567");
        move(bank, jeanAccount, 750_00);
        guide(GuidedKind.MEMBER_PAYMENT, "2025-04-08", "300,00", Map.of("member", claireAccount, "treasury", bank),
                PaymentMode.TRANSFER, "VIR-0408");
        move(bank, claireAccount, 300_00);
        guide(GuidedKind.MEMBER_PAYMENT, "2025-04-12", "500,00", Map.of("member", paulAccount, "treasury", cash),
                PaymentMode.CASH, null);
        move(cash, paulAccount, 500_00);
        guide(GuidedKind.EXPENSE, "2025-05-02", "400,00", Map.of("expense", fuel, "payer", bank), null, null);
        move(fuel, bank, 400_00);
        // Claire bought fuel for the club: her account is credited
        guide(GuidedKind.EXPENSE, "2025-05-20", "80,00", Map.of("expense", fuel, "payer", claireAccount), null, null);
        move(fuel, claireAccount, 80_00);
        guide(GuidedKind.RECEIPT, "2025-06-10", "2 000,00", Map.of("income", grants, "treasury", bank), null, null);
        move(bank, grants, 2_000_00);
        // the insurer's invoice (purchases are a later feature: posted as they will post it), then its payment
        asTreasurer(() -> ledger.post(EntryDraft.manual(gliders.id(), "AC", LocalDate.of(2025, 2, 1), "Assurance 2025", "F-2025-17",
                List.of(LineDraft.of(insurance.id(), 1_200_00), LineDraft.of(insurer.id(), -1_200_00)))));
        move(insurance, insurer, 1_200_00);
        guide(GuidedKind.SUPPLIER_PAYMENT, "2025-02-20", "1200", Map.of("supplier", insurer, "bank", bank), null, null);
        move(insurer, bank, 1_200_00);
        // the federation pays a bursary for Claire: neutral for the result
        guide(GuidedKind.GRANT, "2025-06-20", "300,00",
                Map.of("bank", bank, "income", grants, "expense", bursaries, "member", claireAccount), null, null);
        move(bank, grants, 300_00);
        move(bursaries, claireAccount, 300_00);
        // the cash box paid into the bank
        guide(GuidedKind.TREASURY_TRANSFER, "2025-06-30", "500,00", Map.of("from", cash, "to", bank), null, null);
        move(bank, cash, 500_00);
        // the gliders lend 1 000 € to the planes: one entry in each section, equal
        guideTransfer("2025-07-01", "1 000,00", liaison, bank, planesBank, planesLiaison);
        move(liaison, bank, 1_000_00);
        move(planesBank, planesLiaison, 1_000_00);

        // ---- Paul leaves with 150 € in advance: flagged, refunded, his account closed
        asTreasurer(() -> members.leave(paul.id(), LocalDate.of(2025, 9, 1)));
        assertThat(asTreasurer(() -> members.get(paul.id())).flagged()).isTrue();
        assertThat(expected.get(paulAccount.id())).isEqualTo(-150_00);
        guide(GuidedKind.MEMBER_REFUND, "2025-09-15", "", Map.of("member", paulAccount, "treasury", bank), null, null);
        move(paulAccount, bank, 150_00);
        assertThat(asTreasurer(() -> members.get(paul.id())).flagged()).isFalse();
        asTreasurer(() -> members.closeAccount(paul.id(), paulAccount.id()));

        // ---- the reports, before validation and closing, against the test's own books
        long result = -sumOfClasses("6", "7");
        assertThat(result).isEqualTo(2_000_00 + 300_00 + 1_250_00 + 450_00 - 400_00 - 80_00 - 1_200_00 - 300_00);
        checkReports(result);

        // ---- validation of the year, section by section
        for (Section s : List.of(gliders, planes)) {
            List<Long> ids = asTreasurer(() -> search.search(new EntryFilter(s.id(), START, END, null, null, null, EntryStatus.POSTED),
                    0, 500).entries()).stream().map(Entry::id).toList();
            assertThat(ids).isNotEmpty();
            asTreasurer(() -> ledger.freeze(s.id(), ids));
        }

        // ---- the FEC of the gliders' year passes the conformity check
        SystemActor.run("admin", () -> settings.set(ClubSettings.SIREN, "732829320"));
        FiscalYear year = asTreasurer(() -> years.containing(gliders.id(), END).orElseThrow());
        ByteArrayOutputStream fec = new ByteArrayOutputStream();
        long fecLines = asTreasurer(() -> {
            try {
                return fecExport.write(year, fec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(fecLines).as("header and every line of the year").isEqualTo(1 + countLines(gliders));
        var problems = fecCheck.check(new ByteArrayInputStream(fec.toByteArray()));
        assertThat(FecCheck.hasErrors(problems)).as("%s", problems.stream().map(fecCheck::describe).toList()).isFalse();

        // ---- closing the gliders' year: the bank confirmed, the result carried into the association's funds
        ClosingPlan blocked = asTreasurer(() -> closing.preview(year.id(), CarryTarget.FUNDS));
        assertThat(blocked.canValidate()).as("bank balance not yet confirmed").isFalse();
        asTreasurer(() -> closing.confirmBank(year.id(), bank.id(), expected.get(bank.id())));
        ClosingPlan plan = asTreasurer(() -> closing.preview(year.id(), CarryTarget.FUNDS));
        assertThat(plan.canValidate()).isTrue();
        assertThat(plan.resultCents()).as("a surplus, credit").isEqualTo(-result);
        asTreasurer(() -> closing.close(year.id(), CarryTarget.FUNDS, true));

        // a closed year accepts nothing
        assertThatThrownBy(() -> asTreasurer(() -> ledger.post(EntryDraft.manual(gliders.id(), "OD", LocalDate.of(2025, 12, 1),
                "Trop tard", null, List.of(LineDraft.of(bank.id(), 100), LineDraft.of(fuel.id(), -100))))))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.has(RejectionCode.FISCAL_YEAR_CLOSED)).isTrue());

        // the closing zeroes classes 6 and 7 into the surplus account 120 (created with consent)
        Account surplus = asTreasurer(() -> accounts.listByPrefix(gliders.id(), "120")).get(0);
        byId.put(surplus.id(), surplus);
        for (Account a : List.copyOf(byId.values())) {
            if (a.sectionId() == gliders.id() && (a.code().startsWith("6") || a.code().startsWith("7"))) {
                long balance = expected.getOrDefault(a.id(), 0L);
                expected.merge(a.id(), -balance, Long::sum);
                expected.merge(surplus.id(), balance, Long::sum);
            }
        }
        assertThat(expected.get(surplus.id())).isEqualTo(-result);

        // the closed year's reports still show its result, and the same balance sheet
        checkReports(result);

        // the next year opens on the same balances: nothing counted twice, classes 6 and 7 at zero
        LocalDate nextStart = END.plusDays(1);
        for (Account a : byId.values()) {
            if (a.sectionId() == gliders.id()) {
                assertThat(asTreasurer(() -> balances.balanceCents(a.id(), nextStart))).as("%s on %s", a.display(), nextStart)
                        .isEqualTo(expected.getOrDefault(a.id(), 0L));
            }
        }
        List<Entry> opening = asTreasurer(() -> search.search(new EntryFilter(gliders.id(), nextStart, nextStart, "AN", null, null, null),
                0, 50).entries());
        assertThat(opening).hasSize(1);
        assertThat(opening.get(0).lines().stream().mapToLong(l -> l.amountCents()).sum()).isZero();

        // ---- a member reads his own statement, never another's: services, page and API
        String jeanLogin = SystemActor.run("admin", () -> members.createLogin(jean.id(), "jean" + tag.toLowerCase(),
                "mot-de-passe-de-jean").user().username());
        UserDetails jeanUser = userDetails.loadUserByUsername(jeanLogin);
        assertThat(Acting.as(jeanUser, () -> balances.balanceCents(jeanAccount.id(), END))).isEqualTo(expected.get(jeanAccount.id()));
        assertThatThrownBy(() -> Acting.as(jeanUser, () -> balances.balanceCents(claireAccount.id(), END)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Acting.as(jeanUser, () -> reports.export(ReportName.STATEMENT, gliders.code(),
                new Query(START, END, null, null, claireAccount.id(), null, null)))).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/accounts/" + jeanAccount.id()).with(user(jeanUser))).andExpect(status().isOk());
        mvc.perform(get("/accounts/" + claireAccount.id()).with(user(jeanUser))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts/" + claireAccount.id() + "/statement").with(user(jeanUser)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts/" + claireAccount.id() + "/balance").with(user(jeanUser)))
                .andExpect(status().isForbidden());
    }

    // ---- the report figures, each against the test's own books

    void checkReports(long result) {
        LocalDate at = END;
        // trial balance: every account's closing balance, and the totals balance
        Report trial = report(ReportName.TRIAL_BALANCE, gliders, Query.period(START, at));
        Map<Long, Long> closingByAccount = new HashMap<>();
        for (Report.Row row : trial.rows()) {
            Long id = accountOf(row);
            if (id != null) {
                closingByAccount.put(id, lastAmount(row));
            }
        }
        for (Account a : byId.values()) {
            if (a.sectionId() == gliders.id() && expected.getOrDefault(a.id(), 0L) != 0) {
                assertThat(closingByAccount.get(a.id())).as("trial balance, %s", a.display()).isEqualTo(expected.get(a.id()));
            }
        }

        // member balances: who owes, who is in advance
        Report memberBalances = report(ReportName.MEMBER_BALANCES, gliders, new Query(null, null, at, null, null, null, null));
        Map<Long, List<Long>> owesAdvance = new HashMap<>();
        for (Report.Row row : memberBalances.rows()) {
            Long id = accountOf(row);
            if (id != null) {
                List<Report.Cell> c = row.cells();
                owesAdvance.put(id, List.of(cents(c.get(c.size() - 2)), cents(c.get(c.size() - 1))));
            }
        }
        for (Account a : byId.values()) {
            if (a.sectionId() == gliders.id() && a.code().equals("411") && expected.getOrDefault(a.id(), 0L) != 0) {
                long b = expected.get(a.id());
                assertThat(owesAdvance.get(a.id())).as("member balances, %s", a.label())
                        .containsExactly(Math.max(0, b), Math.max(0, -b));
            }
        }
        // only those owing more than 100 €
        Report debtors = report(ReportName.MEMBER_BALANCES, gliders, new Query(null, null, at, null, null, 100_00L, null));
        Set<Long> listed = new java.util.HashSet<>();
        debtors.rows().forEach(r -> {
            if (accountOf(r) != null) {
                listed.add(accountOf(r));
            }
        });
        Set<Long> owing = new java.util.HashSet<>();
        byId.values().stream().filter(a -> a.code().equals("411") && expected.getOrDefault(a.id(), 0L) > 100_00)
                .forEach(a -> owing.add(a.id()));
        assertThat(listed).isEqualTo(owing);

        // income statement: the result is income (7) less charges (6), computed by the caller
        Report income = report(ReportName.INCOME_STATEMENT, gliders, Query.period(START, END));
        assertThat(firstAmount(income, text("reports.is.result"))).isEqualTo(result);

        // balance sheet: assets are every debit balance of classes 1 to 5, and equal liabilities
        long assets = byId.values().stream().filter(a -> a.sectionId() == gliders.id() && "12345".indexOf(a.code().charAt(0)) >= 0)
                .mapToLong(a -> Math.max(0, expected.getOrDefault(a.id(), 0L))).sum();
        Report sheet = report(ReportName.BALANCE_SHEET, gliders, new Query(null, null, END, null, null, null, null));
        assertThat(firstAmount(sheet, text("reports.bs.totalAssets"))).isEqualTo(assets);
        assertThat(firstAmount(sheet, text("reports.bs.totalLiabilities"))).isEqualTo(assets);
    }

    // ---- the treasurer's acts

    <T> T asTreasurer(Supplier<T> work) {
        return Acting.as(treasurer, work);
    }

    Account account(Section section, String code, String label) {
        Account a = accounts.create(section.id(), code, label);
        byId.put(a.id(), a);
        return a;
    }

    Account memberAccount(Member member) {
        Account a = asTreasurer(() -> members.get(member.id())).stays().get(0).account();
        byId.put(a.id(), a);
        return a;
    }

    void bill(Account member, Account income, String label, LocalDate date, long cents) {
        asTreasurer(() -> ledger.post(EntryDraft.manual(gliders.id(), "VT", date, label, null,
                List.of(LineDraft.of(member.id(), cents), LineDraft.of(income.id(), -cents)))));
        move(member, income, cents);
    }

    void guide(GuidedKind kind, String date, String amount, Map<String, Account> slots, PaymentMode mode, String reference) {
        Map<String, Long> ids = new HashMap<>();
        slots.forEach((slot, account) -> ids.put(slot, account.id()));
        asTreasurer(() -> guided.post(gliders.id(), new GuidedRequest(kind, date, amount, ids, reference, null, mode, null)));
    }

    void guideTransfer(String date, String amount, Account liaison, Account treasury, Account targetTreasury, Account targetLiaison) {
        Map<String, Long> ids = Map.of("liaison", liaison.id(), "treasury", treasury.id(), "targetTreasury", targetTreasury.id(),
                "targetLiaison", targetLiaison.id());
        asTreasurer(() -> guided.post(gliders.id(), new GuidedRequest(GuidedKind.SECTION_TRANSFER, date, amount, ids, null, null, null,
                planes.id())));
    }

    /** What the operation must do to the books: debit one account, credit the other. */
    void move(Account debit, Account credit, long cents) {
        expected.merge(debit.id(), cents, Long::sum);
        expected.merge(credit.id(), -cents, Long::sum);
    }

    long sumOfClasses(String... classes) {
        long sum = 0;
        for (Account a : byId.values()) {
            for (String c : classes) {
                if (a.sectionId() == gliders.id() && a.code().startsWith(c)) {
                    sum += expected.getOrDefault(a.id(), 0L);
                }
            }
        }
        return sum;
    }

    long countLines(Section section) {
        List<Entry> all = asTreasurer(() -> search.search(new EntryFilter(section.id(), START, END, null, null, null, null), 0, 500)
                .entries());
        return all.stream().mapToLong(e -> e.lines().size()).sum();
    }

    // ---- reading reports

    Report report(ReportName name, Section section, Query query) {
        return asTreasurer(() -> reports.export(name, section.id(), query)).report();
    }

    String text(String key) {
        return messageSource.getMessage(key, null, java.util.Locale.FRENCH);
    }

    static Long accountOf(Report.Row row) {
        String link = row.link();
        if (link == null || !link.startsWith("/accounts/")) {
            return null;
        }
        String rest = link.substring("/accounts/".length());
        int end = rest.indexOf('?');
        return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
    }

    static long cents(Report.Cell cell) {
        return cell instanceof Report.Amount a ? a.cents() : 0;
    }

    static long lastAmount(Report.Row row) {
        List<Long> amounts = new ArrayList<>();
        row.cells().forEach(c -> {
            if (c instanceof Report.Amount a) {
                amounts.add(a.cents());
            }
        });
        return amounts.isEmpty() ? 0 : amounts.get(amounts.size() - 1);
    }

    static long firstAmount(Report report, String label) {
        for (Report.Row row : report.rows()) {
            boolean labelled = row.cells().stream().anyMatch(c -> c instanceof Report.Text t && t.value().equals(label));
            if (labelled) {
                return row.cells().stream().filter(c -> c instanceof Report.Amount).map(c -> ((Report.Amount) c).cents())
                        .findFirst().orElse(0L);
            }
        }
        throw new AssertionError("no row « " + label + " » in " + report.title());
    }

    @PostgresTest
    static class OnPostgres extends ClubYearScenarioTest {
    }
}
