package org.envol.testing;

import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.security.SystemActor;
import org.springframework.stereotype.Component;

/** Sets up books for a test: a section with a fiscal year and a few accounts, as an admin. */
@Component
public class Books {

    private final SectionService sections;
    private final FiscalYearService years;
    private final AccountService accounts;

    Books(SectionService sections, FiscalYearService years, AccountService accounts) {
        this.sections = sections;
        this.years = years;
        this.accounts = accounts;
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /** A new section with a unique code (tests share one database per Spring context). */
    public Club club(int year) {
        return club("S" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + NEXT.incrementAndGet(), year);
    }

    /** A section with fiscal year {@code year} and accounts bank 512, member 411, income 706, expense 6061. */
    public Club club(String code, int year) {
        return SystemActor.run("test", () -> {
            Section s = sections.create(code, "Section " + code);
            FiscalYear fy = years.create(s.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            return new Club(s, fy, accounts.create(s.id(), "512", "Banque"), accounts.create(s.id(), "411", "Dupont Jean"),
                    accounts.create(s.id(), "706", "Prestations"), accounts.create(s.id(), "6061", "Carburant"));
        });
    }

    public record Club(Section section, FiscalYear year, Account bank, Account member, Account income, Account expense) {

        public long id() {
            return section.id();
        }

        /** A balanced two-line draft: debit {@code debit}, credit {@code credit}. */
        public EntryDraft draft(LocalDate date, String label, Account debit, Account credit, long cents) {
            return EntryDraft.manual(section.id(), "OD", date, label, null,
                    List.of(LineDraft.of(debit.id(), cents), LineDraft.of(credit.id(), -cents)));
        }
    }
}
