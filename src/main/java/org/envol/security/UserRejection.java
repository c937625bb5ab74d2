package org.envol.security;

/**
 * A user's mistake about users, roles and tokens, one code per rule. Each has a message
 * {@code security.rejection.CODE} in i18n/security*.properties, with the arguments of its exception.
 */
public enum UserRejection {
    USERNAME_INVALID,
    USERNAME_TAKEN,
    USER_UNKNOWN,
    DISPLAY_NAME_TOO_LONG,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_LONG,
    PASSWORD_IS_USERNAME,
    PASSWORD_MISSING,
    PASSWORD_MISMATCH,
    CURRENT_PASSWORD_WRONG,
    CURRENT_PASSWORD_LOCKED,
    PASSWORD_CONFIRMATION_DIFFERS,
    PASSWORD_UNCHANGED,
    NO_TERMINAL,
    ROLE_UNKNOWN,
    ADMIN_CLUB_WIDE,
    SECTION_UNKNOWN,
    LAST_ADMIN,
    ACCOUNT_UNKNOWN,
    TOKEN_NAME_MISSING,
    TOKEN_NAME_TOO_LONG,
    TOKEN_LIMIT,
    TOKEN_UNKNOWN
}
