package org.envol.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Source;

/**
 * A flying club's ledger, generated in date order and handed out in batches of drafts, never
 * all at once. The same seed gives the same entries. The mix, per entry: flights billed 58 %
 * (member 411 debit, aircraft 7061 credit, and 7062 for the third with an instructor; source
 * "flight"), member payments 20 % (bank 512 debit, 411 credit; one in ten a deposit of several
 * members' cheques), supplier invoices 9 % (6xxx and 44566 debit, 401 credit; source "invoice"),
 * supplier payments 6 %, sundry expenses 6.8 %, annual dues 0.2 %: about 2.34 lines per entry.
 */
final class LedgerGenerator implements Iterator<List<EntryDraft>> {

    private static final BigDecimal VAT_RATE = new BigDecimal("0.20");
    private static final long INSTRUCTION_RATE_CENTS = 3_500;

    private final BenchBooks books;
    private final Random random;
    private final int total;
    private final int batchSize;
    private final long days;
    private int produced;
    private long flightNo;
    private long invoiceNo;
    private long depositNo;

    LedgerGenerator(BenchBooks books, long seed, int total, int batchSize) {
        if (total < 0 || batchSize < 1) {
            throw new IllegalArgumentException("entries " + total + ", batch " + batchSize);
        }
        this.books = books;
        this.random = new Random(seed);
        this.total = total;
        this.batchSize = batchSize;
        this.days = ChronoUnit.DAYS.between(books.start(), books.end()) + 1;
    }

    @Override
    public boolean hasNext() {
        return produced < total;
    }

    /** The date of the next entry (entries spread evenly over the years, in order). */
    LocalDate nextDate() {
        return books.start().plusDays(produced * days / total);
    }

