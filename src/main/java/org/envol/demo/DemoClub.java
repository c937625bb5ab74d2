package org.envol.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envol.closing.CarryTarget;
import org.envol.closing.Checklist;
import org.envol.closing.ClosingService;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.Source;
import org.envol.members.Member;
import org.envol.members.MemberData;
import org.envol.members.MemberService;
import org.envol.security.SystemActor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo club to explore: sections « Planeur » and « Avion », each with its accounts and two
 * years of books. Last year is complete — the books taken over on the 1st of January (the
 * balance sheet of the year before, its result awaiting allocation), then a year of flights,
 * fees, payments, invoices paid, insurance, bank charges, a transfer cleared from the suspense
 * account, cash banked, the savings' interest — all validated, then closed as a treasurer closes
 * it (bank balances confirmed, result to 120/129, prior result to report à nouveau), so that this
 * year opens with the closing's opening entries in journal AN. This year runs up to today:
 * flights billed, members' payments, fuel and maintenance invoices with VAT, insurance, the first
 * months validated, a draft left. Its members each own their 411 account; a child is paid for by
 * a parent; a member has left. Deterministic (seeded), and written only into an empty database.
 */
@Component
public class DemoClub {

    static final String FLIGHT = "demo-vol";
    /** The Livret A's balance when the books were taken over. */
    static final long SAVINGS_CENTS = 2_000_000;
    /** The annual fee: 180 € this year, 170 € last year. */
    static final long FEE_CENTS = 18_000;
    static final long FEE_LAST_YEAR_CENTS = 17_000;

    private final SectionService sections;
    private final FiscalYearService years;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final ClosingService closing;
    private final MemberService members;
    private final Clock clock;

    DemoClub(SectionService sections, FiscalYearService years, AccountService accounts, LedgerService ledger, ClosingService closing,
            MemberService members, Clock clock) {
        this.sections = sections;
        this.years = years;
        this.accounts = accounts;
        this.ledger = ledger;
        this.closing = closing;
        this.members = members;
        this.clock = clock;
    }

    /** Members of the demo, per section. */
    static final List<String> GLIDER_PILOTS = List.of("Martin Claire", "Bernard Louis", "Petit Emma", "Durand Hugo",
            "Leroy Chloé", "Moreau Jules", "Simon Léa", "Laurent Tom", "Michel Inès", "Garcia Nathan");
    static final List<String> PLANE_PILOTS = List.of("Roux Camille", "Fournier Lucas", "Girard Manon", "Bonnet Théo",
            "Dupont Jean", "Lambert Sarah", "Fontaine Paul", "Rousseau Zoé");

    /** The accounts of a demo section. */
    private record Books(Account bank, Account savings, Account cash, Account funds, Account result, Account flights, Account fees,
            Account interest, Account fuel, Account maintenance, Account insurance, Account bankCharges, Account vat,
            Account supplierFuel, Account supplierMaint, Account suspense, List<Account> members) {
    }

    public boolean alreadyThere() {
        return SystemActor.run("demo", () -> !sections.all().isEmpty());
    }

    /** Creates the two sections and their books; returns them (Planeur first). */
    @Transactional
    public List<Section> create() {
        return SystemActor.run("demo", () -> {
            LocalDate today = LocalDate.now(clock);
            Section glider = sections.create("PLANEUR", "Planeur");
            Section plane = sections.create("AVION", "Avion");
            // this year draws from the same seeds as when the demo had no previous year: its entries are those
            books(glider, GLIDER_PILOTS, today, new Random(1), new Random(11), 3_800, "Remorqué et heure planeur");
            books(plane, PLANE_PILOTS, today, new Random(2), new Random(12), 16_500, "Heure de vol DR400");
            members(glider, plane, today);
            return List.of(glider, plane);
        });
    }

