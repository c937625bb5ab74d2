package org.envol.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules of a member's own fields, the same for the form and the import (one place for each). */
final class MemberChecks {

    /** Something@domain.tld, without spaces: enough to catch a typing mistake, not a mail server's check. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private MemberChecks() {
    }

    /** What is wrong with the (normalized) fields, in the order of the form. */
    static List<MemberProblem> fields(MemberData d, LocalDate today) {
        List<MemberProblem> out = new ArrayList<>();
        if (d.lastName() == null) {
            out.add(MemberProblem.of(MemberRule.LAST_NAME_MISSING));
        } else if (d.lastName().length() > MemberLimits.NAME_MAX) {
            out.add(MemberProblem.of(MemberRule.NAME_TOO_LONG, MemberLimits.NAME_MAX));
        }
        if (d.firstName() == null) {
            out.add(MemberProblem.of(MemberRule.FIRST_NAME_MISSING));
        } else if (d.firstName().length() > MemberLimits.NAME_MAX) {
            out.add(MemberProblem.of(MemberRule.NAME_TOO_LONG, MemberLimits.NAME_MAX));
        }
        if (d.email() != null && (d.email().length() > MemberLimits.EMAIL_MAX || !EMAIL.matcher(d.email()).matches())) {
            out.add(MemberProblem.of(MemberRule.EMAIL_INVALID, d.email()));
        }
        if (d.birthDate() != null && (d.birthDate().getYear() < MemberLimits.BIRTH_YEAR_MIN || d.birthDate().isAfter(today))) {
            out.add(MemberProblem.of(MemberRule.BIRTH_DATE_OUT_OF_RANGE, d.birthDate()));
        }
        if (d.email() == null && d.birthDate() == null) {
            // without either, two homonyms could not be told apart (nor a re-import recognise them)
            out.add(MemberProblem.of(MemberRule.IDENTITY_MISSING));
        }
        return out;
    }
}
