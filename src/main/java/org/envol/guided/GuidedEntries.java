package org.envol.guided;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.LedgerService;
import org.envol.ledger.Limits;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Rejection;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.Source;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guided entry screens' one service: it offers each screen only the accounts that make sense
 * ({@link #choices}), reads what the user typed, refuses what does not fit the kind — every
 * reason on its field — and hands balanced drafts to {@link LedgerService}, which checks them
 * again and writes them (several entries all together or none). Who may write is the ledger's
 * rule: the treasurer of the section, of both sections for a transfer between them, or a
 * club-wide treasurer or admin.
 */
@Service
public class GuidedEntries {

    /** Strict: 31/02 is refused, never turned into the 28th. */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Placeholder amount when the typed one could not be read: the ledger is then asked only about the entry as a whole. */
    private static final long UNREAD_AMOUNT = 1;

    private final LedgerService ledger;
    private final AccountService accounts;
    private final BalanceService balances;
    private final SectionService sections;
    private final LedgerAccess access;
    private final Messages messages;
    private final Clock clock;

    GuidedEntries(LedgerService ledger, AccountService accounts, BalanceService balances, SectionService sections,
            LedgerAccess access, Messages messages, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.balances = balances;
        this.sections = sections;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    /** The screens offered in a section: all of them, to whoever writes there. */
    public List<GuidedKind> kinds(long sectionId) {
        access.requireWrite(sectionId);
        return List.of(GuidedKind.values());
    }

    /**
     * The active accounts each slot of the screen accepts. For a transfer between sections, the
     * sections the user also writes in, and the accounts of the chosen one; for a refund, only the
     * members with a credit balance today, and that balance.
     */
    @Transactional(readOnly = true)
    public GuidedChoices choices(GuidedKind kind, long sectionId, Long targetSectionId) {
        access.requireWrite(sectionId);
        Section section = sections.get(sectionId);
        List<Section> targets = kind.betweenSections() ? otherWritableSections(sectionId) : List.of();
        Section target = targets.stream().filter(s -> targetSectionId != null && s.id() == targetSectionId).findFirst().orElse(null);
        List<Account> home = active(sectionId);
        List<Account> there = target == null ? List.of() : active(target.id());
        Map<Long, Long> credit = new HashMap<>();
        if (kind.boundedByMemberCredit()) {
            balances.accountBalances(sectionId, today()).forEach((id, cents) -> {
                if (cents < 0) {
                    credit.put(id, -cents);
                }
            });
        }
        Map<String, List<Account>> bySlot = new LinkedHashMap<>();
        for (Slot slot : kind.slots()) {
            bySlot.put(slot.name(), (slot.side() == Slot.Side.HOME ? home : there).stream().filter(slot::accepts)
                    .filter(a -> !kind.boundedByMemberCredit() || !isMemberSlot(slot) || credit.containsKey(a.id()))
                    .toList());
        }
        return new GuidedChoices(kind, section, bySlot, targets, target, credit);
    }

    private List<Account> active(long sectionId) {
        return accounts.list(sectionId).stream().filter(Account::active).toList();
    }

    /** The sections, other than this one, in which the user may also write. */
    private List<Section> otherWritableSections(long sectionId) {
        return sections.readable().stream().filter(s -> s.id() != sectionId && writes(s.id())).toList();
    }

    private boolean writes(long sectionId) {
        try {
            access.requireWrite(sectionId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Checks the request against its kind and posts its entries. Throws
     * {@link GuidedRejectedException} with every reason (nothing written), or the ledger's
     * {@code AccessDeniedException} when the user may not write in a section concerned.
     */
    @Transactional
    public GuidedResult post(long sectionId, GuidedRequest request) {
        GuidedKind kind = request.kind();
        access.requireWrite(sectionId);
        Section home = sections.get(sectionId);
        List<Refusal> refusals = new ArrayList<>();
        Section target = kind.betweenSections() ? target(sectionId, request.targetSectionId(), refusals) : null;
        LocalDate date = readDate(request.date(), refusals);
        Long amount = readAmount(kind, request.amount(), refusals);
        Map<String, Account> chosen = readAccounts(kind, home, target, request, refusals);
        String reference = blankToNull(request.reference());
        if (kind.asksPaymentMode()) {
            checkPaymentMode(kind, request.paymentMode(), reference, chosen, refusals);
        }
        if (kind.boundedByMemberCredit()) {
            amount = boundByCredit(kind, date, amount, chosen, refusals);
        }
        String label = blankToNull(request.label());
        if (label == null) {
            label = defaultLabel(kind, home, target, chosen);
        }
        Source source = kind.betweenSections() ? new Source(GuidedKind.SECTION_TRANSFER_SOURCE, newTransferReference()) : null;
        if (kind.betweenSections() && reference == null) {
            reference = source.reference();
        }
        List<EntryDraft> drafts = new ArrayList<>();
        for (Leg leg : kind.legs()) {
            Account debit = chosen.get(leg.debit().name());
            Account credit = chosen.get(leg.credit().name());
            long legSection = leg.side() == Slot.Side.HOME || target == null ? sectionId : target.id();
            long cents = amount == null ? UNREAD_AMOUNT : amount;
            drafts.add(new EntryDraft(legSection, debit == null || credit == null ? "OD" : GuidedKind.journalFor(debit, credit),
                    date, label, reference, source, List.of(
                            new LineDraft(debit == null ? null : debit.id(), cents, null, null),
                            new LineDraft(credit == null ? null : credit.id(), -cents, null, null))));
        }
        if (!refusals.isEmpty()) {
            // what the ledger says of the entries as a whole (date, label, reference) is shown at once too
            // (a field already refused is not refused twice)
            List<String> refused = refusals.stream().map(Refusal::field).toList();
            for (int i = 0; i < drafts.size(); i++) {
                for (Rejection r : ledger.check(drafts.get(i))) {
                    Refusal refusal = refusal(r, kind.legs().get(i), target);
                    if (r.lineNo() == 0 && r.code() != RejectionCode.UNBALANCED && !refused.contains(refusal.field())) {
                        refusals.add(refusal);
                    }
                }
            }
            throw new GuidedRejectedException(refusals.stream().distinct().toList());
        }
        List<Long> ids;
        try {
            ids = drafts.size() == 1 ? List.of(ledger.post(drafts.get(0)).id()) : ledger.postAll(drafts);
        } catch (RejectedException e) {
            throw new GuidedRejectedException(e.rejections().stream().map(r -> refusal(r, legOf(kind, r), target)).distinct().toList());
        }
        List<Entry> posted = ids.stream().map(ledger::get).toList();
        return new GuidedResult(posted, source == null ? null : source.reference());
    }

    // ---- reading what was typed

    private Section target(long sectionId, Long targetId, List<Refusal> refusals) {
        if (targetId == null) {
            refusals.add(Refusal.of("targetSection", GuidedCode.TARGET_SECTION_MISSING));
            return null;
        }
        if (targetId == sectionId) {
            refusals.add(Refusal.of("targetSection", GuidedCode.TARGET_SECTION_SAME));
            return null;
        }
        Optional<Section> target = sections.find(targetId);
        if (target.isEmpty()) {
            refusals.add(Refusal.of("targetSection", RejectionCode.SECTION_UNKNOWN, targetId));
            return null;
        }
        access.requireWrite(targetId);
        return target.get();
    }

    private static LocalDate readDate(String text, List<Refusal> refusals) {
        if (text == null || text.isBlank()) {
            refusals.add(Refusal.of("date", RejectionCode.DATE_MISSING));
            return null;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, FRENCH_DATE)) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        refusals.add(Refusal.of("date", GuidedCode.DATE_INVALID, text.strip()));
        return null;
    }

    /** The amount in cents; null when unread, or left blank for a refund (then the member's credit). */
    private static Long readAmount(GuidedKind kind, String text, List<Refusal> refusals) {
        if (text == null || text.isBlank()) {
            if (!kind.boundedByMemberCredit()) {
                refusals.add(Refusal.of("amount", GuidedCode.AMOUNT_MISSING));
            }
            return null;
        }
        Optional<Long> cents = Money.parse(text);
        if (cents.isEmpty()) {
            refusals.add(Refusal.of("amount", GuidedCode.AMOUNT_INVALID, text.strip()));
            return null;
        }
        if (cents.get() <= 0) {
            refusals.add(Refusal.of("amount", GuidedCode.AMOUNT_NOT_POSITIVE, new Money.Cents(cents.get())));
            return null;
        }
        if (cents.get() > Limits.AMOUNT_MAX_CENTS) {
            refusals.add(Refusal.of("amount", GuidedCode.AMOUNT_TOO_LARGE, new Money.Cents(Limits.AMOUNT_MAX_CENTS)));
            return null;
        }
        return cents.get();
    }

    /** The chosen account of each slot that fits it: of the slot's section, of an accepted code, open, not chosen twice. */
    private Map<String, Account> readAccounts(GuidedKind kind, Section home, Section target, GuidedRequest request,
            List<Refusal> refusals) {
        Map<Long, Account> homeAccounts = byId(accounts.list(home.id()));
        Map<Long, Account> targetAccounts = target == null ? Map.of() : byId(accounts.list(target.id()));
        Map<String, Account> chosen = new LinkedHashMap<>();
        for (Slot slot : kind.slots()) {
            Long id = request.account(slot.name());
            boolean atHome = slot.side() == Slot.Side.HOME;
            if (!atHome && target == null) {
                continue; // the missing section is said once, on its own field
            }
            if (id == null) {
                refusals.add(Refusal.of(slot.name(), GuidedCode.ACCOUNT_MISSING));
                continue;
            }
            Account account = (atHome ? homeAccounts : targetAccounts).get(id);
            if (account == null) {
                refusals.add(Refusal.of(slot.name(), GuidedCode.ACCOUNT_NOT_IN_SECTION, id, (atHome ? home : target).name()));
            } else if (!slot.accepts(account)) {
                refusals.add(Refusal.of(slot.name(), GuidedCode.ACCOUNT_NOT_ALLOWED, account.display(), slot.prefixList()));
            } else if (!account.active()) {
                refusals.add(Refusal.of(slot.name(), GuidedCode.ACCOUNT_CLOSED, account.display()));
            } else if (chosen.values().stream().anyMatch(a -> a.id() == account.id())) {
                refusals.add(Refusal.of(slot.name(), GuidedCode.SAME_ACCOUNT, account.display()));
            } else {
                chosen.put(slot.name(), account);
            }
        }
        return chosen;
    }

    private static Map<Long, Account> byId(List<Account> list) {
        return list.stream().collect(Collectors.toMap(Account::id, Function.identity()));
    }

    private static void checkPaymentMode(GuidedKind kind, PaymentMode mode, String reference, Map<String, Account> chosen,
            List<Refusal> refusals) {
        if (mode == null) {
            refusals.add(Refusal.of("paymentMode", GuidedCode.PAYMENT_MODE_MISSING));
            return;
        }
        if (mode.referenceRequired() && reference == null) {
            refusals.add(Refusal.of("reference", mode == PaymentMode.CHEQUE ? GuidedCode.CHEQUE_NUMBER_MISSING
                    : GuidedCode.TRANSFER_REFERENCE_MISSING));
        }
        Slot treasury = treasurySlot(kind);
        Account account = chosen.get(treasury.name());
        if (account != null && !Slot.accepts(account.code(), mode.treasuryPrefixes())) {
            refusals.add(Refusal.of(treasury.name(), GuidedCode.PAYMENT_MODE_ACCOUNT, account.display(),
                    String.join(", ", mode.treasuryPrefixes())));
        }
    }

    /** Where a member's money goes: the debited slot of a member payment. */
    private static Slot treasurySlot(GuidedKind kind) {
        return kind.legs().get(0).debit();
    }

    private static boolean isMemberSlot(Slot slot) {
        return Slot.accepts("411", slot.prefixes());
    }

    /**
     * A refund gives back at most what the member has on account: the credit balance once every
     * entry known up to the refund's date (or today, if later) is counted.
     */
    private Long boundByCredit(GuidedKind kind, LocalDate date, Long amount, Map<String, Account> chosen, List<Refusal> refusals) {
        Slot memberSlot = kind.slots().stream().filter(GuidedEntries::isMemberSlot).findFirst().orElseThrow();
        Account member = chosen.get(memberSlot.name());
        if (member == null) {
            return amount;
        }
        LocalDate at = date == null || date.isBefore(today()) ? today() : date;
        long creditCents = -balances.balanceCents(member.id(), at);
        if (creditCents <= 0) {
            refusals.add(Refusal.of(memberSlot.name(), GuidedCode.MEMBER_NO_CREDIT, member.display()));
            return amount;
        }
        boolean amountUnread = refusals.stream().anyMatch(r -> r.field().equals("amount"));
        if (amount == null && !amountUnread) {
            return creditCents;
        }
        if (amount != null && amount > creditCents) {
            refusals.add(Refusal.of("amount", GuidedCode.REFUND_ABOVE_CREDIT, new Money.Cents(amount), new Money.Cents(creditCents),
                    member.display()));
        }
        return amount;
    }

    /**
     * A label when none was typed, in the user's language: {0} this section, {1} the other
     * section (transfers), then the chosen accounts' labels in the order of the slots.
     */
    private String defaultLabel(GuidedKind kind, Section home, Section target, Map<String, Account> chosen) {
        List<Object> args = new ArrayList<>(Arrays.asList(home.name(), target == null ? "" : target.name()));
        kind.slots().forEach(s -> args.add(chosen.containsKey(s.name()) ? chosen.get(s.name()).label() : ""));
        String label = messages.get("guided.label." + kind.name(), args.toArray()).strip();
        return label.length() > Limits.LABEL_MAX ? label.substring(0, Limits.LABEL_MAX) : label;
    }

    private static String newTransferReference() {
        return "VS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    // ---- the ledger's rejections, on the form's fields

    /** The leg a ledger rejection is about: its place in the batch (1-based), the only leg otherwise. */
    private static Leg legOf(GuidedKind kind, Rejection r) {
        if (r.reference() != null && r.reference().matches("\\d+")) {
            int i = Integer.parseInt(r.reference()) - 1;
            if (i >= 0 && i < kind.legs().size()) {
                return kind.legs().get(i);
            }
        }
        return kind.legs().get(0);
    }

    private static Refusal refusal(Rejection r, Leg leg, Section target) {
        return Refusal.ledger(field(r, leg), r, leg.side() == Slot.Side.TARGET && target != null ? target.name() : null);
    }

    /** Line 1 of an entry is its debit, line 2 its credit. */
    private static String field(Rejection r, Leg leg) {
        if (r.lineNo() > 0) {
            return switch (r.code()) {
                case LINE_ZERO, LINE_AMOUNT_TOO_LARGE -> "amount";
                default -> r.lineNo() == 1 ? leg.debit().name() : leg.credit().name();
            };
        }
        return switch (r.code()) {
            case DATE_MISSING, NO_FISCAL_YEAR, FISCAL_YEAR_CLOSED -> "date";
            case LABEL_MISSING, LABEL_TOO_LONG -> "label";
            case VOUCHER_TOO_LONG -> "reference";
            default -> "entry";
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