    /** The demo's e-mail of a pilot (« Martin Claire » → claire.martin@example.org). */
    static String email(String pilot) {
        String[] name = pilot.split(" ", 2);
        String ascii = java.text.Normalizer.normalize(name[1] + "." + name[0], java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(java.util.Locale.ROOT) + "@example.org";
    }

    /**
     * Every pilot is a member since last year, who owns the 411 account in his or her name
     * (joining takes it over); Léo Dupont, a teenager paid for by his father Jean, joined the
     * gliders this year; Nathan Garcia has left.
     */
    private void members(Section glider, Section plane, LocalDate today) {
        LocalDate lastYear = LocalDate.of(today.getYear() - 1, 1, 1);
        Random births = new Random(3);
        pilots(glider, GLIDER_PILOTS, lastYear, births);
        pilots(plane, PLANE_PILOTS, lastYear, births);
        Member jean = members.findByEmail(email("Dupont Jean")).orElseThrow();
        members.create(new MemberData("Dupont", "Léo", null, LocalDate.of(today.getYear() - 15, 4, 12), jean.id()), List.of(glider.id()),
                LocalDate.of(today.getYear(), 1, 1));
        members.leave(members.findByEmail(email("Garcia Nathan")).orElseThrow().id(), today);
    }

    private void pilots(Section s, List<String> pilots, LocalDate start, Random births) {
        for (String pilot : pilots) {
            String[] name = pilot.split(" ", 2);
            LocalDate birth = LocalDate.of(1955 + births.nextInt(50), 1 + births.nextInt(12), 1 + births.nextInt(28));
            members.create(new MemberData(name[0], name[1], email(pilot), birth, null), List.of(s.id()), start);
        }
    }

    /** A section's two years: last year written, validated and closed, then this year up to today. */
    private void books(Section s, List<String> pilots, LocalDate today, Random random, Random lastYearRandom, long hourCents,
            String flightLabel) {
        FiscalYear lastYear = years.create(s.id(), LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31));
        Books b = accounts(s, pilots);
        // the bank's balance when the books were taken over (the first draw of this year's seed, as before)
        long openingBank = 1_500_000 + random.nextInt(500_000) * 10L;
        List<Long> ids = ledger.postAll(lastYearEntries(s, b, lastYear.startDate(), openingBank, lastYearRandom, hourCents, flightLabel));
        ledger.freeze(s.id(), ids);
        close(lastYear);
        thisYear(s, b, today, random, hourCents, flightLabel);
    }

    private Books accounts(Section s, List<String> pilots) {
        Account bank = accounts.create(s.id(), "512", "Crédit Mutuel compte courant");
        Account savings = accounts.create(s.id(), "5125", "Livret A");
        Account cash = accounts.create(s.id(), "530", "Caisse");
        Account funds = accounts.create(s.id(), "102", "Fonds associatifs");
        Account result = accounts.create(s.id(), "120", "Résultat de l'exercice (excédent)");
        Account flights = accounts.create(s.id(), "7061", "Heures de vol");
        Account fees = accounts.create(s.id(), "756", "Cotisations");
        Account interest = accounts.create(s.id(), "768", "Intérêts du Livret A");
        Account fuel = accounts.create(s.id(), "6061", "Carburant");
        Account maintenance = accounts.create(s.id(), "6155", "Entretien des aéronefs");
        Account insurance = accounts.create(s.id(), "616", "Assurances");
        Account bankCharges = accounts.create(s.id(), "627", "Frais bancaires");
        Account vat = accounts.create(s.id(), "44566", "TVA déductible");
        Account supplierFuel = accounts.create(s.id(), "401", "Total Aviation");
        Account supplierMaint = accounts.create(s.id(), "401", "Atelier Aéro Services");
        Account suspense = accounts.create(s.id(), "471", "Compte d'attente");
        List<Account> memberAccounts = new ArrayList<>();
        for (String p : pilots) {
            memberAccounts.add(accounts.create(s.id(), "411", p));
        }
        return new Books(bank, savings, cash, funds, result, flights, fees, interest, fuel, maintenance, insurance, bankCharges, vat,
                supplierFuel, supplierMaint, suspense, List.copyOf(memberAccounts));
    }

