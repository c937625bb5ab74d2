package org.envol.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.platform.CommandRun;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code envol report NAME --section CODE [--from DATE] [--to DATE] [--at DATE] --format csv|xlsx|pdf
 * [--out FILE]}: a report of the configured database, as the pages give it, written to a file or
 * to standard output. Runs as {@code cli:<user>} (an admin); {@code --section ALL} consolidates the
 * reports made of balances. A refusal prints its message and exits 1, writing no file.
 */
@Component
@Scope("prototype")
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Écrit un rapport : trial-balance (balance), income-statement (compte de résultat), balance-sheet (bilan),",
            "member-balances (soldes pilotes), general-ledger (grand livre), journal, statement (extrait de compte).",
            "Période : --from/--to, ou --at (depuis le début de son exercice) ; par défaut l’exercice en cours (bilan, soldes : aujourd’hui)."})
public class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "trial-balance, income-statement, balance-sheet, member-balances, general-ledger, journal, statement")
    String name;

    @Option(names = "--section", required = true, paramLabel = "CODE",
            description = "Code de la section, ou ALL : toutes les sections (balance, compte de résultat, bilan, soldes pilotes).")
    String section;

    @Option(names = "--from", paramLabel = "DATE", description = "Premier jour (AAAA-MM-JJ).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Dernier jour (AAAA-MM-JJ).")
    LocalDate to;

    @Option(names = "--at", paramLabel = "DATE",
            description = "Date du bilan ou des soldes ; pour un rapport sur une période : du début de son exercice à cette date.")
    LocalDate at;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, xlsx ou pdf.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Fichier à écrire ; sans, la sortie standard.")
    Path out;

    @Option(names = "--journal", paramLabel = "CODE", description = "journal : un seul journal (BQ, VT…) ; sans, le grand journal.")
    String journal;

    @Option(names = "--account", paramLabel = "ID", description = "statement : le numéro (id) du compte.")
    Long account;

    @Option(names = "--threshold", paramLabel = "MONTANT", description = "member-balances : seulement ceux qui doivent plus (ex. 50,00).")
    String threshold;

    @Option(names = "--by", paramLabel = "GROUPE", description = "trial-balance : account (défaut), 2 ou 3 (code à 2 ou 3 chiffres).")
    String by;

    @Spec
    CommandSpec spec;

    private final ReportExports exports;
    private final StandardOutput standardOutput;
    private final Messages messages;

    ReportCommand(ReportExports exports, StandardOutput standardOutput, Messages messages) {
        this.exports = exports;
        this.standardOutput = standardOutput;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        return CommandRun.run(spec.commandLine().getErr(), e -> {
            if (e instanceof ReportException refused) {
                return List.of(messages.get(refused.key(), refused.args()));
            }
            if (e instanceof IOException) {
                return List.of(messages.get("reports.command.io", e.getMessage()));
            }
            return null;
        }, this::run);
    }

    private int run() throws IOException {
        ReportName report = ReportName.named(name).orElseThrow(() -> new ReportException("reports.command.name", name));
        ExportFormat f = ExportFormat.named(format).orElseThrow(() -> new ReportException("reports.command.format", format));
        Grouping grouping = by == null ? Grouping.ACCOUNT
                : Grouping.named(by).orElseThrow(() -> new ReportException("reports.command.by", by));
        Long thresholdCents = threshold == null ? null
                : Money.parse(threshold).orElseThrow(() -> new ReportException("reports.threshold.invalid", threshold));
        ReportExports.Query query = new ReportExports.Query(from, to, at, journal, account, thresholdCents, grouping);
        ReportExports.Export export = exports.export(report, section, query);
        if (out == null) {
            try (OutputStream stdout = standardOutput.open()) {
                f.write(export.report(), stdout);
            }
            return 0;
        }
        Path target = Files.isDirectory(out) ? out.resolve(export.baseName() + "." + f.extension()) : out;
        Path parent = target.toAbsolutePath().getParent();
        // written beside, then moved: a refused or failed report leaves no half file
        Path partial = Files.createTempFile(parent, ".envol-report-", ".part");
        try {
            try (OutputStream file = Files.newOutputStream(partial)) {
                f.write(export.report(), file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        spec.commandLine().getOut().println(messages.get("reports.command.written", target.toString()));
        return 0;
    }
}
