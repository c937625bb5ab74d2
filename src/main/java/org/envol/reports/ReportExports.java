package org.envol.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Limits;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.Statement;
import org.envol.ledger.TrialBalance;
import org.envol.reports.Report.Cell;
import org.envol.reports.Report.Column;
import org.envol.reports.Report.Kind;
import org.springframework.stereotype.Service;

/**
 * Builds the exportable {@link Report} of each ledger report. Access is the ledger's: the balance
 * service refuses a report the current user may not read, before anything is written.
 */
@Service
public class ReportExports {

    /** A report ready to write, and the file name it is offered under (without extension). */
    public record Export(Report report, String baseName) {
    }

    private static final int CODE = 10;
    private static final int LABEL = 40;
    private static final int AMOUNT = 14;
    private static final int DAY = 10;

    private final BalanceService balances;
    private final SectionService sections;
    private final Messages messages;

    ReportExports(BalanceService balances, SectionService sections, Messages messages) {
        this.balances = balances;
        this.sections = sections;
        this.messages = messages;
    }

    /** The trial balance of a section between two dates. */
    public Export trialBalance(long sectionId, LocalDate from, LocalDate to) {
        TrialBalance tb = balances.trialBalance(sectionId, from, to);
        Section section = sections.get(sectionId);
        List<Column> columns = List.of(
                new Column(messages.get("reports.column.code"), Kind.TEXT, CODE),
                new Column(messages.get("reports.column.label"), Kind.TEXT, LABEL),
                new Column(messages.get("reports.column.opening"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.debit"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.credit"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.closing"), Kind.AMOUNT, AMOUNT));
        List<List<Cell>> rows = new ArrayList<>(tb.rows().size());
        for (TrialBalance.Row r : tb.rows()) {
            rows.add(List.of(Cell.text(r.account().code()), Cell.text(r.account().label()), Cell.amount(r.openingCents()),
                    Cell.amount(r.debitCents()), Cell.amount(r.creditCents()), Cell.amount(r.closingCents())));
        }
        TrialBalance.Row t = tb.totals();
        List<Cell> totals = List.of(Cell.blank(), Cell.text(messages.get("reports.totals")), Cell.amount(t.openingCents()),
                Cell.amount(t.debitCents()), Cell.amount(t.creditCents()), Cell.amount(t.closingCents()));
        Report report = new Report(messages.get("reports.trialBalance.title"), subtitles(section, from, to), columns, rows,
                totals);
        return new Export(report, fileName("balance", section.code(), from, to));
    }

    /** Every line of an account between two dates, read page by page, with the running balance. */
    public Export statement(long accountId, LocalDate from, LocalDate to) {
        Statement first = balances.statement(accountId, from, to, 0, Limits.PAGE_SIZE_MAX);
        Account account = first.account();
        Section section = sections.get(account.sectionId());
        List<Column> columns = List.of(
                new Column(messages.get("reports.column.date"), Kind.DATE, DAY),
                new Column(messages.get("reports.column.journal"), Kind.TEXT, 6),
                new Column(messages.get("reports.column.number"), Kind.TEXT, 8),
                new Column(messages.get("reports.column.label"), Kind.TEXT, LABEL),
                new Column(messages.get("reports.column.voucher"), Kind.TEXT, 12),
                new Column(messages.get("reports.column.debit"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.credit"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.running"), Kind.AMOUNT, AMOUNT));
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(balanceRow(from, messages.get("reports.statement.opening"), first.openingCents()));
        long debit = 0;
        long credit = 0;
        Statement page = first;
        while (true) {
            for (Statement.Row r : page.rows()) {
                long amount = r.amountCents();
                debit += Math.max(0, amount);
                credit += Math.max(0, -amount);
                String number = r.displayNumber() == null ? "#" + r.entryId() : r.displayNumber();
                String label = r.lineLabel() == null ? r.entryLabel() : r.entryLabel() + " · " + r.lineLabel();
                rows.add(List.of(Cell.date(r.date()), Cell.text(r.journalCode()), Cell.text(number), Cell.text(label),
                        Cell.text(r.voucherRef()), amount > 0 ? Cell.amount(amount) : Cell.blank(),
                        amount < 0 ? Cell.amount(-amount) : Cell.blank(), Cell.amount(r.runningCents())));
            }
            if (page.page() + 1 >= page.pages()) {
                break;
            }
            page = balances.statement(accountId, from, to, page.page() + 1, Limits.PAGE_SIZE_MAX);
        }
        List<Cell> totals = List.of(Cell.date(to), Cell.blank(), Cell.blank(),
                Cell.text(messages.get("reports.statement.closing")), Cell.blank(), Cell.amount(debit), Cell.amount(credit),
                Cell.amount(first.closingCents()));
        List<String> subtitles = new ArrayList<>();
        subtitles.add(messages.get("reports.statement.account", account.code(), account.label()));
        subtitles.addAll(subtitles(section, from, to));
        Report report = new Report(messages.get("reports.statement.title"), subtitles, columns, rows, totals);
        return new Export(report, fileName("releve", section.code() + "-" + account.code() + "-" + account.id(), from, to));
    }

    private static List<Cell> balanceRow(LocalDate date, String label, long cents) {
        return List.of(Cell.date(date), Cell.blank(), Cell.blank(), Cell.text(label), Cell.blank(), Cell.blank(),
                Cell.blank(), Cell.amount(cents));
    }

    private List<String> subtitles(Section section, LocalDate from, LocalDate to) {
        return List.of(messages.get("reports.section", section.code(), section.name()),
                messages.get("reports.period", ReportWriter.DAY.format(from), ReportWriter.DAY.format(to)));
    }

    /** {@code balance-PLANEUR-2025-01-01-2025-12-31}: only letters, digits and dashes, for every browser. */
    static String fileName(String kind, String subject, LocalDate from, LocalDate to) {
        String safe = java.text.Normalizer.normalize(subject, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9-]+", "_");
        return kind + "-" + safe + "-" + from + "-" + to;
    }
}
