package org.envol.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
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
 * A demo club to explore: sections « Planeur » and « Avion », each with its accounts and the
 * current year's entries up to today — flights billed, members' payments, fuel and maintenance
 * invoices with VAT, insurance — the first months validated, a few drafts left; its members,
 * each owning his or her 411 account, a child paid for by a parent, a member who left.
 * Deterministic (seeded), and written only into an empty database.
 */
@Component
public class DemoClub {

    static final String FLIGHT = "demo-vol";

    private final SectionService sections;
    private final FiscalYearService years;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final MemberService members;
    private final Clock clock;

    DemoClub(SectionService sections, FiscalYearService years, AccountService accounts, LedgerService ledger, MemberService members,
            Clock clock) {
        this.sections = sections;
        this.years = years;
        this.accounts = accounts;
        this.ledger = ledger;
        this.members = members;
        this.clock = clock;
    }

    /** Members of the demo, per section. */
    static final List<String> GLIDER_PILOTS = List.of("Martin Claire", "Bernard Louis", "Petit Emma", "Durand Hugo",
            "Leroy Chloé", "Moreau Jules", "Simon Léa", "Laurent Tom", "Michel Inès", "Garcia Nathan");
    static final List<String> PLANE_PILOTS = List.of("Roux Camille", "Fournier Lucas", "Girard Manon", "Bonnet Théo",
            "Dupont Jean", "Lambert Sarah", "Fontaine Paul", "Rousseau Zoé");

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
            books(glider, GLIDER_PILOTS, today, new Random(1), 3_800, "Remorqué et heure planeur");
            books(plane, PLANE_PILOTS, today, new Random(2), 16_500, "Heure de vol DR400");
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
     * Every pilot is a member who owns the 411 account in his or her name (joining takes it over);
     * Léo Dupont, a teenager paid for by his father Jean, flies gliders; Nathan Garcia has left.
     */
    private void members(Section glider, Section plane, LocalDate today) {
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        Random births = new Random(3);
        pilots(glider, GLIDER_PILOTS, start, births);
        pilots(plane, PLANE_PILOTS, start, births);
        Member jean = members.findByEmail(email("Dupont Jean")).orElseThrow();
        members.create(new MemberData("Dupont", "Léo", null, LocalDate.of(today.getYear() - 15, 4, 12), jean.id()), List.of(glider.id()), start);
        members.leave(members.findByEmail(email("Garcia Nathan")).orElseThrow().id(), today);
    }

    private void pilots(Section s, List<String> pilots, LocalDate start, Random births) {
        for (String pilot : pilots) {
            String[] name = pilot.split(" ", 2);
            LocalDate birth = LocalDate.of(1955 + births.nextInt(50), 1 + births.nextInt(12), 1 + births.nextInt(28));
            members.create(new MemberData(name[0], name[1], email(pilot), birth, null), List.of(s.id()), start);
        }
    }

