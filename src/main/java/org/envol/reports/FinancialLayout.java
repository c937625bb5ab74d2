package org.envol.reports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a financial statement (income statement, balance sheet) as data: headings, lines
 * fed by account codes, and sums of lines. Each balance goes to the one line whose prefix is the
 * longest that matches its code (and accepts its sign: a member who owes is an asset, one who
 * paid in advance a liability), so a general prefix ({@code 6}) catches what the specific ones
 * ({@code 657}, {@code 66}) leave.
 */
final class FinancialLayout {

    /** Where a line's amount is read: the debit balance (charges, assets) or the credit balance (income, liabilities). */
    enum Side {
        DEBIT, CREDIT;

        long amount(long balanceCents) {
            return this == DEBIT ? balanceCents : -balanceCents;
        }
    }

    /** Which balances a line takes: any, only debit balances, only credit balances. */
    enum When {
        ANY, DEBIT_BALANCE, CREDIT_BALANCE;

        boolean accepts(long balanceCents) {
            return this == ANY || (this == DEBIT_BALANCE ? balanceCents > 0 : balanceCents < 0);
        }
    }

    sealed interface Part permits Heading, Item, Sum {
        String key();
    }

    /** A heading (« PRODUITS D’EXPLOITATION »). */
    record Heading(String key) implements Part {
    }

    /**
     * A line: the balances of the accounts whose code starts with one of its prefixes; a line with
     * no prefix takes a value the report computes (the year's result on the balance sheet).
     * A line is shown when it has an amount in either column, or {@code always}.
     */
    record Item(String key, Side side, When when, boolean always, List<String> prefixes) implements Part {

        Item {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** A subtotal or total: the sum of other parts, each with a sign (+1 or -1). */
    record Sum(String key, Report.Style style, Map<String, Integer> terms) implements Part {

        Sum {
            terms = Map.copyOf(terms);
        }
    }

    /** A balance to place: an account code and its balance (debit positive). */
    record Balance(String code, long cents) {
    }

    private final List<Part> parts;

    FinancialLayout(List<Part> parts) {
        this.parts = List.copyOf(parts);
        Map<String, Part> byKey = new HashMap<>();
        for (Part p : parts) {
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException("two parts " + p.key());
            }
            if (p instanceof Sum sum) {
                for (String term : sum.terms().keySet()) {
                    if (!byKey.containsKey(term) || byKey.get(term) instanceof Heading) {
                        throw new IllegalArgumentException(sum.key() + " sums " + term + ", not an earlier line or sum");
                    }
                }
            }
        }
    }

    List<Part> parts() {
        return parts;
    }

    /** The line a balance goes to, or null when no line takes it. */
    Item lineFor(String code, long cents) {
        Item best = null;
        int bestLength = -1;
        for (Part p : parts) {
            if (p instanceof Item item && item.when().accepts(cents)) {
                for (String prefix : item.prefixes()) {
                    if (code.startsWith(prefix) && prefix.length() > bestLength) {
                        best = item;
                        bestLength = prefix.length();
                    }
                }
            }
        }
        return best;
    }

    /**
     * The amount of every line and sum: balances placed on their lines ({@code computed} gives
     * the value of lines without prefix and is added to lines that have some). A balance no line
     * takes is an error in the layout.
     */
    Map<String, Long> evaluate(List<Balance> balances, Map<String, Long> computed) {
        Map<String, Long> values = new HashMap<>();
        for (Balance b : balances) {
            if (b.cents() == 0) {
                continue;
            }
            Item line = lineFor(b.code(), b.cents());
            if (line == null) {
                throw new IllegalStateException("no line of the layout takes account code " + b.code());
            }
            values.merge(line.key(), line.side().amount(b.cents()), Math::addExact);
        }
        computed.forEach((key, cents) -> values.merge(key, cents, Math::addExact));
        for (Part p : parts) {
            if (p instanceof Sum sum) {
                long total = 0;
                for (Map.Entry<String, Integer> t : sum.terms().entrySet()) {
                    total = Math.addExact(total, t.getValue() * values.getOrDefault(t.getKey(), 0L));
                }
                values.put(sum.key(), total);
            }
        }
        return values;
    }

    // ---- building a layout

    static Heading heading(String key) {
        return new Heading(key);
    }

    static Item line(String key, Side side, String... prefixes) {
        return new Item(key, side, When.ANY, false, Arrays.asList(prefixes));
    }

    /** A line shown even when it is zero (the numbered lines of the model: III, IV…). */
    static Item always(String key, Side side, String... prefixes) {
        return new Item(key, side, When.ANY, true, Arrays.asList(prefixes));
    }

    static Item line(String key, Side side, When when, String... prefixes) {
        return new Item(key, side, when, false, Arrays.asList(prefixes));
    }

    /** {@code sum("x", SUBTOTAL, "a", "b", "-c")}: a + b − c. */
    static Sum sum(String key, Report.Style style, String... terms) {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        for (String t : terms) {
            if (t.startsWith("-")) {
                map.put(t.substring(1), -1);
            } else {
                map.put(t, 1);
            }
        }
        return new Sum(key, style, map);
    }
}