    @Override
    public List<EntryDraft> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int n = Math.min(batchSize, total - produced);
        List<EntryDraft> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(entry(nextDate()));
            produced++;
        }
        return batch;
    }

    private EntryDraft entry(LocalDate date) {
        double kind = random.nextDouble();
        if (kind < 0.58) {
            return flight(date);
        } else if (kind < 0.78) {
            return random.nextInt(10) == 0 ? chequeDeposit(date) : memberPayment(date);
        } else if (kind < 0.87) {
            return supplierInvoice(date);
        } else if (kind < 0.93) {
            return supplierPayment(date);
        } else if (kind < 0.998) {
            return sundryExpense(date);
        }
        return dues(date);
    }

    /** Some members fly much more than others. */
    private BenchBooks.Member member() {
        List<BenchBooks.Member> members = books.members();
        return members.get((int) (members.size() * Math.pow(random.nextDouble(), 1.6)));
    }

    private EntryDraft flight(LocalDate date) {
        BenchBooks.Member pilot = member();
        BenchBooks.Aircraft aircraft = books.aircraft().get(random.nextInt(books.aircraft().size()));
        int minutes = 20 + random.nextInt(100);
        long hire = aircraft.hourlyRateCents() * minutes / 60;
        String duration = minutes / 60 + "h" + String.format("%02d", minutes % 60);
        List<LineDraft> lines = new ArrayList<>(3);
        boolean instructed = random.nextInt(10) < 3;
        long instruction = instructed ? INSTRUCTION_RATE_CENTS * minutes / 60 : 0;
        lines.add(new LineDraft(pilot.account(), hire + instruction, "Vol " + aircraft.registration() + " " + duration, null));
        lines.add(new LineDraft(aircraft.incomeAccount(), -hire, pilot.name(), null));
        if (instructed) {
            lines.add(new LineDraft(books.instruction(), -instruction, "Instruction " + pilot.name(), null));
        }
        String ref = "V" + (++flightNo);
        return new EntryDraft(books.sectionId(), "VT", date, "Vol " + aircraft.registration() + " " + duration + " — " + pilot.name(),
                ref, new Source("flight", ref), lines);
    }

    private EntryDraft memberPayment(LocalDate date) {
        BenchBooks.Member payer = member();
        long cents = (1 + random.nextInt(20)) * 5_000L;
        boolean card = random.nextBoolean();
        return EntryDraft.manual(books.sectionId(), "BQ", date, (card ? "Paiement CB " : "Virement ") + payer.name(), null,
                List.of(LineDraft.of(books.bank(), cents), LineDraft.of(payer.account(), -cents, payer.name())));
    }

    private EntryDraft chequeDeposit(LocalDate date) {
        int cheques = 2 + random.nextInt(4);
        List<LineDraft> lines = new ArrayList<>(cheques + 1);
        lines.add(null);
        long total = 0;
        for (int i = 0; i < cheques; i++) {
            BenchBooks.Member payer = member();
            long cents = (1 + random.nextInt(10)) * 10_000L;
            total += cents;
            lines.add(LineDraft.of(payer.account(), -cents, "Chèque n° " + (1_000_000 + random.nextInt(9_000_000)) + " " + payer.name()));
        }
        lines.set(0, LineDraft.of(books.bank(), total, "Remise de " + cheques + " chèques"));
        return EntryDraft.manual(books.sectionId(), "BQ", date, "Remise de chèques n° " + (++depositNo), "RC" + depositNo, lines);
    }

    private long around(long typicalCents) {
        return Math.max(100, (long) (typicalCents * (0.5 + random.nextDouble())));
    }

    private EntryDraft supplierInvoice(LocalDate date) {
        BenchBooks.Supplier supplier = books.suppliers().get(random.nextInt(books.suppliers().size()));
        long net = around(supplier.typicalNetCents());
        long vat = new BigDecimal(net).multiply(VAT_RATE).setScale(0, RoundingMode.HALF_UP).longValueExact();
        List<LineDraft> lines = new ArrayList<>(4);
        if (random.nextInt(10) < 3 && net > 1_000) {
            long sundry = net / 5; // shipping, small parts: on a second expense account
            lines.add(LineDraft.of(supplier.expenseAccount(), net - sundry));
            lines.add(LineDraft.of(books.sundryExpenses().get(2), sundry, "Frais annexes"));
        } else {
            lines.add(LineDraft.of(supplier.expenseAccount(), net));
        }
        lines.add(LineDraft.of(books.vat(), vat));
        lines.add(LineDraft.of(supplier.account(), -(net + vat)));
        String ref = "FAC-" + (++invoiceNo);
        String number = "F" + date.getYear() + "-" + (10_000 + random.nextInt(90_000));
        return new EntryDraft(books.sectionId(), "AC", date, "Facture " + supplier.name() + " " + number, number,
                new Source("invoice", ref), lines);
    }

    private EntryDraft supplierPayment(LocalDate date) {
        BenchBooks.Supplier supplier = books.suppliers().get(random.nextInt(books.suppliers().size()));
        long cents = around(supplier.typicalNetCents()) * 6 / 5;
        return EntryDraft.manual(books.sectionId(), "BQ", date, "Virement " + supplier.name(), null,
                List.of(LineDraft.of(supplier.account(), cents), LineDraft.of(books.bank(), -cents)));
    }

    private EntryDraft sundryExpense(LocalDate date) {
        int which = random.nextInt(books.sundryExpenses().size());
        long cents = 500 + random.nextInt(19_500);
        boolean byCash = which > 0 && random.nextBoolean();
        String label = switch (which) {
            case 0 -> "Frais de tenue de compte";
            case 1 -> "Déplacement et réception";
            default -> "Petit équipement";
        };
        return EntryDraft.manual(books.sectionId(), byCash ? "CA" : "BQ", date, label, null,
                List.of(LineDraft.of(books.sundryExpenses().get(which), cents), LineDraft.of(byCash ? books.cash() : books.bank(), -cents)));
    }

    private EntryDraft dues(LocalDate date) {
        BenchBooks.Member member = books.members().get(random.nextInt(books.members().size()));
        long cents = 18_000;
        return EntryDraft.manual(books.sectionId(), "VT", date, "Cotisation " + date.getYear() + " " + member.name(), null,
                List.of(LineDraft.of(member.account(), cents), LineDraft.of(books.dues(), -cents)));
    }
}