    /**
     * Last year's entries, a lighter year than this one (last year's tariff and fee): the books
     * taken over on the 1st of January from the balance sheet of the year before, whose surplus
     * still waits in 120 for the general meeting to allocate it; then month by month.
     */
    private List<EntryDraft> lastYearEntries(Section s, Books b, LocalDate start, long openingBank, Random random, long hourCents,
            String flightLabel) {
        int year = start.getYear();
        List<EntryDraft> drafts = new ArrayList<>();
        long priorSurplus = 150_000 + random.nextInt(250_000);
        drafts.add(EntryDraft.manual(s.id(), "AN", start, "À-nouveaux : reprise du bilan au 31/12/" + (year - 1), "AN-" + year,
                List.of(LineDraft.of(b.bank().id(), openingBank), LineDraft.of(b.savings().id(), SAVINGS_CENTS),
                        LineDraft.of(b.result().id(), -priorSurplus),
                        LineDraft.of(b.funds().id(), -(openingBank + SAVINGS_CENTS - priorSurplus)))));
        drafts.add(EntryDraft.manual(s.id(), "BQ", start.plusDays(19), "Assurance flotte " + year, "AXA-" + year,
                List.of(LineDraft.of(b.insurance().id(), 400_000), LineDraft.of(b.bank().id(), -400_000))));
        long hour = hourCents * 96 / 100;
        long cashCents = 0;
        int flight = 0;
        for (LocalDate month = start; month.getYear() == year; month = month.plusMonths(1)) {
            LocalDate last = month.plusMonths(1).minusDays(1);
            int days = last.getDayOfMonth();
            if (month.getMonthValue() == 1) {
                for (Account m : b.members()) {
                    drafts.add(EntryDraft.manual(s.id(), "VT", month.plusDays(random.nextInt(days)), "Cotisation annuelle " + m.label(), null,
                            List.of(LineDraft.of(m.id(), FEE_LAST_YEAR_CENTS), LineDraft.of(b.fees().id(), -FEE_LAST_YEAR_CENTS))));
                }
            }
            int flightsThisMonth = month.getMonthValue() >= 4 && month.getMonthValue() <= 9 ? 8 : 3;
            for (int i = 0; i < flightsThisMonth; i++) {
                Account m = b.members().get(random.nextInt(b.members().size()));
                long cents = hour * (30 + random.nextInt(90)) / 60;
                flight++;
                drafts.add(new EntryDraft(s.id(), "VT", month.plusDays(random.nextInt(days)), flightLabel + " — " + m.label(), null,
                        new Source(FLIGHT, s.code() + "-" + year + "-" + flight),
                        List.of(LineDraft.of(m.id(), cents), LineDraft.of(b.flights().id(), -cents))));
            }
            for (Account m : b.members()) {
                if (random.nextInt(3) == 0) {
                    drafts.add(payment(s, b, m, month, days, random));
                }
            }
            long fuelNet = 30_000 + random.nextInt(40_000);
            long fuelVat = Math.round(fuelNet * 0.2);
            drafts.add(EntryDraft.manual(s.id(), "AC", month.plusDays(9), "Facture carburant " + month.getMonthValue(),
                    "TA-" + year + "-" + month.getMonthValue(),
                    List.of(LineDraft.of(b.fuel().id(), fuelNet), LineDraft.of(b.vat().id(), fuelVat),
                            LineDraft.of(b.supplierFuel().id(), -(fuelNet + fuelVat)))));
            drafts.add(EntryDraft.manual(s.id(), "BQ", last, "Paiement Total Aviation", null,
                    List.of(LineDraft.of(b.supplierFuel().id(), fuelNet + fuelVat), LineDraft.of(b.bank().id(), -(fuelNet + fuelVat)))));
            if (month.getMonthValue() % 3 == 0) {
                long net = 60_000 + random.nextInt(120_000);
                long tax = Math.round(net * 0.2);
                drafts.add(EntryDraft.manual(s.id(), "AC", month.plusDays(14), "Visite 50 h / entretien",
                        "AAS-" + year + "-" + month.getMonthValue(),
                        List.of(LineDraft.of(b.maintenance().id(), net), LineDraft.of(b.vat().id(), tax),
                                LineDraft.of(b.supplierMaint().id(), -(net + tax)))));
                drafts.add(EntryDraft.manual(s.id(), "BQ", last, "Paiement Atelier Aéro Services", null,
                        List.of(LineDraft.of(b.supplierMaint().id(), net + tax), LineDraft.of(b.bank().id(), -(net + tax)))));
                drafts.add(EntryDraft.manual(s.id(), "BQ", last, "Frais de tenue de compte", null,
                        List.of(LineDraft.of(b.bankCharges().id(), 1_850), LineDraft.of(b.bank().id(), -1_850))));
            }
            if (random.nextInt(2) == 0) {
                cashCents += 5_000;
                drafts.add(EntryDraft.manual(s.id(), "CA", month.plusDays(random.nextInt(days)), "Vente de cartes de vol en espèces", null,
                        List.of(LineDraft.of(b.cash().id(), 5_000), LineDraft.of(b.fees().id(), -5_000))));
            }
        }
        // a transfer the bank statement does not name waits in the suspense account until the treasurer finds whose it is
        Account payer = b.members().get(random.nextInt(b.members().size()));
        drafts.add(EntryDraft.manual(s.id(), "BQ", LocalDate.of(year, 3, 10), "Virement reçu non identifié", "Virement",
                List.of(LineDraft.of(b.bank().id(), 15_000), LineDraft.of(b.suspense().id(), -15_000))));
        drafts.add(EntryDraft.manual(s.id(), "OD", LocalDate.of(year, 4, 2), "Virement du 10/03 identifié : " + payer.label(), null,
                List.of(LineDraft.of(b.suspense().id(), 15_000), LineDraft.of(payer.id(), -15_000))));
        LocalDate end = LocalDate.of(year, 12, 31);
        if (cashCents > 0) {
            drafts.add(EntryDraft.manual(s.id(), "CA", end.minusDays(3), "Remise d'espèces en banque", "Bordereau " + year,
                    List.of(LineDraft.of(b.bank().id(), cashCents), LineDraft.of(b.cash().id(), -cashCents))));
        }
        long interest = SAVINGS_CENTS * 24 / 1000; // 2,4 %
        drafts.add(EntryDraft.manual(s.id(), "BQ", end, "Intérêts Livret A " + year, null,
                List.of(LineDraft.of(b.savings().id(), interest), LineDraft.of(b.interest().id(), -interest))));
        return drafts;
    }

