package org.envol.closing;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.envol.closing.ClosingPlan.PlannedEntry;
import org.envol.closing.ClosingPlan.PlannedLine;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Money;
import org.envol.ledger.SectionService;
import org.envol.platform.CommandRun;
import org.envol.platform.SectionOption;
import org.envol.platform.YearOption;
import org.springframework.context.annotation.Scope;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code envol close-year --section CODE --year YYYY [--dry-run] [--carry-to retained|funds] [--create-accounts]}:
 * the preview and checklist (dry run), or the validation of the closing; {@code close-year confirm-bank}
 * and {@code close-year reopen} for the bank balances and the reopening. Exit code 1 with the
 * messages when the closing is refused (a failed checklist names every failure).
 */
@Component
@Scope("prototype")
@Command(name = "close-year", description = "Clôture de l’exercice d’une section qui commence en YYYY (aperçu avec --dry-run).",
        subcommands = {CloseYearCommand.ConfirmBank.class, CloseYearCommand.Reopen.class})
public class CloseYearCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    // optional here (a subcommand's own are required): their absence is refused with the closing's message
    @Option(names = "--section", paramLabel = "CODE", descriptionKey = SectionOption.KEY, description = SectionOption.DESCRIPTION)
    String section;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = YearOption.KEY, description = YearOption.DESCRIPTION)
    Integer year;

    @Option(names = "--dry-run", description = "Affiche les écritures et la liste de contrôle sans rien écrire.")
    boolean dryRun;

    @Option(names = "--carry-to", paramLabel = "retained|funds", defaultValue = "retained",
            description = "Affectation du résultat antérieur : retained (report à nouveau 110/119, par défaut) ou funds (fonds associatifs 102).")
    String carryTo;

    @Option(names = "--create-accounts", description = "Accepte la création des comptes que la clôture annonce (120, 129, 110, 119, 102).")
    boolean createAccounts;

    CloseYearCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return context.run(spec.commandLine().getErr(), () -> {
            if (section == null || year == null) {
                throw new ClosingException("closing.cli.required");
            }
            FiscalYear fy = context.year(section, year);
            CarryTarget carry = CarryTarget.parse(carryTo).orElseThrow(() -> new ClosingException("closing.carry.unknown", carryTo));
            ClosingPlan plan = context.closing.preview(fy.id(), carry);
            if (dryRun) {
                context.print(out, plan);
                return 0;
            }
            ClosingPlan done = context.closing.close(fy.id(), carry, createAccounts);
            out.println(context.texts.text(Notice.of("closing.done", fy.startDate(), fy.endDate(), done.standing().size())));
            done.standing().forEach(e -> out.println("  " + e.displayNumber() + "  " + e.label()));
            return 0;
        });
    }

    /** {@code close-year confirm-bank --section CODE --year YYYY --account ID --balance 1234,56}. */
    @Component
    @Scope("prototype")
    @Command(name = "confirm-bank", description = "Confirme le solde d’un compte bancaire (512) à la fin de l’exercice, tel que le relevé le montre.")
    static class ConfirmBank implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Mixin
        SectionOption section;

        @Mixin
        YearOption year;

        @Option(names = "--account", required = true, paramLabel = "ID", description = "Identifiant du compte bancaire (voir la liste de contrôle).")
        long account;

        @Option(names = "--balance", required = true, paramLabel = "1234,56", description = "Solde du relevé à la fin de l’exercice, en euros.")
        String balance;

        ConfirmBank(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return context.run(spec.commandLine().getErr(), () -> {
                FiscalYear fy = context.year(section.code(), year.year());
                long cents = Money.parse(balance).orElseThrow(() -> new ClosingException("closing.amount.invalid", balance));
                BankConfirmation c = context.closing.confirmBank(fy.id(), account, cents);
                spec.commandLine().getOut().println(context.texts.text(Notice.of("closing.bank.confirmed",
                        context.accountName(fy, account), fy.endDate(), new Notice.Amount(c.balanceCents()))));
                return 0;
            });
        }
    }

    /** {@code close-year reopen --section CODE --year YYYY --reason TEXT [--reverse]}: the console's user is trusted as an admin. */
    @Component
    @Scope("prototype")
    @Command(name = "reopen", description = "Rouvre un exercice clôturé (motif obligatoire, inscrit au journal d’audit).")
    static class Reopen implements Callable<Integer> {

        private final Context context;

        @Spec
        CommandSpec spec;

        @Mixin
        SectionOption section;

        @Mixin
        YearOption year;

        @Option(names = "--reason", required = true, paramLabel = "TEXTE", description = "Pourquoi l’exercice est rouvert.")
        String reason;

        @Option(names = "--reverse", description = "Contre-passe (et valide) les écritures de clôture.")
        boolean reverse;

        Reopen(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return context.run(spec.commandLine().getErr(), () -> {
                FiscalYear fy = context.year(section.code(), year.year());
                ReopenReport report = context.closing.reopen(fy.id(), reason, reverse);
                spec.commandLine().getOut().println(context.texts.text(report.reversals().isEmpty()
                        ? Notice.of("closing.reopened", fy.startDate(), fy.endDate())
                        : Notice.of("closing.reopened.reversed", fy.startDate(), fy.endDate(), report.reversals().size())));
                return 0;
            });
        }
    }

    /** What the three commands share: the services, the texts, the year named on the command line. */
    @Component
    static class Context {

        final ClosingService closing;
        final ClosingTexts texts;
        private final SectionService sections;
        private final FiscalYearService years;
        private final org.envol.ledger.AccountService accounts;

        Context(ClosingService closing, ClosingTexts texts, SectionService sections, FiscalYearService years,
                org.envol.ledger.AccountService accounts) {
            this.closing = closing;
            this.texts = texts;
            this.sections = sections;
            this.years = years;
            this.accounts = accounts;
        }

        /** Runs as the console's user ({@code cli:<name>}, an admin); a refusal prints its messages and exits 1. */
        int run(PrintWriter err, Supplier<Integer> work) {
            return CommandRun.run(err, e -> e instanceof ClosingException refused ? texts.texts(refused) : null, work::get);
        }

        FiscalYear year(String sectionCode, int startYear) {
            var s = sections.findByCode(sectionCode).orElseThrow(() -> new ClosingException("closing.section.unknown", sectionCode));
            return years.list(s.id()).stream().filter(y -> y.startDate().getYear() == startYear).findFirst()
                    .orElseThrow(() -> new ClosingException("closing.year.none", s.code(), Integer.toString(startYear)));
        }

        String accountName(FiscalYear fy, long accountId) {
            return accounts.get(accountId).display();
        }

        /** The preview as text: figures, entries (account, debit, credit), accounts to create, checklist. */
        void print(PrintWriter out, ClosingPlan plan) {
            FiscalYear y = plan.year();
            Locale locale = LocaleContextHolder.getLocale();
            out.println(texts.text(Notice.of(plan.closed() ? "closing.cli.closed" : "closing.cli.preview", y.startDate(), y.endDate())));
            out.println(texts.text(Notice.of(plan.resultCents() < 0 ? "closing.cli.surplus" : plan.resultCents() > 0
                    ? "closing.cli.deficit" : "closing.cli.nil", new Notice.Amount(Math.abs(plan.resultCents())))));
            out.println(texts.text(Notice.of(plan.carry() == CarryTarget.FUNDS ? "closing.cli.prior.funds" : "closing.cli.prior.retained",
                    new Notice.Amount(-plan.priorResultCents()))));
            plan.accountsToCreate().forEach(a -> out.println(texts.text(Notice.of("closing.page.willCreate", a.display()))));
            for (PlannedEntry e : plan.entries()) {
                out.println();
                out.println(e.journalCode() + "  " + texts.text(Notice.of("closing.cli.entry", e.date(), e.label()))
                        + "  [" + texts.text(Notice.of("closing.page.outcome." + e.outcome())) + "]");
                for (PlannedLine l : e.lines()) {
                    String name = l.display() + (l.newAccount() ? " (" + texts.text(Notice.of("closing.page.newAccount")) + ")" : "");
                    out.println(String.format("  %-50s %14s %14s", name.length() > 50 ? name.substring(0, 50) : name,
                            l.amountCents() > 0 ? Money.format(l.amountCents(), locale) : "",
                            l.amountCents() < 0 ? Money.format(-l.amountCents(), locale) : ""));
                }
            }
            out.println();
            out.println(texts.text(Notice.of("closing.cli.checklist")));
            for (Checklist.Item i : plan.checklist().items()) {
                String mark = texts.text(Notice.of(i.passed() ? "closing.page.pass" : "closing.page.fail"));
                String account = i.accountId() == null ? "" : " [" + texts.text(Notice.of("closing.cli.account", i.accountId())) + "]";
                out.println("  [" + mark + "] " + texts.text(i.notice()) + account);
            }
        }
    }
}
