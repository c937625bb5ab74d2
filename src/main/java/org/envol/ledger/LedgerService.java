package org.envol.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of entries. Every act checks access, checks the drafts against every rule
 * (nothing is written when one fails), locks the section, writes, and publishes a {@link Change}.
 * See docs/ledger.md for what can be updated or deleted and every result code.
 */
@Service
public class LedgerService {

    static final String ACTION_POST = "POST";

    private final EntryStore store;
    private final DraftChecker checker;
    private final LedgerAccess access;
    private final ChangeLog changes;
    private final Clock clock;
    private final MessageSource messages;

    LedgerService(EntryStore store, DraftChecker checker, LedgerAccess access, ChangeLog changes, Clock clock,
            MessageSource messages) {
        this.store = store;
        this.checker = checker;
        this.access = access;
        this.changes = changes;
        this.clock = clock;
        this.messages = messages;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Entry get(long entryId) {
        Entry entry = store.find(entryId).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.ENTRY_UNKNOWN, entryId)));
        access.requireRead(entry.sectionId());
        return entry;
    }

    /** The reversal posted for this entry, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> reversalOf(long entryId) {
        get(entryId);
        return store.reversalOf(entryId);
    }

    // ---- checking without writing

    /** Every rejection for this draft, empty when it would be accepted. */
    @Transactional(readOnly = true)
    public List<Rejection> check(EntryDraft draft) {
        access.requireRead(draft.sectionId());
        return checker.batch(List.of(draft)).check(draft);
    }

    // ---- writing one entry

    /** Checks and posts an entry: it enters the balances at once. */
    @Transactional
    public Entry post(EntryDraft draft) {
        return write(draft, EntryStatus.POSTED);
    }

    /** Checks and saves a draft: kept, not in the balances until posted. */
    @Transactional
    public Entry saveDraft(EntryDraft draft) {
        return write(draft, EntryStatus.DRAFT);
    }

    private Entry write(EntryDraft draft, EntryStatus status) {
        List<Long> ids = postAll(List.of(draft), status);
        Entry entry = store.find(ids.get(0)).orElseThrow();
        changes.record(entry.sectionId(), status == EntryStatus.DRAFT ? "CREATE_DRAFT" : ACTION_POST, "entry", entry.id(), null, entry);
        return entry;
    }

    /**
     * Checks and posts many drafts at once (imports, the benchmark): all or nothing. Rejections
     * carry the index of the draft (1-based) as their reference.
     */
    @Transactional
    public List<Long> postAll(List<EntryDraft> drafts) {
        List<Long> ids = postAll(drafts, EntryStatus.POSTED);
        if (ids.size() == 1) {
            changes.record(drafts.get(0).sectionId(), ACTION_POST, "entry", ids.get(0), null, store.find(ids.get(0)).orElseThrow());
            return ids;
        }
        // One event per section, so that each section's audit log shows what reached its books.
        Map<Long, List<Long>> idsBySection = new java.util.TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            idsBySection.computeIfAbsent(drafts.get(i).sectionId(), s -> new java.util.ArrayList<>()).add(ids.get(i));
        }
        idsBySection.forEach((sectionId, sectionIds) -> changes.record(sectionId, "POST_BATCH", "entry",
                sectionIds.get(0) + ".." + sectionIds.get(sectionIds.size() - 1), null, Map.of("entries", sectionIds.size())));
        return ids;
    }

    private List<Long> postAll(List<EntryDraft> drafts, EntryStatus status) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Set<Long> sectionIds = new TreeSet<>();
        drafts.forEach(d -> sectionIds.add(d.sectionId()));
        sectionIds.forEach(access::requireWrite);
        DraftChecker.Batch batch = checker.batch(drafts);
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> sourcesSeen = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            EntryDraft d = drafts.get(i);
            String where = drafts.size() > 1 ? Integer.toString(i + 1) : null;
            batch.check(d).forEach(r -> rejections.add(where == null ? r : r.withReference(where)));
            if (d.source() != null) {
                String key = d.sectionId() + "|" + d.source().kind() + "|" + d.source().reference();
                if (sourcesSeen.put(key, i) != null) {
                    rejections.add(Rejection.of(RejectionCode.SOURCE_TAKEN, d.source().kind(), d.source().reference())
                            .withReference(where));
                }
            }
        }
        if (!rejections.isEmpty()) {
            throw new RejectedException(rejections);
        }
        sectionIds.forEach(store::lockSection);
        checkSourcesFree(drafts, rejections);
        if (!rejections.isEmpty()) {
            throw new RejectedException(rejections);
        }
        long first = store.allocateIds(drafts.size());
        Instant now = clock.instant();
        String actor = access.actor();
        List<NewEntry> entries = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            EntryDraft d = drafts.get(i);
            long id = first + i;
            entries.add(newEntry(batch, id, d, status, null, now, actor));
        }
        store.insert(entries);
        return entries.stream().map(NewEntry::id).toList();
    }

    private record SourceGroup(long sectionId, String kind) {
    }

    /** Sources already standing for an entry, looked up per section and kind in one query each. */
    private void checkSourcesFree(List<EntryDraft> drafts, List<Rejection> rejections) {
        Map<SourceGroup, List<String>> references = new LinkedHashMap<>();
        for (EntryDraft d : drafts) {
            if (d.source() != null) {
                references.computeIfAbsent(new SourceGroup(d.sectionId(), d.source().kind()), k -> new ArrayList<>())
                        .add(d.source().reference());
            }
        }
        references.forEach((group, refs) -> store.currentFor(group.sectionId(), group.kind(), refs).keySet()
                .forEach(ref -> rejections.add(Rejection.of(RejectionCode.SOURCE_TAKEN, group.kind(), ref))));
    }

    private NewEntry newEntry(DraftChecker.Batch batch, long id, EntryDraft d, EntryStatus status, Entry reversed,
            Instant now, String actor) {
        Source source;
        boolean register;
        Long reversalOf = reversed == null ? null : reversed.id();
        if (reversed != null) {
            source = new Source(Source.REVERSAL, reversalOf.toString());
            register = false;
        } else if (d.source() == null) {
            source = new Source(Source.MANUAL, Long.toString(id));
            register = false;
        } else {
            source = d.source();
            register = true;
        }
        return new NewEntry(id, d, batch.journal(d.journalCode()).id(), batch.year(d.sectionId(), d.date()).orElseThrow().id(),
                status, source, register, reversalOf, YearEnd.restatesBalances(reversed == null ? source : reversed.source()),
                now, actor);
    }

    /** Replaces the content of an entry not yet validated; {@code status} DRAFT or POSTED. */
    @Transactional
    public Entry update(long entryId, EntryDraft draft, EntryStatus status) {
        if (status == EntryStatus.FROZEN) {
            throw new IllegalArgumentException("freeze with freeze()");
        }
        Entry old = editable(entryId);
        if (draft.sectionId() != old.sectionId()) {
            throw new RejectedException(Rejection.of(RejectionCode.SYNC_WRONG_SECTION, draft.sectionId()));
        }
        DraftChecker.Batch batch = checker.batch(List.of(draft));
        List<Rejection> rejections = batch.check(draft);
        if (!rejections.isEmpty()) {
            throw new RejectedException(rejections);
        }
        store.replace(old, new NewEntry(old.id(), draft, batch.journal(draft.journalCode()).id(),
                batch.year(draft.sectionId(), draft.date()).orElseThrow().id(), status, old.source(), false, old.reversalOf(),
                store.restatesBalances(old), old.createdAt(), old.createdBy()));
        Entry after = store.find(entryId).orElseThrow();
        changes.record(old.sectionId(), "UPDATE", "entry", entryId, old, after);
        return after;
    }

    /** Deletes an entry not yet validated. */
    @Transactional
    public void delete(long entryId) {
        Entry old = editable(entryId);
        store.delete(old);
        changes.record(old.sectionId(), "DELETE", "entry", entryId, old, null);
    }

    /** A draft enters the balances, after the rules are checked again (an account may have closed since). */
    @Transactional
    public Entry postDraft(long entryId) {
        Entry old = editable(entryId);
        if (old.status() != EntryStatus.DRAFT) {
            throw new RejectedException(Rejection.of(RejectionCode.ENTRY_NOT_DRAFT, entryId));
        }
        recheck(old);
        store.markPosted(old);
        Entry after = store.find(entryId).orElseThrow();
        changes.record(old.sectionId(), ACTION_POST, "entry", entryId, old, after);
        return after;
    }

    private void recheck(Entry entry) {
        EntryDraft draft = toDraft(entry);
        List<Rejection> rejections = checker.batch(List.of(draft)).check(draft);
        if (!rejections.isEmpty()) {
            throw new RejectedException(rejections);
        }
    }

    static EntryDraft toDraft(Entry e) {
        return new EntryDraft(e.sectionId(), e.journalCode(), e.date(), e.label(), e.voucherRef(), null,
                e.lines().stream().map(l -> new LineDraft(l.accountId(), l.amountCents(), l.label(), l.analyticCode())).toList());
    }

    private Entry editable(long entryId) {
        Entry old = store.find(entryId).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.ENTRY_UNKNOWN, entryId)));
        access.requireWrite(old.sectionId());
        store.lockSection(old.sectionId());
        if (old.frozen()) {
            throw new RejectedException(Rejection.of(RejectionCode.ENTRY_FROZEN, old.displayNumber()));
        }
        return old;
    }

    // ---- freezing

    /** Freezes entries of one section: an entry of another section is named and nothing is frozen. */
    @Transactional
    public FreezeReport freeze(long sectionId, Collection<Long> entryIds) {
        access.requireWrite(sectionId);
        List<Rejection> elsewhere = new ArrayList<>();
        for (Entry e : store.findAll(new TreeSet<>(entryIds))) {
            if (e.sectionId() != sectionId) {
                elsewhere.add(Rejection.of(RejectionCode.ENTRY_OTHER_SECTION, e.id()).withReference(Long.toString(e.id())));
            }
        }
        if (!elsewhere.isEmpty()) {
            throw new RejectedException(elsewhere);
        }
        return freeze(entryIds);
    }

    /**
     * Validates (« gèle ») entries: each gets the next number of its journal and fiscal year, in
     * date order, its validation date, and its link in the section's hash chain. Drafts are posted
     * first. Entries already frozen are left as they are.
     */
    private static final Set<RejectionCode> AFTER_POSTING = Set.of(RejectionCode.LINE_ACCOUNT_CLOSED, RejectionCode.JOURNAL_INACTIVE);

    @Transactional
    public FreezeReport freeze(Collection<Long> entryIds) {
        List<Entry> entries = store.findAll(new TreeSet<>(entryIds));
        if (entries.size() != new HashSet<>(entryIds).size()) {
            Set<Long> found = new HashSet<>();
            entries.forEach(e -> found.add(e.id()));
            Long missing = entryIds.stream().filter(id -> !found.contains(id)).findFirst().orElseThrow();
            throw new RejectedException(Rejection.of(RejectionCode.ENTRY_UNKNOWN, missing));
        }
        Set<Long> sectionIds = new TreeSet<>();
        entries.forEach(e -> sectionIds.add(e.sectionId()));
        sectionIds.forEach(access::requireWrite);
        sectionIds.forEach(store::lockSection);
        List<Long> already = new ArrayList<>();
        List<Entry> toFreeze = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        DraftChecker.Batch batch = checker.batch(entries.stream().filter(e -> !e.frozen()).map(LedgerService::toDraft).toList());
        for (Entry e : entries) {
            if (e.frozen()) {
                already.add(e.id());
                continue;
            }
            batch.check(toDraft(e)).stream()
                    // a posted entry is in the books already: an account or journal closed since then
                    // (a member who left, refunded) takes no new lines but does not undo it
                    .filter(r -> e.status() == EntryStatus.DRAFT || !AFTER_POSTING.contains(r.code()))
                    .forEach(r -> rejections.add(r.withReference(Long.toString(e.id()))));
            toFreeze.add(e);
        }
        if (!rejections.isEmpty()) {
            throw new RejectedException(rejections);
        }
        toFreeze.sort(Comparator.comparing(Entry::date).thenComparing(Entry::id));
        for (Entry e : toFreeze) {
            if (e.status() == EntryStatus.DRAFT) {
                store.markPosted(e);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Integer> numbers = new HashMap<>();
        Map<Long, Object[]> links = new HashMap<>();
        Map<String, Long> journalIds = new HashMap<>();
        List<EntryStore.Frozen> frozen = new ArrayList<>();
        List<Entry> result = new ArrayList<>();
        for (Entry e : toFreeze) {
            long journalId = journalIds.computeIfAbsent(e.journalCode(), c -> batch.journal(c).id());
            String numberKey = journalId + "|" + e.fiscalYearId();
            int number = numbers.computeIfAbsent(numberKey, k -> store.lastNumber(journalId, e.fiscalYearId())) + 1;
            numbers.put(numberKey, number);
            Object[] link = links.computeIfAbsent(e.sectionId(), s -> store.lastLink(s).orElse(new Object[] {0L, HashChain.GENESIS}));
            long seq = (Long) link[0] + 1;
            String previous = (String) link[1];
            String hash = HashChain.hash(e, seq, number, now, previous);
            links.put(e.sectionId(), new Object[] {seq, hash});
            frozen.add(new EntryStore.Frozen(e.id(), number, now, seq, previous, hash));
            result.add(new Entry(e.id(), e.sectionId(), e.journalCode(), e.fiscalYearId(), e.date(), e.label(), e.voucherRef(),
                    e.source(), EntryStatus.FROZEN, number, now, seq, previous, hash, e.reversalOf(), e.createdAt(),
                    e.createdBy(), e.lines()));
        }
        store.markFrozen(frozen);
        for (Long sectionId : sectionIds) {
            List<String> numbersFrozen = result.stream().filter(e -> e.sectionId() == sectionId).map(Entry::displayNumber).toList();
            if (!numbersFrozen.isEmpty()) {
                changes.record(sectionId, "FREEZE", "entry", numbersFrozen.size() == 1 ? result.get(0).id() : null, null,
                        Map.of("entries", numbersFrozen.size(), "numbers", numbersFrozen.size() <= 1000 ? numbersFrozen
                                : List.of(numbersFrozen.get(0), "…", numbersFrozen.get(numbersFrozen.size() - 1))));
            }
        }
        return new FreezeReport(result, already);
    }

    // ---- reversal

    /**
     * Corrects a validated entry: posts its counter-entry (every line negated), linked to it.
     * The date defaults to the entry's own; it must fall in an open fiscal year. A reversed entry
     * no longer stands for its source, so a later sync posts the source's entry again.
     */
    @Transactional
    public Entry reverse(long entryId, LocalDate date, String label) {
        Entry original = store.find(entryId).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.ENTRY_UNKNOWN, entryId)));
        access.requireWrite(original.sectionId());
        store.lockSection(original.sectionId());
        checkReversible(original);
        Entry reversal = postReversal(original, date == null ? original.date() : date, label);
        store.unregisterSource(original.sectionId(), original.source().kind(), original.source().reference());
        changes.record(original.sectionId(), "REVERSE", "entry", entryId, original, reversal);
        return reversal;
    }

    private void checkReversible(Entry original) {
        if (!original.frozen()) {
            throw new RejectedException(Rejection.of(RejectionCode.ENTRY_NOT_FROZEN, original.id()));
        }
        if (original.reversalOf() != null) {
            throw new RejectedException(Rejection.of(RejectionCode.ENTRY_IS_REVERSAL, original.displayNumber()));
        }
        if (store.reversalOf(original.id()).isPresent()) {
            throw new RejectedException(Rejection.of(RejectionCode.ENTRY_ALREADY_REVERSED, original.displayNumber()));
        }
    }

    private Entry postReversal(Entry original, LocalDate date, String label) {
        EntryDraft draft = reversalDraft(original, date, label);
        DraftChecker.Batch batch = checker.batch(List.of(draft));
        List<Rejection> rejections = batch.check(draft);
        if (!rejections.isEmpty()) {
            throw new RejectedException(rejections);
        }
        long id = store.allocateIds(1);
        store.insert(List.of(newEntry(batch, id, draft, EntryStatus.POSTED, original, clock.instant(), access.actor())));
        return store.find(id).orElseThrow();
    }

    private EntryDraft reversalDraft(Entry original, LocalDate date, String label) {
        // the books are kept in French, whatever the language of the user who reverses
        String l = label == null || label.isBlank()
                ? messages.getMessage("ledger.reversal.label", new Object[] {
                    Objects.requireNonNullElse(original.displayNumber(), "#" + original.id()), original.label()}, Locale.FRENCH)
                : label;
        if (l.length() > Limits.LABEL_MAX) {
            l = l.substring(0, Limits.LABEL_MAX);
        }
        return new EntryDraft(original.sectionId(), original.journalCode(), date, l, original.voucherRef(), null,
                original.lines().stream().map(x -> new LineDraft(x.accountId(), -x.amountCents(), x.label(), x.analyticCode())).toList());
    }

    // ---- sync

    /**
     * Brings the books in step with what a source says now about a period: creates, replaces or
     * deletes the entries of that source kind; a validated entry is reversed and, if the source
     * still has it, posted again, linked. A dry run returns the same report and writes nothing.
     * Rejected drafts (if selected) stop the whole sync; the dry run lists them.
     */
    @Transactional
    public SyncReport sync(SyncRequest request) {
        long sectionId = request.sectionId();
        access.requireWrite(sectionId);
        if (request.kind() == null || request.kind().isBlank()) {
            throw new RejectedException(Rejection.of(RejectionCode.SYNC_KIND_MISSING));
        }
        if (Source.MANUAL.equals(request.kind()) || Source.REVERSAL.equals(request.kind())) {
            throw new RejectedException(Rejection.of(RejectionCode.SOURCE_KIND_RESERVED, request.kind()));
        }
        if (request.from() == null || request.to() == null || request.to().isBefore(request.from())) {
            throw new RejectedException(Rejection.of(RejectionCode.SYNC_PERIOD_INVALID, request.from(), request.to()));
        }
        store.lockSection(sectionId);
        Map<String, EntryDraft> drafts = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        request.drafts().forEach((ref, d) -> {
            EntryDraft withSource = new EntryDraft(d.sectionId(), d.journalCode(), d.date(), d.label(), d.voucherRef(),
                    new Source(request.kind(), ref), d.lines());
            if (d.sectionId() != sectionId) {
                rejections.add(Rejection.of(RejectionCode.SYNC_WRONG_SECTION, d.sectionId()).withReference(ref));
            } else if (d.source() != null && !d.source().equals(withSource.source())) {
                rejections.add(Rejection.of(RejectionCode.SYNC_WRONG_SOURCE, d.source().kind(), d.source().reference()).withReference(ref));
            } else if (d.date() != null && (d.date().isBefore(request.from()) || d.date().isAfter(request.to()))) {
                rejections.add(Rejection.of(RejectionCode.SYNC_OUTSIDE_PERIOD, d.date(), request.from(), request.to()).withReference(ref));
            }
            drafts.put(ref, withSource);
        });
        // the section's years are needed even with no draft, to reverse its validated entries
        DraftChecker.Batch batch = checker.batch(drafts.values(), sectionId);
        drafts.forEach((ref, d) -> batch.check(d).forEach(r -> rejections.add(r.withReference(ref))));

        Map<String, Long> current = new LinkedHashMap<>(store.currentInPeriod(sectionId, request.kind(), request.from(), request.to()));
        store.currentFor(sectionId, request.kind(), drafts.keySet()).forEach(current::putIfAbsent);
        Map<Long, Entry> existing = new HashMap<>();
        store.findAll(current.values()).forEach(e -> existing.put(e.id(), e));

        Set<String> rejected = new HashSet<>();
        rejections.forEach(r -> rejected.add(r.reference()));
        List<SyncItem> plan = new ArrayList<>();
        for (Map.Entry<String, EntryDraft> d : drafts.entrySet()) {
            String ref = d.getKey();
            if (rejected.contains(ref)) {
                continue;
            }
            Long oldId = current.get(ref);
            if (oldId == null) {
                plan.add(new SyncItem(ref, SyncOutcome.CREATED, List.of(), null, null, null, false));
                continue;
            }
            Entry old = existing.get(oldId);
            List<String> changed = differences(old, d.getValue());
            SyncOutcome outcome = changed.isEmpty() ? SyncOutcome.UNCHANGED
                    : old.frozen() ? SyncOutcome.REVERSED_AND_REPLACED : SyncOutcome.CHANGED;
            plan.add(new SyncItem(ref, outcome, changed, oldId, oldId, null, false));
        }
        for (Map.Entry<String, Long> c : current.entrySet()) {
            if (!drafts.containsKey(c.getKey())) {
                Entry old = existing.get(c.getValue());
                if (old.frozen() && batch.year(sectionId, old.date()).map(FiscalYear::closed).orElse(true)) {
                    rejections.add(Rejection.of(RejectionCode.SYNC_CLOSED_YEAR, old.displayNumber(), old.date()).withReference(c.getKey()));
                    continue;
                }
                plan.add(new SyncItem(c.getKey(), old.frozen() ? SyncOutcome.REVERSED : SyncOutcome.DELETED, List.of(),
                        old.id(), null, null, false));
            }
        }
        List<Rejection> blocking = rejections.stream().filter(r -> r.reference() == null || request.isSelected(r.reference())).toList();
        if (request.dryRun()) {
            return new SyncReport(true, plan, rejections);
        }
        if (!blocking.isEmpty()) {
            throw new RejectedException(blocking);
        }
        List<SyncItem> done = apply(request, drafts, existing, plan, batch);
        SyncReport report = new SyncReport(false, done, rejections);
        if (report.written() > 0) {
            changes.record(sectionId, "SYNC", "source", request.kind(), null, Map.of("from", request.from().toString(),
                    "to", request.to().toString(), "counts", report.counts(),
                    "items", done.stream().filter(i -> i.applied() && i.outcome() != SyncOutcome.UNCHANGED)
                            .map(i -> i.reference() + ":" + i.outcome()).limit(10_000).toList()));
        }
        return report;
    }

    private List<SyncItem> apply(SyncRequest request, Map<String, EntryDraft> drafts, Map<Long, Entry> existing,
            List<SyncItem> plan, DraftChecker.Batch batch) {
        long sectionId = request.sectionId();
        Instant now = clock.instant();
        String actor = access.actor();
        // the report keeps the plan's order, so that a dry run and the real run read the same
        SyncItem[] done = new SyncItem[plan.size()];
        List<Integer> creations = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            SyncItem item = plan.get(i);
            if (!request.isSelected(item.reference()) || item.outcome() == SyncOutcome.UNCHANGED) {
                done[i] = item;
                continue;
            }
            Entry old = item.entryId() == null ? null : existing.get(item.entryId());
            EntryDraft draft = drafts.get(item.reference());
            switch (item.outcome()) {
                case CREATED -> creations.add(i);
                case CHANGED -> {
                    store.replace(old, new NewEntry(old.id(), draft, batch.journal(draft.journalCode()).id(),
                            batch.year(sectionId, draft.date()).orElseThrow().id(), EntryStatus.POSTED, old.source(), false,
                            null, store.restatesBalances(old), old.createdAt(), old.createdBy()));
                    done[i] = applied(item, old.id(), null);
                }
                case DELETED -> {
                    store.delete(old);
                    done[i] = applied(item, null, null);
                }
                case REVERSED -> {
                    checkReversible(old);
                    Entry reversal = postReversal(old, old.date(), null);
                    store.unregisterSource(sectionId, old.source().kind(), old.source().reference());
                    done[i] = applied(item, null, reversal.id());
                }
                case REVERSED_AND_REPLACED -> {
                    checkReversible(old);
                    Entry reversal = postReversal(old, draft.date(), null);
                    store.unregisterSource(sectionId, old.source().kind(), old.source().reference());
                    long id = store.allocateIds(1);
                    store.insert(List.of(newEntry(batch, id, draft, EntryStatus.POSTED, null, now, actor)));
                    done[i] = applied(item, id, reversal.id());
                }
                default -> throw new IllegalStateException(item.outcome().name());
            }
        }
        if (!creations.isEmpty()) {
            long first = store.allocateIds(creations.size());
            List<NewEntry> entries = new ArrayList<>(creations.size());
            for (int c = 0; c < creations.size(); c++) {
                int i = creations.get(c);
                entries.add(newEntry(batch, first + c, drafts.get(plan.get(i).reference()), EntryStatus.POSTED, null, now, actor));
                done[i] = applied(plan.get(i), first + c, null);
            }
            store.insert(entries);
        }
        return List.of(done);
    }

    private static SyncItem applied(SyncItem item, Long newEntryId, Long reversalId) {
        return new SyncItem(item.reference(), item.outcome(), item.changedFields(), item.entryId(), newEntryId, reversalId, true);
    }

    /** The fields in which a stored entry differs from what its source says now. */
    static List<String> differences(Entry old, EntryDraft now) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(old.journalCode(), now.journalCode())) {
            out.add("journal");
        }
        if (!Objects.equals(old.date(), now.date())) {
            out.add("date");
        }
        if (!Objects.equals(old.label(), now.label())) {
            out.add("label");
        }
        if (!Objects.equals(blankToNull(old.voucherRef()), blankToNull(now.voucherRef()))) {
            out.add("voucher");
        }
        List<LineDraft> oldLines = toDraft(old).lines();
        List<LineDraft> newLines = now.lines().stream()
                .map(l -> new LineDraft(l.accountId(), l.amountCents(), blankToNull(l.label()), blankToNull(l.analyticCode()))).toList();
        List<LineDraft> oldNormalised = oldLines.stream()
                .map(l -> new LineDraft(l.accountId(), l.amountCents(), blankToNull(l.label()), blankToNull(l.analyticCode()))).toList();
        if (!oldNormalised.equals(newLines)) {
            out.add("lines");
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
