package org.envol.security;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the {@code user} and {@code token} subcommands share: they run as {@link SystemActor} (the
 * person at the server's console is trusted, that is how the first admin is created), print
 * rejections on standard error and exit 2. Each is a prototype bean: picocli fills a
 * command's fields, so a fresh instance per run keeps one run's options out of the next.
 */
abstract class SecurityCommand implements Callable<Integer> {

    static final int REJECTED = 2;

    @Spec
    CommandSpec spec;

    final Messages messages;

    SecurityCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            return SystemActor.runFromCommandLine(this::run);
        } catch (UserRejectedException e) {
            err().println(messages.get(e.messageKey(), e.args().toArray()));
            return REJECTED;
        }
    }

    /** The work, as an admin; returns the exit code. */
    abstract int run();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A role given on the command line: {@code --role TREASURER --section PLANEUR}; no section means club-wide. */
    static Grant grant(String role, String sectionCode, SectionService sections) {
        Role r;
        try {
            r = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserRejectedException(UserRejection.ROLE_UNKNOWN, role);
        }
        if (sectionCode == null) {
            return Grant.clubWide(r);
        }
        Section section = sections.findByCode(sectionCode.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new UserRejectedException(UserRejection.SECTION_UNKNOWN, sectionCode));
        return Grant.inSection(section.id(), r);
    }

    /** « Trésorier (PLANEUR), Administrateur (tout le club) ». */
    String describe(Collection<Grant> grants, Map<Long, String> sectionCodes) {
        if (grants.isEmpty()) {
            return messages.get("security.cli.noRole");
        }
        return grants.stream().map(g -> messages.get("security.role." + g.role()) + " ("
                + (g.isClubWide() ? messages.get("security.scope.club") : sectionCodes.get(g.sectionId())) + ")")
                .collect(Collectors.joining(", "));
    }

    static Map<Long, String> sectionCodes(SectionService sections) {
        return sections.all().stream().collect(Collectors.toMap(Section::id, Section::code));
    }

    /** Columns padded to their widest cell, two spaces apart. */
    void table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList());
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out().println(line.toString().stripTrailing());
        }
    }
}
