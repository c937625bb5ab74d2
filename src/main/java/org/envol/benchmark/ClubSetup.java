package org.envol.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.envol.ledger.AccountService;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;

/**
 * Creates a club section for the benchmark through the ledger's public services: its fiscal
 * years (calendar years) and its accounts — members (411), bank (512), cash (530), suppliers
 * (401) with their expense accounts (6xxx), flight income per aircraft (7061), instruction
 * (7062), dues (756), deductible VAT (44566).
 */
final class ClubSetup {

    private static final String[] SURNAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
        "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
        "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry"};
    private static final String[] FIRST_NAMES = {"Jean", "Marie", "Pierre", "Anne", "Michel", "Sophie", "Philippe",
        "Isabelle", "Alain", "Catherine", "Nicolas", "Nathalie", "Éric", "Claire", "Julien", "Camille", "Luc",
        "Hélène", "Thomas", "Chloé", "Hugo", "Léa"};

    /** Suppliers of a club: name, expense code, expense label, typical net amount of an invoice in cents. */
    private record SupplierKind(String name, String expenseCode, String expenseLabel, long typicalNetCents) {
    }

    private static final List<SupplierKind> SUPPLIERS = List.of(
            new SupplierKind("Total Aviation (avgas)", "6061", "Carburant avgas", 450_000),
            new SupplierKind("Air BP (UL91)", "6061", "Carburant avgas", 380_000),
            new SupplierKind("Atelier Aéro Maintenance", "6155", "Entretien des aéronefs", 600_000),
            new SupplierKind("Hélices Service", "6155", "Entretien des aéronefs", 250_000),
            new SupplierKind("Aero Pièces Distribution", "6156", "Pièces et maintenance", 120_000),
            new SupplierKind("Assurances Aviation Mutuelle", "616", "Assurances aéronefs", 900_000),
            new SupplierKind("Commune (hangar)", "6132", "Location du hangar", 200_000),
            new SupplierKind("Orange", "626", "Téléphone et internet", 6_000),
            new SupplierKind("Bureau Vallée", "6064", "Fournitures de bureau", 8_000),
            new SupplierKind("Cartes et documentation SIA", "6183", "Documentation technique", 15_000),
            new SupplierKind("Aéroport (redevances)", "6288", "Redevances d'atterrissage", 30_000),
            new SupplierKind("Fédération française aéronautique", "6281", "Cotisations fédérales", 150_000),
            new SupplierKind("Cabinet comptable", "6226", "Honoraires", 90_000),
            new SupplierKind("OpenFlyers", "651", "Logiciel de gestion", 25_000));

    private final SectionService sections;
    private final FiscalYearService years;
    private final AccountService accounts;

    ClubSetup(SectionService sections, FiscalYearService years, AccountService accounts) {
        this.sections = sections;
        this.years = years;
        this.accounts = accounts;
    }

    /**
     * A section with {@code yearCount} calendar years from {@code start}, {@code memberCount}
     * member accounts and {@code registrations.size()} aircraft. Runs as whoever may create sections.
     */
    BenchBooks create(String code, String name, LocalDate start, int yearCount, int memberCount, List<String> registrations,
            long seed) {
        Section section = sections.create(code, name);
        long s = section.id();
        for (int y = 0; y < yearCount; y++) {
            years.create(s, start.plusYears(y), start.plusYears(y + 1).minusDays(1));
        }
        Random random = new Random(seed);
        List<BenchBooks.Member> members = new ArrayList<>(memberCount);
        Set<String> names = new HashSet<>();
        while (members.size() < memberCount) {
            String label = SURNAMES[random.nextInt(SURNAMES.length)] + " " + FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            if (!names.add(label)) {
                label = label + " " + (members.size() + 1); // namesakes exist: the club tells them apart
                names.add(label);
            }
            members.add(new BenchBooks.Member(accounts.create(s, "411", label).id(), label));
        }
        long bank = accounts.create(s, "512", "Crédit Agricole — compte courant").id();
        accounts.create(s, "5125", "Livret A");
        long cash = accounts.create(s, "530", "Caisse").id();
        List<BenchBooks.Aircraft> aircraft = new ArrayList<>();
        for (String registration : registrations) {
            long rate = 12_000 + random.nextInt(12) * 1_000L; // 120 to 230 € an hour
            aircraft.add(new BenchBooks.Aircraft(registration, accounts.create(s, "7061", "Heures de vol " + registration).id(), rate));
        }
        long instruction = accounts.create(s, "7062", "Instruction").id();
        long dues = accounts.create(s, "756", "Cotisations").id();
        accounts.create(s, "706", "Prestations diverses");
        long vat = accounts.create(s, "44566", "TVA déductible").id();
        java.util.Map<String, Long> expenseAccounts = new java.util.HashMap<>();
        List<BenchBooks.Supplier> suppliers = new ArrayList<>();
        for (SupplierKind k : SUPPLIERS) {
            long expense = expenseAccounts.computeIfAbsent(k.expenseCode() + k.expenseLabel(),
                    key -> accounts.create(s, k.expenseCode(), k.expenseLabel()).id());
            suppliers.add(new BenchBooks.Supplier(k.name(), accounts.create(s, "401", k.name()).id(), expense, k.typicalNetCents()));
        }
        List<Long> sundry = List.of(accounts.create(s, "627", "Frais bancaires").id(),
                accounts.create(s, "625", "Déplacements et réceptions").id(),
                accounts.create(s, "6063", "Petit équipement").id());
        return new BenchBooks(s, start, yearCount, List.copyOf(members), bank, cash, List.copyOf(aircraft), instruction, dues,
                vat, List.copyOf(suppliers), sundry);
    }
}
