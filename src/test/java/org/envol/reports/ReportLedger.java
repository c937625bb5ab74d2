package org.envol.reports;

import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.YearEnd;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.springframework.stereotype.Component;

/**
 * A small club whose every report figure is computed by hand in the tests: section A with the
 * fiscal years 2024 and 2025 and a dozen entries, section B with the other side of a transfer
 * through the liaison account 467. The figures (in cents) are in the comments where they arise.
 */
@Component
class ReportLedger {

    static final LocalDate Y2024_START = LocalDate.of(2024, 1, 1);
    static final LocalDate Y2024_END = LocalDate.of(2024, 12, 31);
    static final LocalDate Y2025_START = LocalDate.of(2025, 1, 1);
    static final LocalDate Y2025_END = LocalDate.of(2025, 12, 31);

    /** The books of the two sections and their accounts. */
    record Club(Books.Club a, Books.Club b, FiscalYear a2024, Account martin, Account dues, Account funds, Account liaison,
            Account supplier, Account grants, Account interest, Account exceptional, Account volunteers, Account volunteering,
            Account result, Account bLiaison) {

        Account dupont() {
            return a.member();
        }

        Account bank() {
            return a.bank();
        }

        Account flights() {
            return a.income();
        }

        Account fuel() {
            return a.expense();
        }

        long sectionA() {
            return a.id();
        }

        long sectionB() {
            return b.id();
        }
    }

    private final Books books;
    private final FiscalYearService years;
    private final AccountService accounts;
    private final LedgerService ledger;

    ReportLedger(Books books, FiscalYearService years, AccountService accounts, LedgerService ledger) {
        this.books = books;
        this.years = years;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    Club create() {
        Books.Club a = books.club(2025);
        Books.Club b = books.club(2025);
        return SystemActor.run("test", () -> {
            long s = a.id();
            FiscalYear a2024 = years.create(s, Y2024_START, Y2024_END);
            Club c = new Club(a, b, a2024, accounts.create(s, "411", "Martin Anne"), accounts.create(s, "756", "Cotisations"),
                    accounts.create(s, "102", "Fonds associatifs"), accounts.create(s, "467", "Liaison B"),
                    accounts.create(s, "401", "Station service"), accounts.create(s, "657", "Bourses jeunes"),
                    accounts.create(s, "768", "Intérêts du livret"), accounts.create(s, "678", "Amende"),
                    accounts.create(s, "864", "Personnel bénévole"), accounts.create(s, "875", "Bénévolat"),
                    accounts.create(s, "120", "Résultat (excédent)"), accounts.create(b.id(), "467", "Liaison A"));
            // 2024: funds 1000.00 in the bank; Dupont flies 300.00 and pays 200.00; fuel 150.00
            // result 2024 = 300.00 - 150.00 = 150.00
            post(s, "2024-01-02", "Fonds de départ", c.bank(), c.funds(), 100_000);
            post(s, "2024-03-10", "Vols mars", c.dupont(), c.flights(), 30_000);
            post(s, "2024-03-20", "Règlement Dupont", c.bank(), c.dupont(), 20_000);
            post(s, "2024-05-05", "Carburant", c.fuel(), c.bank(), 15_000);
            // 2025: dues 80.00 and Martin pays 200.00 (120.00 in advance); Dupont flies 450.00; a grant of 50.00
            // to Dupont; fuel 400.00 invoiced, 250.00 paid; interest 12.34; a fine 10.00;
            // volunteering 500.00 (86/87); 100.00 sent to section B through 467
            // result 2025 = 80 + 450 + 12.34 - 400 - 50 - 10 = 82.34
            post(s, "2025-01-15", "Cotisation Martin", c.martin(), c.dues(), 8_000);
            post(s, "2025-01-20", "Règlement Martin", c.bank(), c.martin(), 20_000);
            post(s, "2025-02-10", "Vols février", c.dupont(), c.flights(), 45_000);
            post(s, "2025-03-01", "Facture carburant", c.fuel(), c.supplier(), 40_000);
            post(s, "2025-03-15", "Paiement station", c.supplier(), c.bank(), 25_000);
            post(s, "2025-04-01", "Bourse jeune pilote", c.grants(), c.dupont(), 5_000);
            post(s, "2025-05-01", "Intérêts", c.bank(), c.interest(), 1_234);
            post(s, "2025-06-01", "Amende", c.exceptional(), c.bank(), 1_000);
            post(s, "2025-07-01", "Bénévolat", c.volunteers(), c.volunteering(), 50_000);
            post(s, "2025-08-01", "Virement vers B", c.liaison(), c.bank(), 10_000);
            post(b.id(), "2025-08-01", "Virement de A", b.bank(), c.bLiaison(), 10_000);
            // a draft is not in the books
            ledger.saveDraft(EntryDraft.manual(s, "OD", LocalDate.parse("2025-09-01"), "Brouillon", null,
                    List.of(LineDraft.of(c.bank().id(), 999_999), LineDraft.of(c.flights().id(), -999_999))));
            return c;
        });
    }

    /** The year-end result entry of 2024: 706 and 6061 zeroed into 120 (150.00 surplus), as the closing posts it. */
    Entry close2024(Club c) {
        return SystemActor.run("test", () -> ledger.post(result2024(c)));
    }

    /** The same result entry kept as a draft (not in the books yet). */
    Entry draftClose2024(Club c) {
        return SystemActor.run("test", () -> ledger.saveDraft(result2024(c)));
    }

    private static EntryDraft result2024(Club c) {
        return new EntryDraft(c.sectionA(), "OD", Y2024_END, "Résultat 2024", null, YearEnd.result(c.a2024().id()),
                List.of(LineDraft.of(c.flights().id(), 30_000), LineDraft.of(c.fuel().id(), -15_000),
                        LineDraft.of(c.result().id(), -15_000)));
    }

    private void post(long sectionId, String day, String label, Account debit, Account credit, long cents) {
        ledger.post(EntryDraft.manual(sectionId, "OD", LocalDate.parse(day), label, null,
                List.of(LineDraft.of(debit.id(), cents), LineDraft.of(credit.id(), -cents))));
    }
}
