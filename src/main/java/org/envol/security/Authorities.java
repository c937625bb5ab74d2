package org.envol.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The granted authorities Envol gives a signed-in user, built from his or her roles:
 * {@code ROLE_ADMIN}; {@code SECTION_<id>_<ROLE>} per section, or {@code SECTION_ALL_<ROLE>}
 * for a club-wide role; {@code ACCOUNT_<id>} for each account a member owns.
 */
public final class Authorities {

    private Authorities() {
    }

    public static final String ADMIN = "ROLE_ADMIN";
    public static final String ALL = "ALL";

    public static String section(Long sectionId, Role role) {
        return "SECTION_" + (sectionId == null ? ALL : sectionId) + "_" + role.name();
    }

    public static String account(long accountId) {
        return "ACCOUNT_" + accountId;
    }

    /** The authorities of a user with these roles and these member accounts, in a stable order. */
    public static List<String> of(Collection<Grant> grants, Collection<Long> accountIds) {
        List<String> authorities = new ArrayList<>();
        for (Grant g : grants) {
            authorities.add(g.role() == Role.ADMIN ? ADMIN : section(g.sectionId(), g.role()));
        }
        accountIds.forEach(id -> authorities.add(account(id)));
        return authorities;
    }
}
