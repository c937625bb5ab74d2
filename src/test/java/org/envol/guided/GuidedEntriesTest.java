package org.envol.guided;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Line;
import org.envol.ledger.LedgerService;
import org.envol.ledger.Limits;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Source;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Each guided screen posts the right lines through the ledger, and refuses — writing nothing —
 * a wrong account, amount, date, section or missing field; roles are the ledger's.
 */
@SpringBootTest
class GuidedEntriesTest {

    static final int YEAR = 2025;
    static final LocalDate DAY = LocalDate.of(YEAR, 3, 14);

    @Autowired
    GuidedEntries guided;
    @Autowired
    Books books;
    @Autowired
    AccountService accounts;
    @Autowired
    EntrySearch search;
    @Autowired
    BalanceService balances;
    @Autowired
    FiscalYearService years;
    @Autowired
    LedgerService ledger;

    /** A section with every kind of account the screens ask for (Books gives 512, 411, 706, 6061). */
    record Club(Books.Club books, Account cash, Account cheques, Account supplier, Account liaison, Account grants,
            Account otherMember, Account closedBank) {

        long id() {
            return books.id();
        }

        Account bank() {
            return books.bank();
        }

        Account member() {
            return books.member();
        }

        Account income() {
            return books.income();
        }

        Account expense() {
            return books.expense();
        }
    }

    Club club;
    Club other;

    Club club() {
        Books.Club b = books.club(YEAR);
        return SystemActor.run("test", () -> {
            Account closed = accounts.create(b.id(), "512", "Ancienne banque");
            accounts.update(closed.id(), closed.label(), false);
            return new Club(b, accounts.create(b.id(), "530", "Caisse"), accounts.create(b.id(), "5112", "Chèques à encaisser"),
                    accounts.create(b.id(), "401", "Garage Durand"), accounts.create(b.id(), "467", "Liaison"),
                    accounts.create(b.id(), "74", "Subventions"), accounts.create(b.id(), "411", "Martin Claire"),
                    accounts.get(closed.id()));
        });
    }

    @BeforeEach
    void setUp() {
        club = club();
        other = club();
        as("SECTION_" + club.id() + "_TREASURER");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void as(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("tresorier", null,
                AuthorityUtils.createAuthorityList(authorities)));
    }

    /** A request as the form sends it: the date, an amount, accounts by slot; {@code more} sets the rest. */
    static GuidedRequest request(GuidedKind kind, String amount, Map<String, Account> chosen, Consumer<Req> more) {
        Req r = new Req();
        r.amount = amount;
        chosen.forEach((slot, account) -> r.accounts.put(slot, account.id()));
        more.accept(r);
        return new GuidedRequest(kind, r.date, r.amount, r.accounts, r.reference, r.label, r.mode, r.target);
    }

    static GuidedRequest request(GuidedKind kind, String amount, Map<String, Account> chosen) {
        return request(kind, amount, chosen, r -> { });
    }

    static final class Req {
        String date = DAY.toString();
        String amount;
        Map<String, Long> accounts = new HashMap<>();
        String reference;
        String label;
        PaymentMode mode;
        Long target;
    }

    GuidedResult post(GuidedRequest request) {
        return guided.post(club.id(), request);
    }

    long entryCount(Club c) {
        return SystemActor.run("test", () -> search.search(EntryFilter.all(c.id()), 0, 1).total());
    }

