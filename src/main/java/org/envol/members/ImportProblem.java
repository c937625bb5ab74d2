package org.envol.members;

/** A problem of a member list, at its line of the file (0: the whole file). */
public record ImportProblem(int line, MemberProblem problem) {

    static ImportProblem at(int line, MemberRule rule, Object... args) {
        return new ImportProblem(line, MemberProblem.of(rule, args));
    }
}
