package org.envol.guided;

import java.util.List;

/** A guided entry was refused: every reason, each on its field. Nothing was written. */
public class GuidedRejectedException extends RuntimeException {

    private final List<Refusal> refusals;

    public GuidedRejectedException(List<Refusal> refusals) {
        super(refusals.stream().map(r -> r.field() + ":" + r.code() + (r.args().isEmpty() ? "" : " " + r.args())).toList().toString());
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one reason");
        }
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    public boolean has(Enum<?> code) {
        return refusals.stream().anyMatch(r -> r.code() == code);
    }

    /** Whether this code was given on this field. */
    public boolean has(String field, Enum<?> code) {
        return refusals.stream().anyMatch(r -> r.code() == code && r.field().equals(field));
    }
}
