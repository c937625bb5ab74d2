package org.envol.guided;

/** One entry a guided screen posts: the amount debited to one slot's account and credited to another's. */
public record Leg(Slot debit, Slot credit) {

    public Leg {
        if (debit.side() != credit.side()) {
            throw new IllegalArgumentException("an entry stays in one section");
        }
    }

    public Slot.Side side() {
        return debit.side();
    }
}
