package org.envol.members;

import java.time.LocalDate;
import java.util.Locale;

/** What a form or an import line says about a member; {@link #normalized()} is what is stored. */
public record MemberData(String lastName, String firstName, String email, LocalDate birthDate, Long payerId) {

    /** Names trimmed with single spaces, the e-mail trimmed and lower-case; blanks are null. */
    public MemberData normalized() {
        return new MemberData(clean(lastName), clean(firstName), email == null || email.isBlank() ? null
                : email.strip().toLowerCase(Locale.ROOT), birthDate, payerId);
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    static MemberData of(Member m) {
        return new MemberData(m.lastName(), m.firstName(), m.email(), m.birthDate(), m.payerId());
    }

    MemberData withPayer(Long payer) {
        return new MemberData(lastName, firstName, email, birthDate, payer);
    }
}
