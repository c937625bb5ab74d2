package org.envol.guided;

import java.util.List;
import org.envol.ledger.Rejection;
import org.envol.ledger.RejectionCode;

/**
 * Why a guided entry was refused, and the form's field it is about ({@code date}, {@code amount},
 * a slot's name, {@code reference}, {@code label}, {@code paymentMode}, {@code targetSection}, or
 * {@code entry} for the whole). The code is the ledger's ({@link RejectionCode}) where one fits,
 * else the screens' own ({@link GuidedCode}). {@code section} names the other section when the
 * refusal is about its entry (a transfer between sections), else null.
 */
public record Refusal(String field, Enum<?> code, List<Object> args, String section) {

    public Refusal {
        if (!(code instanceof RejectionCode) && !(code instanceof GuidedCode)) {
            throw new IllegalArgumentException("a ledger or guided code: " + code);
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Refusal of(String field, GuidedCode code, Object... args) {
        return new Refusal(field, code, List.of(args), null);
    }

    static Refusal of(String field, RejectionCode code, Object... args) {
        return new Refusal(field, code, List.of(args), null);
    }

    /** A ledger rejection on this field (its place in a batch dropped: the field says where). */
    static Refusal ledger(String field, Rejection r, String section) {
        return new Refusal(field, r.code(), r.args(), section);
    }

    public String messageKey() {
        return (code instanceof RejectionCode ? "rejection." : "guided.rejection.") + code.name();
    }
}
