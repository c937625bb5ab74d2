package org.envol.security;

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
}
