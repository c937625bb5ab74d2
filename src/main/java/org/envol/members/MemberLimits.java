package org.envol.members;

/** Every limit of the members feature, named once and tested at the limit and one past it. */
public final class MemberLimits {

    private MemberLimits() {
    }

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    /** Lines of a member list a CSV import takes at most (a club has a few hundred members). */
    public static final int IMPORT_ROWS_MAX = 2_000;
    /** Bytes of a CSV import at most (under the web server's 1 MiB upload limit). */
    public static final int IMPORT_BYTES_MAX = 1_000_000;
    /** Birth dates start here: older is a typing mistake. */
    public static final int BIRTH_YEAR_MIN = 1900;
    /** Members a search shows at most on the list. */
    public static final int LIST_MAX = 1_000;
    /** Length of a generated initial password. */
    public static final int GENERATED_PASSWORD_LENGTH = 14;
}
