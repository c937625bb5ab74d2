package org.envol.guided;

import java.util.List;
import org.envol.ledger.Account;

/**
 * One account a guided screen asks for: the form's field ({@code name}), the chart codes it
 * accepts (an account fits when its code starts with one of them) and the section it lives in.
 */
public record Slot(String name, Side side, List<String> prefixes) {

    /** The section of the screen, or the other section of a transfer between sections. */
    public enum Side {
        HOME, TARGET
    }

    public Slot {
        prefixes = List.copyOf(prefixes);
    }

    static Slot home(String name, String... prefixes) {
        return new Slot(name, Side.HOME, List.of(prefixes));
    }

    static Slot target(String name, String... prefixes) {
        return new Slot(name, Side.TARGET, List.of(prefixes));
    }

    public boolean accepts(Account account) {
        return accepts(account.code(), prefixes);
    }

    static boolean accepts(String code, List<String> prefixes) {
        return prefixes.stream().anyMatch(code::startsWith);
    }

    /** « 512, 530 » for messages. */
    public String prefixList() {
        return String.join(", ", prefixes);
    }
}
