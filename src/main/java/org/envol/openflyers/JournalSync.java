package org.envol.openflyers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Limits;
import org.envol.ledger.Rejection;
import org.envol.ledger.SyncItem;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.SyncReport;
import org.envol.ledger.RejectedException;
import org.envol.ledger.SyncRequest;
import org.springframework.stereotype.Service;

/**
 * Keeps a section's books in step with OpenFlyers' journal for a period. A flow is the section's
 * when both its OpenFlyers accounts are mapped in the section and one of them to a member account
 * (411); it becomes one entry of source kind {@value #KIND}, reference = flow number, through the
 * ledger's sync: re-syncing the same file writes nothing, a changed flow replaces its entry (a
 * validated one is reversed and posted again, never duplicated), an entry whose flow is gone is
 * deleted (or reversed). OpenFlyers has no sections: each section imports the same file and takes
 * only its own flows. Treasurers of the section only (and admins).
 */
@Service
public class JournalSync {

    public static final String KIND = "openflyers";
    static final String MEMBER_PREFIX = "411";

    private final LedgerService ledger;
    private final LedgerAccess access;
    private final AccountService accounts;
    private final AccountMappings mappings;

    JournalSync(LedgerService ledger, LedgerAccess access, AccountService accounts, AccountMappings mappings) {
        this.ledger = ledger;
        this.access = access;
        this.accounts = accounts;
        this.mappings = mappings;
    }

    /** Refuses whoever may not sync the section (its treasurers and admins may). */
    public void requireSync(long sectionId) {
        access.requireWrite(sectionId);
    }

    /** What applying would do, flow by flow; writes nothing. */
    public JournalPreview preview(long sectionId, JournalFile file, LocalDate from, LocalDate to) {
        Plan plan = plan(sectionId, file, from, to);
        SyncReport report = ledger.sync(plan.request().asDryRun());
        return plan.preview(report);
    }

    /**
     * Applies the selected flows (null: every selectable one, as the preview ticks them) and
     * returns the ledger's report. Flows waiting for a mapping or refused are never applied.
     */
    public SyncReport apply(long sectionId, JournalFile file, LocalDate from, LocalDate to, Set<String> selected) {
        Plan plan = plan(sectionId, file, from, to);
        if (selected == null && plan.toMap.isEmpty()) {
            // the usual month: every flow mapped, all applied; one pass through the ledger, which
            // refuses the whole batch (writing nothing) if any flow is refused
            try {
                return ledger.sync(plan.request());
            } catch (RejectedException someRefused) {
                // apply the others, as the preview ticks them
            }
        }
        JournalPreview preview = plan.preview(ledger.sync(plan.request().asDryRun()));
        Set<String> selectable = new LinkedHashSet<>();
        preview.rows().stream().filter(JournalRow::selectable).forEach(r -> selectable.add(r.flow()));
        if (selected != null) {
            selectable.retainAll(selected);
        }
        return ledger.sync(plan.request().only(selectable));
    }

    private Plan plan(long sectionId, JournalFile file, LocalDate from, LocalDate to) {
        access.requireWrite(sectionId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new OpenFlyersException("openflyers.journal.period.invalid", String.valueOf(from), String.valueOf(to));
        }
        // outside the file's own period, every entry of the books would look deleted in OpenFlyers
        if (file.layout() == JournalFile.Layout.GENERAL_LEDGER && file.from() != null
                && (from.isBefore(file.from()) || to.isAfter(file.to()))) {
            throw new OpenFlyersException("openflyers.journal.period.outsideFile", from, to, file.from(), file.to());
        }
        Map<Long, Account> byId = new HashMap<>();
        accounts.list(sectionId).forEach(a -> byId.put(a.id(), a));
        Map<String, AccountMapping> mapped = mappings.all(sectionId);
        Plan plan = new Plan(sectionId, from, to, byId);
        for (JournalFlow flow : file.flows()) {
            if (flow.date().isBefore(from) || flow.date().isAfter(to)) {
                plan.outsidePeriod++;
                continue;
            }
            AccountMapping debit = mapped.get(flow.debit().id());
            AccountMapping credit = mapped.get(flow.credit().id());
            if ((debit != null && debit.ignored()) || (credit != null && credit.ignored())) {
                plan.notMember++;
                continue;
            }
            if (debit == null || credit == null) {
                plan.toMap.put(flow.number(), flow);
                continue;
            }
            Account d = byId.get(debit.accountId());
            Account c = byId.get(credit.accountId());
            if (!isMember(d) && !isMember(c)) {
                plan.notMember++;
                continue;
            }
            plan.flows.put(flow.number(), flow);
            plan.drafts.put(flow.number(), draft(sectionId, flow, d, c));
        }
        return plan;
    }

    static boolean isMember(Account account) {
        return account.code().startsWith(MEMBER_PREFIX);
    }

