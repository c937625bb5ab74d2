package org.envol.security;

/** What a user may do in a section (or club-wide). ADMIN is club-wide only. */
public enum Role {
    /** Users, roles, sections, settings; and everything a treasurer does. */
    ADMIN,
    /** Keeps the books of the section: writes entries, accounts, fiscal years. */
    TREASURER,
    /** Reads everything of the section and exports; changes nothing. */
    ACCOUNTANT,
    /** Reads his or her own account statement and balance, nothing else. */
    MEMBER
}