    /** A member's payment to the club in the month: by cheque or transfer, 100 to 400 €. */
    private static EntryDraft payment(Section s, Books b, Account member, LocalDate month, int days, Random random) {
        long cents = (random.nextInt(4) + 1) * 10_000L;
        boolean cheque = random.nextBoolean();
        return EntryDraft.manual(s.id(), "BQ", month.plusDays(random.nextInt(days)), "Règlement " + member.label(),
                cheque ? "Chèque " + (1_000_000 + random.nextInt(9_000_000)) : "Virement",
                List.of(LineDraft.of(b.bank().id(), cents), LineDraft.of(member.id(), -cents)));
    }

    /**
     * Closes last year as its treasurer does, through the closing's checklist: each bank
     * account's balance at the end of the year confirmed, then the closing validated, the result
     * of the year before carried to report à nouveau (110/119). The closing opens this year.
     */
    private void close(FiscalYear year) {
        for (Checklist.Item item : closing.preview(year.id(), CarryTarget.RETAINED).checklist().items()) {
            if (item.check() == Checklist.Check.BANK_CONFIRMED && item.accountId() != null) {
                closing.confirmBank(year.id(), item.accountId(), item.balanceCents());
            }
        }
        closing.close(year.id(), CarryTarget.RETAINED, true);
    }