    private static EntryDraft draft(long sectionId, JournalFlow flow, Account debit, Account credit) {
        String voucher = "OpenFlyers " + flow.number();
        return new EntryDraft(sectionId, journal(debit, credit), flow.date(), flow.label().isBlank() ? voucher : flow.label(),
                voucher.length() > Limits.VOUCHER_MAX ? flow.number() : voucher, null,
                List.of(LineDraft.of(debit.id(), flow.amountCents()), LineDraft.of(credit.id(), -flow.amountCents())));
    }

    /** The journal OpenFlyers' exports use by default: bank 512 → BQ, cash 53 → CA, income 7 → VT, else OD. */
    static String journal(Account a, Account b) {
        for (String[] rule : new String[][] {{"512", "BQ"}, {"53", "CA"}, {"7", "VT"}}) {
            if (a.code().startsWith(rule[0]) || b.code().startsWith(rule[0])) {
                return rule[1];
            }
        }
        return "OD";
    }

    /** The section's flows of the file, its drafts by flow number, and what was left out. */
    private final class Plan {
        final long sectionId;
        final LocalDate from;
        final LocalDate to;
        final Map<Long, Account> accounts;
        final Map<String, JournalFlow> flows = new LinkedHashMap<>();
        final Map<String, EntryDraft> drafts = new LinkedHashMap<>();
        final Map<String, JournalFlow> toMap = new LinkedHashMap<>();
        int outsidePeriod;
        int notMember;

        Plan(long sectionId, LocalDate from, LocalDate to, Map<Long, Account> accounts) {
            this.sectionId = sectionId;
            this.from = from;
            this.to = to;
            this.accounts = accounts;
        }

        SyncRequest request() {
            return SyncRequest.of(sectionId, KIND, from, to, drafts);
        }

        JournalPreview preview(SyncReport report) {
            Map<String, List<Rejection>> refused = new HashMap<>();
            report.rejections().forEach(r -> refused.computeIfAbsent(r.reference(), k -> new ArrayList<>()).add(r));
            List<JournalRow> rows = new ArrayList<>(report.items().size() + toMap.size());
            Set<String> listed = new java.util.HashSet<>();
            for (SyncItem item : report.items()) {
                String ref = item.reference();
                JournalFlow flow = flows.get(ref);
                if (flow == null) {
                    if (toMap.containsKey(ref)) {
                        // still in OpenFlyers, only waiting for a mapping: its entry is not « missing »
                        continue;
                    }
                    rows.add(JournalRow.ofEntry(ledger.get(item.entryId()), FlowState.MISSING,
                            refused.getOrDefault(ref, List.of()), accounts));
                } else {
                    rows.add(row(flow, state(item.outcome()), item.outcome() == SyncOutcome.REVERSED_AND_REPLACED,
                            item.changedFields(), List.of(), item.entryId()));
                }
                listed.add(ref);
            }
            // flows the ledger refused do not come back as items
            flows.forEach((ref, flow) -> {
                if (!listed.contains(ref)) {
                    rows.add(row(flow, FlowState.REJECTED, false, List.of(), refused.getOrDefault(ref, List.of()), null));
                }
            });
            refused.forEach((ref, r) -> {
                if (ref != null && !flows.containsKey(ref) && !listed.contains(ref)) {
                    // a validated entry in a closed year the file no longer has: it cannot be reversed
                    rows.add(new JournalRow(ref, null, "", 0, null, null, null, null, FlowState.REJECTED, true, List.of(), r, null));
                }
            });
            toMap.values().forEach(flow -> rows.add(row(flow, FlowState.TO_MAP, false, List.of(), List.of(), null)));
            rows.sort(java.util.Comparator.comparing(JournalRow::date, java.util.Comparator.nullsLast(LocalDate::compareTo))
                    .thenComparing(JournalRow::flow));
            List<Rejection> general = refused.getOrDefault(null, List.of());
            return new JournalPreview(sectionId, from, to, rows, outsidePeriod, notMember, general);
        }

        private JournalRow row(JournalFlow flow, FlowState state, boolean validated, List<String> changed, List<Rejection> rejections,
                Long entryId) {
            EntryDraft d = drafts.get(flow.number());
            Account debit = d == null ? null : accounts.get(d.lines().get(0).accountId());
            Account credit = d == null ? null : accounts.get(d.lines().get(1).accountId());
            return new JournalRow(flow.number(), flow.date(), flow.label(), flow.amountCents(), flow.debit(), flow.credit(), debit,
                    credit, state, validated, changed, rejections, entryId);
        }
    }

    /** How many references a sync really wrote with these outcomes (those not ticked stay in the report, not applied). */
    public static long applied(SyncReport report, SyncOutcome... outcomes) {
        Set<SyncOutcome> wanted = Set.of(outcomes);
        return report.items().stream().filter(i -> i.applied() && wanted.contains(i.outcome())).count();
    }

    private static FlowState state(SyncOutcome outcome) {
        return switch (outcome) {
            case CREATED -> FlowState.NEW;
            case UNCHANGED -> FlowState.UNCHANGED;
            case CHANGED, REVERSED_AND_REPLACED -> FlowState.CHANGED;
            case DELETED, REVERSED -> FlowState.MISSING;
        };
    }
}
