package org.envol.members;

/**
 * A user's mistake about members, one code per rule. Each has a message {@code members.rule.CODE}
 * in i18n/members*.properties, with the arguments of its {@link MemberProblem}.
 */
public enum MemberRule {
    MEMBER_UNKNOWN,
    LAST_NAME_MISSING,
    FIRST_NAME_MISSING,
    NAME_TOO_LONG,
    EMAIL_INVALID,
    EMAIL_TAKEN,
    IDENTITY_MISSING,
    BIRTH_DATE_INVALID,
    BIRTH_DATE_OUT_OF_RANGE,
    DUPLICATE,
    PAYER_UNKNOWN,
    PAYER_SELF,
    PAYER_CYCLE,
    NO_SECTION,
    SECTION_UNKNOWN,
    SECTION_NOT_MANAGED,
    MEMBER_NOT_MANAGED,
    NOT_IN_SECTION,
    LEAVE_BEFORE_JOIN,
    DATE_IN_FUTURE,
    ACCOUNT_NOT_MEMBER,
    ACCOUNT_NOT_411,
    ACCOUNT_OF_OTHER_MEMBER,
    ACCOUNT_IN_USE,
    BALANCE_NOT_ZERO,
    LOGIN_EXISTS,
    LOGIN_OF_OTHER_MEMBER,
    PASSWORD_ADMIN_ONLY,
    FILE_EMPTY,
    FILE_TOO_BIG,
    FILE_MALFORMED,
    TOO_MANY_ROWS,
    COLUMN_MISSING,
    COLUMN_UNKNOWN,
    COLUMN_TWICE,
    FIELD_COUNT,
    DUPLICATE_IN_FILE,
    AMBIGUOUS
}
