package org.envol.openflyers;

import org.envol.ledger.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * An OpenFlyers refusal as the REST API answers it, the same for the balances and the journal:
 * 422 problem details with the message in {@code detail} and its key in {@code code}, which a
 * scheduled job can test without reading French.
 */
final class OpenFlyersProblems {

    private OpenFlyersProblems() {
    }

    static ProblemDetail refused(Messages messages, OpenFlyersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.get(e.key(), e.args().toArray()));
        problem.setTitle(messages.get("problem.title.422"));
        problem.setProperty("code", e.key());
        return problem;
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
