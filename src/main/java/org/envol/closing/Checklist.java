package org.envol.closing;

import java.util.List;

/** What must hold before a year is closed, item by item; the closing is validated only when every item passes. */
public record Checklist(List<Item> items) {

    public Checklist {
        items = List.copyOf(items);
    }

    /** The rules, in the order they are shown. */
    public enum Check {
        /** The year is not closed already. */
        YEAR_OPEN,
        /** Its last day is past: nothing more can happen in it. */
        YEAR_ENDED,
        /** Every earlier year is closed: years close in order, each carrying its result to the next. */
        EARLIER_YEARS_CLOSED,
        /** The following year, if it exists, starts the day after and is open: the opening entries go there. */
        NEXT_YEAR_OPEN,
        /** No draft and no entry posted but not validated in the year. */
        ALL_VALIDATED,
        /** The suspense account(s) 471… are at zero at the end of the year. */
        SUSPENSE_ZERO,
        /** Each bank account's (512…) balance at the end of the year is confirmed by the treasurer, and unchanged since. */
        BANK_CONFIRMED,
        /** Accounts of classes 8 and 9 balance among themselves, so that classes 1 to 5 do too. */
        OTHER_CLASSES_BALANCED
    }

    /**
     * One item: passed or not, its text; for a bank account, the account and its balance at the
     * end of the year (what a confirmation records).
     */
    public record Item(Check check, boolean passed, Notice notice, Long accountId, Long balanceCents) {

        static Item of(Check check, boolean passed, Notice notice) {
            return new Item(check, passed, notice, null, null);
        }
    }

    public boolean passed() {
        return items.stream().allMatch(Item::passed);
    }

    public List<Item> failures() {
        return items.stream().filter(i -> !i.passed()).toList();
    }
}
