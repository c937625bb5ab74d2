package org.envol.members;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.members.MemberCsv.Column;
import org.envol.members.MemberCsv.Row;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a member list (CSV, see {@link MemberCsv}): all or nothing. Every line is checked
 * against the same rules as the member form, and against the other lines; every problem is
 * reported with its line, and nothing is written if there is any. A member is recognised by
 * e-mail, or by name and birth date when the line has no e-mail: importing the same file again
 * changes nothing. An empty field leaves what is known alone (an import never erases); sections
 * are joined, never left.
 */
@Service
public class MemberImport {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));

    private final MemberService members;
    private final MemberStore store;
    private final MemberAccess access;
    private final SectionService sections;
    private final Clock clock;

    MemberImport(MemberService members, MemberStore store, MemberAccess access, SectionService sections, Clock clock) {
        this.members = members;
        this.store = store;
        this.access = access;
        this.sections = sections;
        this.clock = clock;
    }

    /** What the import does (or would do) with a line. */
    public enum Outcome {
        CREATE, UPDATE, UNCHANGED
    }

    /**
     * A line's outcome: the member's name, what changes ({@code changes}: lastName, firstName,
     * email, birthDate, payer) and the sections joined.
     */
    public record Line(int line, String name, Outcome outcome, List<String> changes, List<String> joins) {
    }

    public record Report(String encoding, char separator, List<Line> lines, List<ImportProblem> problems, boolean written) {

        public boolean ok() {
            return problems.isEmpty();
        }

        public long count(Outcome outcome) {
            return lines.stream().filter(l -> l.outcome() == outcome).count();
        }
    }

    /** A checked line: the member it is (null: a new one), the data to store, its payer, the sections to join. */
    private record Plan(Row row, String node, Member existing, boolean manageable, MemberData data, String payerNode,
            List<Section> joins, List<String> changes) {

        Outcome outcome() {
            return existing == null ? Outcome.CREATE : changes.isEmpty() && joins.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATE;
        }
    }

    /** Checks the file and, unless {@code dryRun} or a problem was found, imports it in one transaction. */
    @Transactional
    public Report run(byte[] file, boolean dryRun) {
        Map<String, Section> writable = new LinkedHashMap<>();
        Map<String, Section> byCode = new HashMap<>();
        for (Section s : sections.all()) {
            byCode.put(s.code(), s);
            if (access.canWrite(s.id())) {
                writable.put(s.code(), s);
            }
        }
        if (writable.isEmpty() && !access.isAdmin()) {
            // only those who keep a section's members import them (an admin even before any section exists)
            throw new AccessDeniedException("write section");
        }
        MemberCsv.Parsed parsed = MemberCsv.read(file);
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        // without a readable header, the lines' problems would only repeat it
        boolean unreadable = problems.stream().map(p -> p.problem().rule().name()).anyMatch(r -> r.startsWith("FILE_") || r.startsWith("COLUMN_"));
        List<Plan> plans = unreadable ? List.of() : plan(parsed.rows(), byCode, writable, problems);
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        List<Line> lines = plans.stream().map(p -> new Line(p.row().line(), name(p.data()), p.outcome(), p.changes(),
                p.joins().stream().map(Section::code).toList())).toList();
        boolean write = !dryRun && problems.isEmpty();
        if (write) {
            apply(plans);
        }
        return new Report(parsed.encoding(), parsed.separator(), lines, List.copyOf(problems), write);
    }

    private List<Plan> plan(List<Row> rows, Map<String, Section> byCode, Map<String, Section> writable, List<ImportProblem> problems) {
        LocalDate today = LocalDate.now(clock);
        List<Member> known = store.all();
        Map<Long, List<Membership>> stays = store.allMemberships();
        Map<String, Integer> lineOfKey = new HashMap<>();
        Map<Long, Integer> lineOfMember = new HashMap<>();
        Map<String, String> nodeOfEmail = new HashMap<>();
        known.stream().filter(m -> m.email() != null).forEach(m -> nodeOfEmail.put(m.email(), "member:" + m.id()));
        List<Plan> plans = new ArrayList<>();
        Map<Plan, String> payerEmails = new HashMap<>();
        for (Row row : rows) {
            int line = row.line();
            List<MemberProblem> found = new ArrayList<>();
            LocalDate birth = null;
            if (row.has(Column.BIRTH_DATE)) {
                birth = date(row.get(Column.BIRTH_DATE));
                if (birth == null) {
                    found.add(MemberProblem.of(MemberRule.BIRTH_DATE_INVALID, row.get(Column.BIRTH_DATE)));
                }
            }
            MemberData given = new MemberData(row.get(Column.LAST_NAME), row.get(Column.FIRST_NAME), row.get(Column.EMAIL), birth, null)
                    .normalized();
            String key = key(given);
            Member existing = null;
            if (key != null) {
                Integer first = lineOfKey.putIfAbsent(key, line);
                if (first != null) {
                    found.add(MemberProblem.of(MemberRule.DUPLICATE_IN_FILE, first));
                }
                List<Member> matches = matches(given, known);
                if (matches.size() > 1) {
                    found.add(MemberProblem.of(MemberRule.AMBIGUOUS, matches.get(0).display(), given.birthDate()));
                } else if (matches.size() == 1) {
                    existing = matches.get(0);
                    Integer other = lineOfMember.putIfAbsent(existing.id(), line);
                    if (other != null && first == null) {
                        found.add(MemberProblem.of(MemberRule.DUPLICATE_IN_FILE, other));
                    }
                }
            }
            MemberData data = existing == null ? given : merge(existing, given);
            found.addAll(MemberChecks.fields(data, today));
            List<Membership> memberStays = existing == null ? List.of() : stays.getOrDefault(existing.id(), List.of());
            List<Section> joins = new ArrayList<>();
            for (String code : codes(row.get(Column.SECTIONS))) {
                Section s = byCode.get(code);
                if (s == null) {
                    found.add(MemberProblem.of(MemberRule.SECTION_UNKNOWN, code));
                } else if (!writable.containsKey(code)) {
                    found.add(MemberProblem.of(MemberRule.SECTION_NOT_MANAGED, code));
                } else if (memberStays.stream().noneMatch(st -> st.sectionId() == s.id() && st.active()) && !joins.contains(s)) {
                    joins.add(s);
                }
            }
            if (existing == null && joins.isEmpty() && found.stream().noneMatch(p -> p.rule().name().startsWith("SECTION_"))) {
                found.add(MemberProblem.of(MemberRule.NO_SECTION));
            }
            String node = existing == null ? "line:" + line : "member:" + existing.id();
            if (data.email() != null) {
                nodeOfEmail.putIfAbsent(data.email(), node);
            }
            List<String> changes = existing == null ? List.of() : changes(MemberData.of(existing), data);
            found.forEach(p -> problems.add(new ImportProblem(line, p)));
            Plan plan = new Plan(row, node, existing, existing == null || access.canManage(memberStays), data, null, joins, changes);
            plans.add(plan);
            if (row.has(Column.PAYER)) {
                payerEmails.put(plan, row.get(Column.PAYER).toLowerCase(Locale.ROOT));
            }
        }
        return payers(plans, payerEmails, nodeOfEmail, known, problems);
    }

    /** Resolves each line's payer (a line of the file or a known member, by e-mail) and checks that nobody pays for himself, even around a loop. */
    private List<Plan> payers(List<Plan> plans, Map<Plan, String> payerEmails, Map<String, String> nodeOfEmail, List<Member> known,
            List<ImportProblem> problems) {
        Map<String, Member> knownByNode = new HashMap<>();
        known.forEach(m -> knownByNode.put("member:" + m.id(), m));
        Map<String, String> payerOf = new HashMap<>();
        known.stream().filter(m -> m.payerId() != null).forEach(m -> payerOf.put("member:" + m.id(), "member:" + m.payerId()));
        List<Plan> out = new ArrayList<>();
        for (Plan p : plans) {
            String email = payerEmails.get(p);
            String payerNode = null;
            if (email != null) {
                payerNode = nodeOfEmail.get(email);
                if (payerNode == null) {
                    problems.add(ImportProblem.at(p.row().line(), MemberRule.PAYER_UNKNOWN, email));
                } else if (payerNode.equals(p.node())) {
                    problems.add(ImportProblem.at(p.row().line(), MemberRule.PAYER_SELF));
                    payerNode = null;
                } else {
                    payerOf.put(p.node(), payerNode);
                }
            }
            List<String> changes = new ArrayList<>(p.changes());
            if (p.existing() != null && payerNode != null && !payerNode.equals("member:" + p.existing().payerId())) {
                changes.add("payer");
            }
            if (!changes.isEmpty() && !p.manageable()) {
                problems.add(ImportProblem.at(p.row().line(), MemberRule.MEMBER_NOT_MANAGED, p.existing().display()));
            }
            out.add(new Plan(p.row(), p.node(), p.existing(), p.manageable(), p.data(), payerNode, p.joins(), List.copyOf(changes)));
        }
        Map<String, String> nameOf = new HashMap<>();
        knownByNode.forEach((node, m) -> nameOf.put(node, m.display()));
        out.forEach(p -> nameOf.put(p.node(), name(p.data())));
        for (Plan p : out) {
            if (p.payerNode() != null) {
                List<String> loop = PayerChain.cycle(p.node(), p.payerNode(), payerOf::get);
                if (!loop.isEmpty()) {
                    problems.add(ImportProblem.at(p.row().line(), MemberRule.PAYER_CYCLE,
                            String.join(" → ", loop.stream().map(nameOf::get).toList())));
                }
            }
        }
        return out;
    }

    /**
     * Writes the plans through the member service (which checks everything again): new members,
     * then changes, then payers (cleared first where they change, so that no step closes a loop
     * the final state has not), then the sections joined.
     */
    private void apply(List<Plan> plans) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> idOfNode = new HashMap<>();
        for (Plan p : plans) {
            if (p.existing() == null) {
                Member created = members.create(p.data(), p.joins().stream().map(Section::id).toList(), today);
                idOfNode.put(p.node(), created.id());
            } else {
                idOfNode.put(p.node(), p.existing().id());
            }
        }
        for (Plan p : plans) {
            boolean payerChanges = p.changes().contains("payer");
            if (p.existing() != null && (p.changes().size() > (payerChanges ? 1 : 0) || payerChanges && p.existing().payerId() != null)) {
                members.update(p.existing().id(), p.data().withPayer(payerChanges ? null : p.existing().payerId()));
            }
        }
        for (Plan p : plans) {
            boolean newPayer = p.existing() == null ? p.payerNode() != null : p.changes().contains("payer");
            if (newPayer) {
                long id = idOfNode.get(p.node());
                members.update(id, p.data().withPayer(idOfNode.computeIfAbsent(p.payerNode(), n -> Long.parseLong(n.substring(7)))));
            }
        }
        for (Plan p : plans) {
            if (p.existing() != null) {
                p.joins().forEach(s -> members.join(p.existing().id(), s.id(), today));
            }
        }
    }

    /** The e-mail, or else the name and birth date: how a line finds its member again. */
    private static String key(MemberData d) {
        if (d.email() != null) {
            return "email:" + d.email();
        }
        if (d.lastName() == null || d.firstName() == null || d.birthDate() == null) {
            return null;
        }
        return "name:" + d.lastName().toLowerCase(Locale.ROOT) + "|" + d.firstName().toLowerCase(Locale.ROOT) + "|" + d.birthDate();
    }

    private static List<Member> matches(MemberData d, List<Member> known) {
        if (d.email() != null) {
            return known.stream().filter(m -> d.email().equals(m.email())).toList();
        }
        return known.stream().filter(m -> m.lastName().equalsIgnoreCase(d.lastName()) && m.firstName().equalsIgnoreCase(d.firstName())
                && d.birthDate().equals(m.birthDate())).toList();
    }

    /** The member's data with the line's non-empty fields over it. */
    private static MemberData merge(Member m, MemberData line) {
        return new MemberData(either(line.lastName(), m.lastName()), either(line.firstName(), m.firstName()),
                either(line.email(), m.email()), either(line.birthDate(), m.birthDate()), m.payerId());
    }

    private static <T> T either(T given, T known) {
        return given != null ? given : known;
    }

    private static List<String> changes(MemberData before, MemberData after) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(before.lastName(), after.lastName())) {
            out.add("lastName");
        }
        if (!Objects.equals(before.firstName(), after.firstName())) {
            out.add("firstName");
        }
        if (!Objects.equals(before.email(), after.email())) {
            out.add("email");
        }
        if (!Objects.equals(before.birthDate(), after.birthDate())) {
            out.add("birthDate");
        }
        return out;
    }

    /** « PLANEUR, avion » → [PLANEUR, AVION]. */
    private static Set<String> codes(String field) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(field.split("[,;|/\\s]+")).map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).forEach(out::add);
        return out;
    }

    /** 31/12/1990, 1/2/1990 or 1990-12-31; null when it is none of them (or no such day). */
    static LocalDate date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static String name(MemberData d) {
        return d.lastName() == null || d.firstName() == null ? Objects.requireNonNullElse(d.lastName(), Objects.requireNonNullElse(d.firstName(), ""))
                : Member.accountLabel(d.lastName(), d.firstName());
    }
}
