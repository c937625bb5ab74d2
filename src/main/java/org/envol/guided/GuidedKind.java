package org.envol.guided;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.envol.ledger.Account;

/**
 * The guided entry screens. Each names the accounts it asks for ({@link Slot}: the chart codes
 * each accepts) and the entries it posts ({@link Leg}: which slot is debited, which credited, all
 * for the one amount typed). The rules that only some kinds have are flags read by
 * {@link GuidedEntries}. See docs/guided-entries.md.
 */
public enum GuidedKind {

    /** A member pays the club: the member's account is credited, the money debited where it went. */
    MEMBER_PAYMENT(Flag.PAYMENT_MODE, legs(new Leg(Slots.PAYMENT_TREASURY, Slots.MEMBER))),
    /** The club pays an expense, from the bank or the cash box, or a member paid it (his account is credited). */
    EXPENSE(legs(new Leg(Slots.EXPENSE, Slots.PAYER))),
    /** Income not linked to flights (subscriptions, manuals, gifts…) into the bank or the cash box. */
    RECEIPT(legs(new Leg(Slots.TREASURY, Slots.INCOME))),
    /** A member who leaves gets his or her credit back: at most the credit balance, by default all of it. */
    MEMBER_REFUND(Flag.MEMBER_CREDIT, legs(new Leg(Slots.MEMBER, Slots.TREASURY))),
    /**
     * A third party pays a grant (« bourse ») for a member: the guide's two entries, neutral for the
     * result — bank ↔ income, then expense ↔ member — posted together or not at all.
     */
    GRANT(legs(new Leg(Slots.BANK, Slots.INCOME), new Leg(Slots.EXPENSE, Slots.MEMBER))),
    /** A supplier is paid from the bank. */
    SUPPLIER_PAYMENT(legs(new Leg(Slots.SUPPLIER, Slots.BANK))),
    /** Money moved between two of the section's bank and cash accounts, either way. */
    TREASURY_TRANSFER(legs(new Leg(Slots.TO, Slots.FROM))),
    /** Cheques (or cash) waiting to be deposited are paid into the bank. */
    CHEQUE_DEPOSIT(legs(new Leg(Slots.BANK, Slots.DEPOSITED))),
    /**
     * Money sent to another section through liaison accounts (467): in this section the liaison
     * is debited and the bank or cash credited; in the other, the reverse. Two entries, equal,
     * posted together, sharing one source reference.
     */
    SECTION_TRANSFER(legs(new Leg(Slots.LIAISON, Slots.TREASURY), new Leg(Slots.TARGET_TREASURY, Slots.TARGET_LIAISON)));

    /** The slots the kinds share. A name is a form field and a message key. */
    static final class Slots {
        static final Slot MEMBER = Slot.home("member", "411");
        static final Slot TREASURY = Slot.home("treasury", "512", "530");
        static final Slot PAYMENT_TREASURY = Slot.home("treasury", "512", "511", "530");
        static final Slot BANK = Slot.home("bank", "512");
        static final Slot EXPENSE = Slot.home("expense", "6");
        static final Slot INCOME = Slot.home("income", "7");
        static final Slot PAYER = Slot.home("payer", "512", "530", "411");
        static final Slot SUPPLIER = Slot.home("supplier", "401");
        static final Slot FROM = Slot.home("from", "512", "530");
        static final Slot TO = Slot.home("to", "512", "530");
        static final Slot DEPOSITED = Slot.home("deposited", "511", "530");
        static final Slot LIAISON = Slot.home("liaison", "467");
        static final Slot TARGET_TREASURY = Slot.target("targetTreasury", "512", "530");
        static final Slot TARGET_LIAISON = Slot.target("targetLiaison", "467");

        private Slots() {
        }
    }

    enum Flag {
        NONE,
        /** A payment mode, with the cheque number or transfer reference it requires. */
        PAYMENT_MODE,
        /** The amount is bounded by the member's credit balance, and is that balance when left blank. */
        MEMBER_CREDIT
    }

    /** The source kind of the two entries of a transfer between sections. */
    public static final String SECTION_TRANSFER_SOURCE = "section-transfer";

    private final Flag flag;
    private final List<Leg> legs;
    private final List<Slot> slots;

    GuidedKind(List<Leg> legs) {
        this(Flag.NONE, legs);
    }

    GuidedKind(Flag flag, List<Leg> legs) {
        this.flag = flag;
        this.legs = legs;
        List<Slot> s = new ArrayList<>();
        for (Leg leg : legs) {
            for (Slot slot : List.of(leg.debit(), leg.credit())) {
                if (!s.contains(slot)) {
                    s.add(slot);
                }
            }
        }
        this.slots = List.copyOf(s);
    }

    private static List<Leg> legs(Leg... legs) {
        return List.of(legs);
    }

    public List<Leg> legs() {
        return legs;
    }

    /** Every account the screen asks for, in the order of the entries' lines. */
    public List<Slot> slots() {
        return slots;
    }

    public Optional<Slot> slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean asksPaymentMode() {
        return flag == Flag.PAYMENT_MODE;
    }

    public boolean boundedByMemberCredit() {
        return flag == Flag.MEMBER_CREDIT;
    }

    public boolean betweenSections() {
        return slots.stream().anyMatch(s -> s.side() == Slot.Side.TARGET);
    }

    /** The address of the screen: {@code member-payment}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<GuidedKind> fromSlug(String slug) {
        for (GuidedKind k : values()) {
            if (k.slug().equals(slug)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The journal of an entry between two accounts: the cash journal when the cash box (53) is
     * in it, the bank journal when a bank or an account to be deposited (51) is, else
     * miscellaneous operations.
     */
    static String journalFor(Account debit, Account credit) {
        List<String> codes = List.of(debit.code(), credit.code());
        if (codes.stream().anyMatch(c -> c.startsWith("53"))) {
            return "CA";
        }
        if (codes.stream().anyMatch(c -> c.startsWith("51"))) {
            return "BQ";
        }
        return "OD";
    }
}