    private void books(Section s, List<String> pilots, LocalDate today, Random random, long hourCents, String flightLabel) {
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        years.create(s.id(), start, LocalDate.of(today.getYear(), 12, 31));
        Account bank = accounts.create(s.id(), "512", "Crédit Mutuel compte courant");
        Account savings = accounts.create(s.id(), "5125", "Livret A");
        Account cash = accounts.create(s.id(), "530", "Caisse");
        Account funds = accounts.create(s.id(), "102", "Fonds associatifs");
        Account flights = accounts.create(s.id(), "7061", "Heures de vol");
        Account fees = accounts.create(s.id(), "756", "Cotisations");
        Account fuel = accounts.create(s.id(), "6061", "Carburant");
        Account maintenance = accounts.create(s.id(), "6155", "Entretien des aéronefs");
        Account insurance = accounts.create(s.id(), "616", "Assurances");
        Account vat = accounts.create(s.id(), "44566", "TVA déductible");
        Account supplierFuel = accounts.create(s.id(), "401", "Total Aviation");
        Account supplierMaint = accounts.create(s.id(), "401", "Atelier Aéro Services");
        accounts.create(s.id(), "471", "Compte d'attente");
        List<Account> members = new ArrayList<>();
        for (String p : pilots) {
            members.add(accounts.create(s.id(), "411", p));
        }
        List<Entry> posted = new ArrayList<>();
        long openingBank = 1_500_000 + random.nextInt(500_000) * 10L;
        posted.add(ledger.post(EntryDraft.manual(s.id(), "AN", start, "À-nouveaux : banque", "AN-" + start.getYear(),
                List.of(LineDraft.of(bank.id(), openingBank), LineDraft.of(savings.id(), 2_000_000),
                        LineDraft.of(funds.id(), -(openingBank + 2_000_000))))));
        int flight = 0;
        for (LocalDate month = start; !month.isAfter(today); month = month.plusMonths(1)) {
            LocalDate last = month.plusMonths(1).minusDays(1).isAfter(today) ? today : month.plusMonths(1).minusDays(1);
            int days = last.getDayOfMonth();
            if (month.getMonthValue() == 1) {
                for (Account m : members) {
                    posted.add(ledger.post(EntryDraft.manual(s.id(), "VT", month.plusDays(random.nextInt(days)),
                            "Cotisation annuelle " + m.label(), null,
                            List.of(LineDraft.of(m.id(), 18_000), LineDraft.of(fees.id(), -18_000)))));
                }
            }
            int flightsThisMonth = month.getMonthValue() >= 4 && month.getMonthValue() <= 9 ? 14 : 5;
            for (int i = 0; i < flightsThisMonth; i++) {
                Account m = members.get(random.nextInt(members.size()));
                long cents = hourCents * (30 + random.nextInt(90)) / 60;
                LocalDate day = month.plusDays(random.nextInt(days));
                flight++;
                posted.add(ledger.post(new EntryDraft(s.id(), "VT", day, flightLabel + " — " + m.label(), null,
                        new Source(FLIGHT, s.code() + "-" + flight),
                        List.of(LineDraft.of(m.id(), cents), LineDraft.of(flights.id(), -cents)))));
            }
            for (Account m : members) {
                if (random.nextInt(3) == 0) {
                    long cents = (random.nextInt(4) + 1) * 10_000L;
                    boolean cheque = random.nextBoolean();
                    posted.add(ledger.post(EntryDraft.manual(s.id(), "BQ", month.plusDays(random.nextInt(days)),
                            "Règlement " + m.label(), cheque ? "Chèque " + (1_000_000 + random.nextInt(9_000_000)) : "Virement",
                            List.of(LineDraft.of(bank.id(), cents), LineDraft.of(m.id(), -cents)))));
                }
            }
            long fuelNet = 40_000 + random.nextInt(60_000);
            long fuelVat = Math.round(fuelNet * 0.2);
            LocalDate invoiceDay = month.plusDays(Math.min(days - 1, 9));
            posted.add(ledger.post(EntryDraft.manual(s.id(), "AC", invoiceDay, "Facture carburant " + month.getMonth().getValue(),
                    "TA-" + month.getYear() + "-" + month.getMonthValue(),
                    List.of(LineDraft.of(fuel.id(), fuelNet), LineDraft.of(vat.id(), fuelVat),
                            LineDraft.of(supplierFuel.id(), -(fuelNet + fuelVat))))));
            posted.add(ledger.post(EntryDraft.manual(s.id(), "BQ", last, "Paiement Total Aviation", null,
                    List.of(LineDraft.of(supplierFuel.id(), fuelNet + fuelVat), LineDraft.of(bank.id(), -(fuelNet + fuelVat))))));
            if (month.getMonthValue() % 3 == 0) {
                long net = 80_000 + random.nextInt(150_000);
                long tax = Math.round(net * 0.2);
                posted.add(ledger.post(EntryDraft.manual(s.id(), "AC", month.plusDays(Math.min(days - 1, 14)),
                        "Visite 50 h / entretien", "AAS-" + month.getMonthValue(),
                        List.of(LineDraft.of(maintenance.id(), net), LineDraft.of(vat.id(), tax),
                                LineDraft.of(supplierMaint.id(), -(net + tax))))));
            }
            if (random.nextInt(2) == 0) {
                posted.add(ledger.post(EntryDraft.manual(s.id(), "CA", month.plusDays(random.nextInt(days)),
                        "Vente de cartes de vol en espèces", null,
                        List.of(LineDraft.of(cash.id(), 5_000), LineDraft.of(fees.id(), -5_000)))));
            }
        }
        posted.add(ledger.post(EntryDraft.manual(s.id(), "BQ", start.plusDays(20), "Assurance flotte " + start.getYear(),
                "AXA-" + start.getYear(), List.of(LineDraft.of(insurance.id(), 420_000), LineDraft.of(bank.id(), -420_000)))));
        // the first half of the year is validated; the rest is waiting for the treasurer
        LocalDate frozenUntil = start.plusMonths(6).minusDays(1);
        ledger.freeze(posted.stream().filter(e -> !e.date().isAfter(frozenUntil) && e.date().isBefore(today)).map(Entry::id).toList());
        ledger.saveDraft(EntryDraft.manual(s.id(), "OD", today, "Note de frais à vérifier", null,
                List.of(LineDraft.of(fuel.id(), 4_250), LineDraft.of(members.get(0).id(), -4_250))));
    }
}
