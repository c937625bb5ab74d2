package org.envol.ledger;

import java.util.List;

/**
 * A user's mistake, as a value: a code, the arguments of its message, and where it is
 * ({@code lineNo} is the 1-based line of the entry, 0 when the whole entry or object is at fault;
 * {@code reference} names the source reference or file line when the draft came from one).
 */
public record Rejection(RejectionCode code, List<Object> args, int lineNo, String reference) {

    public Rejection {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Rejection of(RejectionCode code, Object... args) {
        return new Rejection(code, List.of(args), 0, null);
    }

    public static Rejection atLine(int lineNo, RejectionCode code, Object... args) {
        return new Rejection(code, List.of(args), lineNo, null);
    }

    public Rejection withReference(String reference) {
        return new Rejection(code, args, lineNo, reference);
    }

    public String messageKey() {
        return "rejection." + code.name();
    }
}
