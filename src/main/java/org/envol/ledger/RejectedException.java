package org.envol.ledger;

import java.util.List;

/**
 * Carries rejections from the ledger to the page, the API or the command line, which show each
 * one in the user's language. Nothing was written when it is thrown.
 */
public class RejectedException extends RuntimeException {

    private final List<Rejection> rejections;

    public RejectedException(List<Rejection> rejections) {
        super(rejections.stream().map(r -> r.code() + (r.args().isEmpty() ? "" : " " + r.args())).toList().toString());
        if (rejections.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one reason");
        }
        this.rejections = List.copyOf(rejections);
    }

    public RejectedException(Rejection rejection) {
        this(List.of(rejection));
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public boolean has(RejectionCode code) {
        return rejections.stream().anyMatch(r -> r.code() == code);
    }
}