    /** Posting is refused with this code on this field, and neither section gains an entry. */
    GuidedRejectedException refused(GuidedRequest request, String field, Enum<?> code) {
        long before = entryCount(club);
        long beforeOther = entryCount(other);
        GuidedRejectedException e = (GuidedRejectedException) org.assertj.core.api.Assertions.catchThrowable(() -> post(request));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.has(field, code)).as(e.getMessage()).isTrue();
        assertThat(entryCount(club)).isEqualTo(before);
        assertThat(entryCount(other)).isEqualTo(beforeOther);
        return e;
    }

    static List<org.assertj.core.groups.Tuple> lines(Entry e) {
        return e.lines().stream().map(l -> tuple(l.accountId(), l.amountCents())).toList();
    }

    Map<String, Account> payment(Account treasury, Account member) {
        return Map.of("treasury", treasury, "member", member);
    }

    GuidedRequest cheque(String amount, String number) {
        return request(GuidedKind.MEMBER_PAYMENT, amount, payment(club.bank(), club.member()), r -> {
            r.mode = PaymentMode.CHEQUE;
            r.reference = number;
        });
    }

    /** The member's account gets a credit balance: he paid in advance. */
    void prepaid(Account member, long cents) {
        post(request(GuidedKind.MEMBER_PAYMENT, typed(cents), payment(club.bank(), member), r -> {
            r.mode = PaymentMode.TRANSFER;
            r.reference = "VIR-" + cents;
        }));
    }

    /** An amount as a user types it. */
    static String typed(long cents) {
        return org.envol.ledger.Money.format(cents);
    }

    // ---- member payment

    @Test
    void aChequePaymentCreditsTheMemberAndDebitsTheBankInTheBankJournalWithTheChequeNumber() {
        Entry e = post(cheque("120,50", "1234567")).entries().get(0);
        assertThat(e.journalCode()).isEqualTo("BQ");
        assertThat(e.voucherRef()).isEqualTo("1234567");
        assertThat(e.date()).isEqualTo(DAY);
        assertThat(e.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(e.label()).isEqualTo("Règlement Dupont Jean");
        assertThat(e.createdBy()).isEqualTo("tresorier");
        assertThat(lines(e)).containsExactly(tuple(club.bank().id(), 12_050L), tuple(club.member().id(), -12_050L));
    }

    @Test
    void aCashPaymentGoesToTheCashBoxInTheCashJournal() {
        Entry e = post(request(GuidedKind.MEMBER_PAYMENT, "40", payment(club.cash(), club.member()), r -> {
            r.mode = PaymentMode.CASH;
            r.label = "Cotisation en espèces";
        })).entries().get(0);
        assertThat(e.journalCode()).isEqualTo("CA");
        assertThat(e.label()).isEqualTo("Cotisation en espèces");
        assertThat(e.voucherRef()).isNull();
        assertThat(lines(e)).containsExactly(tuple(club.cash().id(), 4_000L), tuple(club.member().id(), -4_000L));
    }

    @Test
    void aChequeMayWaitInTheAccountOfChequesToDeposit() {
        Entry e = post(request(GuidedKind.MEMBER_PAYMENT, "75", payment(club.cheques(), club.member()), r -> {
            r.mode = PaymentMode.CHEQUE;
            r.reference = "889";
        })).entries().get(0);
        assertThat(e.journalCode()).isEqualTo("BQ");
        assertThat(lines(e)).containsExactly(tuple(club.cheques().id(), 7_500L), tuple(club.member().id(), -7_500L));
    }

    @Test
    void aChequeNeedsItsNumberAndATransferItsReference() {
        refused(cheque("10", " "), "reference", GuidedCode.CHEQUE_NUMBER_MISSING);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.bank(), club.member()), r -> r.mode = PaymentMode.TRANSFER),
                "reference", GuidedCode.TRANSFER_REFERENCE_MISSING);
        // card and cash need none
        assertThat(post(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.bank(), club.member()), r -> r.mode = PaymentMode.CARD))
                .entries()).hasSize(1);
    }

    @Test
    void thePaymentModeIsRequiredAndSaysWhereTheMoneyGoes() {
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.bank(), club.member())), "paymentMode",
                GuidedCode.PAYMENT_MODE_MISSING);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.bank(), club.member()), r -> r.mode = PaymentMode.CASH),
                "treasury", GuidedCode.PAYMENT_MODE_ACCOUNT);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.cash(), club.member()), r -> {
            r.mode = PaymentMode.TRANSFER;
            r.reference = "V1";
        }), "treasury", GuidedCode.PAYMENT_MODE_ACCOUNT);
    }

    @Test
    void aPaymentTakesOnlyAMemberAccountAndABankOrCashAccount() {
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.bank(), club.expense()),
                r -> { r.mode = PaymentMode.CHEQUE; r.reference = "1"; }), "member", GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.income(), club.member()),
                r -> { r.mode = PaymentMode.CHEQUE; r.reference = "1"; }), "treasury", GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.supplier(), club.member()),
                r -> { r.mode = PaymentMode.CHEQUE; r.reference = "1"; }), "treasury", GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    @Test
    void anAccountOfAnotherSectionAClosedOneOrNoneIsRefused() {
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.bank(), other.member()),
                r -> { r.mode = PaymentMode.CHEQUE; r.reference = "1"; }), "member", GuidedCode.ACCOUNT_NOT_IN_SECTION);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", payment(club.closedBank(), club.member()),
                r -> { r.mode = PaymentMode.CHEQUE; r.reference = "1"; }), "treasury", GuidedCode.ACCOUNT_CLOSED);
        refused(request(GuidedKind.MEMBER_PAYMENT, "10", Map.of("treasury", club.bank()),
                r -> { r.mode = PaymentMode.CHEQUE; r.reference = "1"; }), "member", GuidedCode.ACCOUNT_MISSING);
    }

    // ---- amounts and dates, the same for every screen

    @Test
    void amountsAreReadWithTheMoneyRules() {
        assertThat(lines(post(cheque("1 234,56", "1")).entries().get(0))).first().isEqualTo(tuple(club.bank().id(), 123_456L));
        assertThat(lines(post(cheque("12.5", "2")).entries().get(0))).first().isEqualTo(tuple(club.bank().id(), 1_250L));
        assertThat(lines(post(cheque("0,01", "3")).entries().get(0))).first().isEqualTo(tuple(club.bank().id(), 1L));
    }

    @Test
    void anAmountMissingUnreadableZeroNegativeOrTooLargeIsRefused() {
        refused(cheque("", "1"), "amount", GuidedCode.AMOUNT_MISSING);
        GuidedRejectedException e = refused(cheque("12,3,4", "1"), "amount", GuidedCode.AMOUNT_INVALID);
        assertThat(e.refusals().get(0).args()).containsExactly("12,3,4");
        refused(cheque("12,345", "1"), "amount", GuidedCode.AMOUNT_INVALID);
        refused(cheque("douze", "1"), "amount", GuidedCode.AMOUNT_INVALID);
        refused(cheque("0", "1"), "amount", GuidedCode.AMOUNT_NOT_POSITIVE);
        refused(cheque("-5", "1"), "amount", GuidedCode.AMOUNT_NOT_POSITIVE);
        refused(cheque(typed(Limits.AMOUNT_MAX_CENTS + 1), "1"), "amount", GuidedCode.AMOUNT_TOO_LARGE);
        assertThat(post(cheque(typed(Limits.AMOUNT_MAX_CENTS), "1")).entries()).hasSize(1);
    }

    @Test
    void theDateMustBeADateInAnOpenFiscalYearOfTheSection() {
        refused(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()), r -> r.date = ""),
                "date", RejectionCode.DATE_MISSING);
        refused(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()), r -> r.date = "31/02/2025"),
                "date", GuidedCode.DATE_INVALID);
        refused(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()), r -> r.date = "2025-02-30"),
                "date", GuidedCode.DATE_INVALID);
        refused(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()), r -> r.date = "2024-12-31"),
                "date", RejectionCode.NO_FISCAL_YEAR);
        // the French form is read too
        assertThat(post(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()),
                r -> r.date = "01/06/2025")).entries().get(0).date()).isEqualTo(LocalDate.of(YEAR, 6, 1));
    }

    @Test
    void aClosedFiscalYearTakesNothing() {
        SystemActor.run("test", () -> years.close(club.books().year().id()));
        refused(cheque("10", "1"), "date", RejectionCode.FISCAL_YEAR_CLOSED);
    }

    @Test
    void everyProblemIsSaidAtOnceTheLedgersToo() {
        GuidedRejectedException e = refused(request(GuidedKind.MEMBER_PAYMENT, "abc", payment(club.bank(), club.expense()), r -> {
            r.mode = PaymentMode.CHEQUE;
            r.date = "2024-06-01";
        }), "amount", GuidedCode.AMOUNT_INVALID);
        assertThat(e.has("member", GuidedCode.ACCOUNT_NOT_ALLOWED)).isTrue();
        assertThat(e.has("reference", GuidedCode.CHEQUE_NUMBER_MISSING)).isTrue();
        assertThat(e.has("date", RejectionCode.NO_FISCAL_YEAR)).isTrue();
        // nothing about lines the user never typed (the ledger's line numbers, zero lines, imbalance)
        assertThat(e.refusals()).extracting(Refusal::field).doesNotContain("entry");
    }

    @Test
    void theLedgersLimitsComeBackOnTheirFields() {
        refused(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()),
                r -> r.label = "x".repeat(Limits.LABEL_MAX + 1)), "label", RejectionCode.LABEL_TOO_LONG);
        refused(request(GuidedKind.RECEIPT, "10", Map.of("treasury", club.bank(), "income", club.income()),
                r -> r.reference = "x".repeat(Limits.VOUCHER_MAX + 1)), "reference", RejectionCode.VOUCHER_TOO_LONG);
    }

    // ---- expense

    @Test
    void anExpenseDebitsTheExpenseAgainstTheBankTheCashOrAMemberToReimburse() {
        Entry bank = post(request(GuidedKind.EXPENSE, "60", Map.of("expense", club.expense(), "payer", club.bank()))).entries().get(0);
        assertThat(bank.journalCode()).isEqualTo("BQ");
        assertThat(bank.label()).isEqualTo("Dépense Carburant (Banque)");
        assertThat(lines(bank)).containsExactly(tuple(club.expense().id(), 6_000L), tuple(club.bank().id(), -6_000L));

        Entry cash = post(request(GuidedKind.EXPENSE, "5", Map.of("expense", club.expense(), "payer", club.cash()))).entries().get(0);
        assertThat(cash.journalCode()).isEqualTo("CA");

        Entry member = post(request(GuidedKind.EXPENSE, "33,20", Map.of("expense", club.expense(), "payer", club.member()),
                r -> r.reference = "Ticket 12")).entries().get(0);
        assertThat(member.journalCode()).isEqualTo("OD");
        assertThat(member.voucherRef()).isEqualTo("Ticket 12");
        assertThat(lines(member)).containsExactly(tuple(club.expense().id(), 3_320L), tuple(club.member().id(), -3_320L));
    }

    @Test
    void anExpenseRefusesAnIncomeAccountOrASupplierAsPayer() {
        refused(request(GuidedKind.EXPENSE, "60", Map.of("expense", club.income(), "payer", club.bank())), "expense",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(request(GuidedKind.EXPENSE, "60", Map.of("expense", club.expense(), "payer", club.supplier())), "payer",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    // ---- receipt

    @Test
    void aReceiptCreditsIncomeAndDebitsBankOrCash() {
        Entry e = post(request(GuidedKind.RECEIPT, "25", Map.of("treasury", club.cash(), "income", club.income()))).entries().get(0);
        assertThat(e.journalCode()).isEqualTo("CA");
        assertThat(lines(e)).containsExactly(tuple(club.cash().id(), 2_500L), tuple(club.income().id(), -2_500L));
        refused(request(GuidedKind.RECEIPT, "25", Map.of("treasury", club.bank(), "income", club.expense())), "income",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(request(GuidedKind.RECEIPT, "25", Map.of("treasury", club.member(), "income", club.income())), "treasury",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    // ---- refund of a member who leaves

    long balance(Account a) {
        return SystemActor.run("test", () -> balances.balanceCents(a.id(), LocalDate.of(YEAR, 12, 31)));
    }

    @Test
    void aRefundLeftBlankGivesBackTheWholeCreditBalance() {
        prepaid(club.member(), 20_000);
        Entry e = post(request(GuidedKind.MEMBER_REFUND, "", Map.of("member", club.member(), "treasury", club.bank()))).entries().get(0);
        assertThat(e.journalCode()).isEqualTo("BQ");
        assertThat(e.label()).isEqualTo("Remboursement Dupont Jean");
        assertThat(lines(e)).containsExactly(tuple(club.member().id(), 20_000L), tuple(club.bank().id(), -20_000L));
        assertThat(balance(club.member())).isZero();
    }

    @Test
    void aRefundIsAtMostTheCreditBalance() {
        prepaid(club.member(), 20_000);
        GuidedRejectedException e = refused(request(GuidedKind.MEMBER_REFUND, "200,01", Map.of("member", club.member(),
                "treasury", club.bank())), "amount", GuidedCode.REFUND_ABOVE_CREDIT);
        assertThat(e.refusals().get(0).args()).extracting(Object::toString).containsExactly("200,01", "200,00", "411 Dupont Jean");
        Entry part = post(request(GuidedKind.MEMBER_REFUND, "50", Map.of("member", club.member(), "treasury", club.cash())))
                .entries().get(0);
        assertThat(part.journalCode()).isEqualTo("CA");
        assertThat(balance(club.member())).isEqualTo(-15_000);
        assertThat(post(request(GuidedKind.MEMBER_REFUND, "150", Map.of("member", club.member(), "treasury", club.bank())))
                .entries()).hasSize(1);
    }

    @Test
    void aMemberWithoutCreditGetsNoRefund() {
        refused(request(GuidedKind.MEMBER_REFUND, "", Map.of("member", club.member(), "treasury", club.bank())), "member",
                GuidedCode.MEMBER_NO_CREDIT);
        // a debtor neither: a flight was billed to him
        SystemActor.run("test", () -> ledger.post(club.books().draft(DAY, "Vol", club.otherMember(), club.income(), 3_000)));
        refused(request(GuidedKind.MEMBER_REFUND, "10", Map.of("member", club.otherMember(), "treasury", club.bank())), "member",
                GuidedCode.MEMBER_NO_CREDIT);
        refused(request(GuidedKind.MEMBER_REFUND, "10", Map.of("member", club.expense(), "treasury", club.bank())), "member",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    @Test
    void theRefundScreenOffersOnlyMembersWithACredit() {
        prepaid(club.member(), 1_000);
        GuidedChoices choices = guided.choices(GuidedKind.MEMBER_REFUND, club.id(), null);
        assertThat(choices.accounts("member")).containsExactly(club.member());
        assertThat(choices.creditCents()).containsEntry(club.member().id(), 1_000L);
        assertThat(choices.accounts("treasury")).containsExactlyInAnyOrder(club.bank(), club.cash());
    }

    // ---- grant

    Map<String, Account> grant(Club c) {
        return Map.of("bank", c.bank(), "income", c.grants(), "expense", c.expense(), "member", c.member());
    }

    @Test
    void aGrantPostsTheGuidesTwoEntriesTogetherNeutralForTheResult() {
        GuidedResult result = post(request(GuidedKind.GRANT, "300", grant(club), r -> r.reference = "FFVP-2025-7"));
        assertThat(result.entries()).hasSize(2);
        Entry received = result.entries().get(0);
        Entry credited = result.entries().get(1);
        assertThat(received.journalCode()).isEqualTo("BQ");
        assertThat(lines(received)).containsExactly(tuple(club.bank().id(), 30_000L), tuple(club.grants().id(), -30_000L));
        assertThat(credited.journalCode()).isEqualTo("OD");
        assertThat(lines(credited)).containsExactly(tuple(club.expense().id(), 30_000L), tuple(club.member().id(), -30_000L));
        assertThat(result.entries()).allSatisfy(e -> {
            assertThat(e.voucherRef()).isEqualTo("FFVP-2025-7");
            assertThat(e.label()).isEqualTo("Bourse Dupont Jean");
        });
        // expense and income cancel out: the result of the year does not move; the member has the money
        long result67 = result.entries().stream().flatMap(e -> e.lines().stream())
                .filter(l -> l.accountId() == club.expense().id() || l.accountId() == club.grants().id()).mapToLong(Line::amountCents).sum();
        assertThat(result67).isZero();
        assertThat(balance(club.member())).isEqualTo(-30_000);
        assertThat(balance(club.bank())).isEqualTo(30_000);
    }

    @Test
    void aGrantWithOneWrongAccountWritesNeitherEntry() {
        Map<String, Account> wrong = new HashMap<>(grant(club));
        wrong.put("member", club.supplier());
        refused(request(GuidedKind.GRANT, "300", wrong), "member", GuidedCode.ACCOUNT_NOT_ALLOWED);
        wrong.put("member", club.member());
        wrong.put("bank", club.cash());
        refused(request(GuidedKind.GRANT, "300", wrong), "bank", GuidedCode.ACCOUNT_NOT_ALLOWED);
        wrong.put("bank", club.bank());
        wrong.put("income", club.expense());
        refused(request(GuidedKind.GRANT, "300", wrong), "income", GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    // ---- supplier payment, bank and cash, cheque deposit

    @Test
    void aSupplierIsPaidFromTheBankOnly() {
        Entry e = post(request(GuidedKind.SUPPLIER_PAYMENT, "1 200", Map.of("supplier", club.supplier(), "bank", club.bank()),
                r -> r.reference = "F2025-031")).entries().get(0);
        assertThat(e.journalCode()).isEqualTo("BQ");
        assertThat(e.label()).isEqualTo("Règlement fournisseur Garage Durand");
        assertThat(lines(e)).containsExactly(tuple(club.supplier().id(), 120_000L), tuple(club.bank().id(), -120_000L));
        refused(request(GuidedKind.SUPPLIER_PAYMENT, "10", Map.of("supplier", club.supplier(), "bank", club.cash())), "bank",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(request(GuidedKind.SUPPLIER_PAYMENT, "10", Map.of("supplier", club.member(), "bank", club.bank())), "supplier",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    @Test
    void moneyMovesBetweenBankAndCashEitherWayButNotToItself() {
        Entry toCash = post(request(GuidedKind.TREASURY_TRANSFER, "100", Map.of("from", club.bank(), "to", club.cash()))).entries().get(0);
        assertThat(toCash.journalCode()).isEqualTo("CA");
        assertThat(toCash.label()).isEqualTo("Virement Banque → Caisse");
        assertThat(lines(toCash)).containsExactly(tuple(club.cash().id(), 10_000L), tuple(club.bank().id(), -10_000L));
        Entry toBank = post(request(GuidedKind.TREASURY_TRANSFER, "40", Map.of("from", club.cash(), "to", club.bank()))).entries().get(0);
        assertThat(lines(toBank)).containsExactly(tuple(club.bank().id(), 4_000L), tuple(club.cash().id(), -4_000L));
        refused(request(GuidedKind.TREASURY_TRANSFER, "40", Map.of("from", club.bank(), "to", club.bank())), "from",
                GuidedCode.SAME_ACCOUNT);
        refused(request(GuidedKind.TREASURY_TRANSFER, "40", Map.of("from", club.bank(), "to", club.income())), "to",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    @Test
    void chequesToDepositOrCashArePaidIntoTheBank() {
        Entry cheques = post(request(GuidedKind.CHEQUE_DEPOSIT, "480", Map.of("deposited", club.cheques(), "bank", club.bank()),
                r -> r.reference = "Bordereau 12")).entries().get(0);
        assertThat(cheques.journalCode()).isEqualTo("BQ");
        assertThat(lines(cheques)).containsExactly(tuple(club.bank().id(), 48_000L), tuple(club.cheques().id(), -48_000L));
        Entry cash = post(request(GuidedKind.CHEQUE_DEPOSIT, "80", Map.of("deposited", club.cash(), "bank", club.bank()))).entries().get(0);
        assertThat(lines(cash)).containsExactly(tuple(club.bank().id(), 8_000L), tuple(club.cash().id(), -8_000L));
        refused(request(GuidedKind.CHEQUE_DEPOSIT, "80", Map.of("deposited", club.member(), "bank", club.bank())), "deposited",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(request(GuidedKind.CHEQUE_DEPOSIT, "80", Map.of("deposited", club.cheques(), "bank", club.cash())), "bank",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    // ---- transfer between sections

    GuidedRequest sectionTransfer(String amount, Club to, Consumer<Req> more) {
        return request(GuidedKind.SECTION_TRANSFER, amount, Map.of("liaison", club.liaison(), "treasury", club.bank(),
                "targetTreasury", to.bank(), "targetLiaison", to.liaison()), r -> {
                    r.target = to.id();
                    more.accept(r);
                });
    }

    @Test
    void aTransferBetweenSectionsPostsOneEqualEntryInEachWithASharedSource() {
        as("SECTION_" + club.id() + "_TREASURER", "SECTION_" + other.id() + "_TREASURER");
        GuidedResult result = post(sectionTransfer("500", other, r -> { }));
        assertThat(result.entries()).hasSize(2);
        Entry here = result.entries().get(0);
        Entry there = result.entries().get(1);
        assertThat(here.sectionId()).isEqualTo(club.id());
        assertThat(there.sectionId()).isEqualTo(other.id());
        assertThat(lines(here)).containsExactly(tuple(club.liaison().id(), 50_000L), tuple(club.bank().id(), -50_000L));
        assertThat(lines(there)).containsExactly(tuple(other.bank().id(), 50_000L), tuple(other.liaison().id(), -50_000L));
        assertThat(here.journalCode()).isEqualTo("BQ");
        assertThat(here.label()).isEqualTo(there.label()).isEqualTo("Virement de la section " + club.books().section().name()
                + " à la section " + other.books().section().name());

        Source source = new Source(GuidedKind.SECTION_TRANSFER_SOURCE, result.sourceReference());
        assertThat(here.source()).isEqualTo(source);
        assertThat(there.source()).isEqualTo(source);
        assertThat(here.voucherRef()).isEqualTo(result.sourceReference());
        assertThat(search.bySource(club.id(), source)).map(Entry::id).contains(here.id());
        assertThat(search.bySource(other.id(), source)).map(Entry::id).contains(there.id());
    }

    @Test
    void aClubWideTreasurerMayTransferBetweenAnySections() {
        as("SECTION_ALL_TREASURER");
        assertThat(post(sectionTransfer("10", other, r -> r.reference = "ORDRE-9")).entries())
                .extracting(Entry::voucherRef).containsExactly("ORDRE-9", "ORDRE-9");
    }

    @Test
    void aTreasurerOfOneSectionOnlyCannotTransferToAnother() {
        long before = entryCount(other);
        assertThatThrownBy(() -> post(sectionTransfer("10", other, r -> { }))).isInstanceOf(AccessDeniedException.class);
        assertThat(entryCount(other)).isEqualTo(before);
        assertThat(guided.choices(GuidedKind.SECTION_TRANSFER, club.id(), other.id()).targets()).isEmpty();
    }

    @Test
    void aTransferNeedsAnotherSectionAndItsOwnAccounts() {
        as("SECTION_" + club.id() + "_TREASURER", "SECTION_" + other.id() + "_TREASURER");
        refused(sectionTransfer("10", other, r -> r.target = null), "targetSection", GuidedCode.TARGET_SECTION_MISSING);
        refused(sectionTransfer("10", other, r -> r.target = club.id()), "targetSection", GuidedCode.TARGET_SECTION_SAME);
        refused(sectionTransfer("10", other, r -> r.target = Long.MAX_VALUE), "targetSection", RejectionCode.SECTION_UNKNOWN);
        refused(sectionTransfer("10", other, r -> r.accounts.put("targetTreasury", club.cash().id())), "targetTreasury",
                GuidedCode.ACCOUNT_NOT_IN_SECTION);
        refused(sectionTransfer("10", other, r -> r.accounts.put("liaison", club.bank().id())), "liaison",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
        refused(sectionTransfer("10", other, r -> r.accounts.put("targetLiaison", other.member().id())), "targetLiaison",
                GuidedCode.ACCOUNT_NOT_ALLOWED);
    }

    @Test
    void whenTheOtherSectionRefusesTheDateNeitherEntryIsWritten() {
        SystemActor.run("test", () -> years.close(other.books().year().id()));
        as("SECTION_" + club.id() + "_TREASURER", "SECTION_" + other.id() + "_TREASURER");
        GuidedRejectedException e = refused(sectionTransfer("10", other, r -> { }), "date", RejectionCode.FISCAL_YEAR_CLOSED);
        assertThat(e.refusals()).singleElement().extracting(Refusal::section).isEqualTo(other.books().section().name());
    }

    @Test
    void theTransferScreenOffersTheOtherSectionsAccounts() {
        as("SECTION_" + club.id() + "_TREASURER", "SECTION_" + other.id() + "_TREASURER");
        GuidedChoices choices = guided.choices(GuidedKind.SECTION_TRANSFER, club.id(), other.id());
        assertThat(choices.targets()).extracting(s -> s.id()).containsExactly(other.id());
        assertThat(choices.target().id()).isEqualTo(other.id());
        assertThat(choices.accounts("liaison")).containsExactly(club.liaison());
        assertThat(choices.accounts("targetLiaison")).containsExactly(other.liaison());
        assertThat(choices.accounts("targetTreasury")).containsExactlyInAnyOrder(other.bank(), other.cash());
    }

    // ---- who may

    @Test
    void anAccountantOrAMemberCannotPostNorOpenTheScreens() {
        for (String[] who : List.of(new String[] {"SECTION_" + club.id() + "_ACCOUNTANT"},
                new String[] {"SECTION_" + club.id() + "_MEMBER", "ACCOUNT_" + club.member().id()})) {
            as(who);
            long before = entryCount(club);
            assertThatThrownBy(() -> post(cheque("10", "1"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> guided.choices(GuidedKind.MEMBER_PAYMENT, club.id(), null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> guided.kinds(club.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(entryCount(club)).isEqualTo(before);
        }
    }

    @Test
    void aTreasurerOfAnotherSectionCannotPostHere() {
        as("SECTION_" + other.id() + "_TREASURER");
        long before = entryCount(club);
        assertThatThrownBy(() -> post(cheque("10", "1"))).isInstanceOf(AccessDeniedException.class);
        assertThat(entryCount(club)).isEqualTo(before);
    }

    @Test
    void eachSlotOffersOnlyTheActiveAccountsItAccepts() {
        GuidedChoices choices = guided.choices(GuidedKind.MEMBER_PAYMENT, club.id(), null);
        assertThat(choices.accounts("member")).containsExactlyInAnyOrder(club.member(), club.otherMember());
        assertThat(choices.accounts("treasury")).containsExactlyInAnyOrder(club.bank(), club.cash(), club.cheques())
                .doesNotContain(club.closedBank());
        assertThat(guided.choices(GuidedKind.EXPENSE, club.id(), null).accounts("payer"))
                .containsExactlyInAnyOrder(club.bank(), club.cash(), club.member(), club.otherMember());
    }

    @PostgresTest
    static class OnPostgres extends GuidedEntriesTest {
    }
}