    /** This year up to today, its opening entries posted by last year's closing. */
    private void thisYear(Section s, Books b, LocalDate today, Random random, long hourCents, String flightLabel) {
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        List<Entry> posted = new ArrayList<>();
        int flight = 0;
        for (LocalDate month = start; !month.isAfter(today); month = month.plusMonths(1)) {
            LocalDate last = month.plusMonths(1).minusDays(1).isAfter(today) ? today : month.plusMonths(1).minusDays(1);
            int days = last.getDayOfMonth();
            if (month.getMonthValue() == 1) {
                for (Account m : b.members()) {
                    posted.add(ledger.post(EntryDraft.manual(s.id(), "VT", month.plusDays(random.nextInt(days)),
                            "Cotisation annuelle " + m.label(), null,
                            List.of(LineDraft.of(m.id(), FEE_CENTS), LineDraft.of(b.fees().id(), -FEE_CENTS)))));
                }
            }
            int flightsThisMonth = month.getMonthValue() >= 4 && month.getMonthValue() <= 9 ? 14 : 5;
            for (int i = 0; i < flightsThisMonth; i++) {
                Account m = b.members().get(random.nextInt(b.members().size()));
                long cents = hourCents * (30 + random.nextInt(90)) / 60;
                LocalDate day = month.plusDays(random.nextInt(days));
                flight++;
                posted.add(ledger.post(new EntryDraft(s.id(), "VT", day, flightLabel + " — " + m.label(), null,
                        new Source(FLIGHT, s.code() + "-" + flight),
                        List.of(LineDraft.of(m.id(), cents), LineDraft.of(b.flights().id(), -cents)))));
            }
            for (Account m : b.members()) {
                if (random.nextInt(3) == 0) {
                    posted.add(ledger.post(payment(s, b, m, month, days, random)));
                }
            }
            long fuelNet = 40_000 + random.nextInt(60_000);
            long fuelVat = Math.round(fuelNet * 0.2);
            LocalDate invoiceDay = month.plusDays(Math.min(days - 1, 9));
            posted.add(ledger.post(EntryDraft.manual(s.id(), "AC", invoiceDay, "Facture carburant " + month.getMonth().getValue(),
                    "TA-" + month.getYear() + "-" + month.getMonthValue(),
                    List.of(LineDraft.of(b.fuel().id(), fuelNet), LineDraft.of(b.vat().id(), fuelVat),
                            LineDraft.of(b.supplierFuel().id(), -(fuelNet + fuelVat))))));
            posted.add(ledger.post(EntryDraft.manual(s.id(), "BQ", last, "Paiement Total Aviation", null,
                    List.of(LineDraft.of(b.supplierFuel().id(), fuelNet + fuelVat), LineDraft.of(b.bank().id(), -(fuelNet + fuelVat))))));
            if (month.getMonthValue() % 3 == 0) {
                long net = 80_000 + random.nextInt(150_000);
                long tax = Math.round(net * 0.2);
                posted.add(ledger.post(EntryDraft.manual(s.id(), "AC", month.plusDays(Math.min(days - 1, 14)),
                        "Visite 50 h / entretien", "AAS-" + month.getMonthValue(),
                        List.of(LineDraft.of(b.maintenance().id(), net), LineDraft.of(b.vat().id(), tax),
                                LineDraft.of(b.supplierMaint().id(), -(net + tax))))));
            }
            if (random.nextInt(2) == 0) {
                posted.add(ledger.post(EntryDraft.manual(s.id(), "CA", month.plusDays(random.nextInt(days)),
                        "Vente de cartes de vol en espèces", null,
                        List.of(LineDraft.of(b.cash().id(), 5_000), LineDraft.of(b.fees().id(), -5_000)))));
            }
        }
        posted.add(ledger.post(EntryDraft.manual(s.id(), "BQ", start.plusDays(20), "Assurance flotte " + start.getYear(),
                "AXA-" + start.getYear(), List.of(LineDraft.of(b.insurance().id(), 420_000), LineDraft.of(b.bank().id(), -420_000)))));
        // the first half of the year is validated; the rest is waiting for the treasurer
        LocalDate frozenUntil = start.plusMonths(6).minusDays(1);
        ledger.freeze(posted.stream().filter(e -> !e.date().isAfter(frozenUntil) && e.date().isBefore(today)).map(Entry::id).toList());
        ledger.saveDraft(EntryDraft.manual(s.id(), "OD", today, "Note de frais à vérifier", null,
                List.of(LineDraft.of(b.fuel().id(), 4_250), LineDraft.of(b.members().get(0).id(), -4_250))));
    }
}
