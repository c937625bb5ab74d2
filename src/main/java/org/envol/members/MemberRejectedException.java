package org.envol.members;

import java.util.List;

/** Carries the broken rules to the page or the command line; nothing was written when it is thrown. */
public class MemberRejectedException extends RuntimeException {

    private final transient List<MemberProblem> problems;

    public MemberRejectedException(List<MemberProblem> problems) {
        super(problems.stream().map(p -> p.rule() + (p.args().isEmpty() ? "" : " " + p.args())).toList().toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one reason");
        }
        this.problems = List.copyOf(problems);
    }

    public MemberRejectedException(MemberRule rule, Object... args) {
        this(List.of(MemberProblem.of(rule, args)));
    }

    public List<MemberProblem> problems() {
        return problems;
    }

    public boolean has(MemberRule rule) {
        return problems.stream().anyMatch(p -> p.rule() == rule);
    }
}
