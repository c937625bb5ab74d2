package org.envol.openflyers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.SyncReport;
import org.envol.platform.CommandRun;
import org.envol.platform.DryRunOption;
import org.envol.platform.SectionOption;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code envol openflyers journal sync FILE --section CODE --from DATE --to DATE [--dry-run]} and
 * {@code envol openflyers journal delete --section CODE --from DATE --to DATE [--dry-run]}: the
 * journal sync from a scheduled job, a subcommand of {@link OpenFlyersCommand}. Exit code 1 with
 * the message on any refusal.
 */
@Component
@Command(name = "journal", description = "Synchronisation du journal OpenFlyers.",
        subcommands = {JournalSyncCommand.Sync.class, JournalSyncCommand.Delete.class})
public class JournalSyncCommand {

    /** What both subcommands share: the section, the period, an admin named after the system user, exit 1 on refusal. */
    abstract static class Period implements Callable<Integer> {
        final SectionService sections;
        final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        SectionOption section;

        @Option(names = "--from", required = true, paramLabel = "AAAA-MM-JJ", descriptionKey = "shared.period.from", description = "Premier jour de la période.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "AAAA-MM-JJ", descriptionKey = "shared.period.to", description = "Dernier jour de la période.")
        LocalDate to;

        @Mixin
        DryRunOption dryRun;

        Period(SectionService sections, Messages messages) {
            this.sections = sections;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return CommandRun.run(spec.commandLine().getErr(),
                    e -> e instanceof OpenFlyersException || e instanceof RejectedException
                            ? JournalTexts.problems(messages, (RuntimeException) e) : null,
                    () -> {
                        Section s = sections.findByCode(section.code())
                                .orElseThrow(() -> new OpenFlyersException("openflyers.journal.section.unknown", section.code()));
                        return run(s.id(), spec.commandLine().getOut());
                    });
        }

        abstract int run(long sectionId, PrintWriter out);

        void print(JournalPreview preview, PrintWriter out) {
            for (JournalRow r : preview.rows()) {
                out.println(String.join("\t", r.flow(), r.date() == null ? "" : r.date().toString(), r.label(),
                        org.envol.ledger.Money.plain(r.amountCents()), messages.get("openflyers.journal.state." + r.state()),
                        r.validated() ? messages.get("openflyers.journal.page.validated") : ""));
            }
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "sync", description = "Synchronise la période avec le grand livre ou le FEC d'OpenFlyers : re-synchroniser le même fichier"
            + " ne change rien ; les écritures validées sont contre-passées, jamais dupliquées.")
    static class Sync extends Period {
        private final JournalSync sync;

        @Parameters(index = "0", paramLabel = "FILE", description = "Le grand livre (CSV) ou le FEC exporté d'OpenFlyers.")
        Path file;

        Sync(JournalSync sync, SectionService sections, Messages messages) {
            super(sections, messages);
            this.sync = sync;
        }

        @Override
        int run(long sectionId, PrintWriter out) {
            JournalFile read = JournalFile.read(bytes(() -> Files.readAllBytes(file)));
            JournalPreview preview = sync.preview(sectionId, read, from, to);
            print(preview, out);
            out.println(messages.get("openflyers.journal.page.counts", preview.count(FlowState.NEW), preview.count(FlowState.CHANGED),
                    preview.count(FlowState.UNCHANGED), preview.count(FlowState.MISSING), preview.count(FlowState.TO_MAP),
                    preview.notMember(), preview.outsidePeriod()));
            if (!dryRun.dryRun()) {
                SyncReport report = sync.apply(sectionId, read, from, to, null);
                out.println(JournalTexts.outcomes(messages, report));
            }
            return 0;
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "delete", description = "Supprime les opérations synchronisées de la période (après des suppressions dans OpenFlyers) ;"
            + " les écritures validées sont contre-passées.")
    static class Delete extends Period {
        private final JournalDeletion deletion;

        Delete(JournalDeletion deletion, SectionService sections, Messages messages) {
            super(sections, messages);
            this.deletion = deletion;
        }

        @Override
        int run(long sectionId, PrintWriter out) {
            print(deletion.preview(sectionId, from, to), out);
            if (!dryRun.dryRun()) {
                out.println(JournalTexts.outcomes(messages, deletion.delete(sectionId, from, to)));
            }
            return 0;
        }
    }

    interface Io<T> {
        T get() throws IOException;
    }

    static <T> T bytes(Io<T> io) {
        try {
            return io.get();
        } catch (IOException e) {
            throw new OpenFlyersException("openflyers.journal.io", e.getMessage());
        }
    }
}
