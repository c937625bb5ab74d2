package org.envol.members;

import java.util.List;

/** One broken rule, with the arguments of its message ({@code members.rule.CODE}). */
public record MemberProblem(MemberRule rule, List<Object> args) {

    public MemberProblem {
        args = List.copyOf(args);
    }

    public static MemberProblem of(MemberRule rule, Object... args) {
        return new MemberProblem(rule, List.of(args));
    }

    public String messageKey() {
        return "members.rule." + rule.name();
    }
}
