package org.envol.ledger;

/**
 * Who may do what in the books. The ledger asks; the security feature answers (it implements
 * this port, so the ledger depends on no feature). Each method throws Spring Security's
 * {@code AccessDeniedException} when the current user may not.
 */
public interface LedgerAccess {

    /** The name written in the audit log and on entries. */
    String actor();

    /** Read the books of a section: treasurer, accountant (section or club-wide), admin. */
    void requireRead(long sectionId);

    /** Write in a section: treasurer of that section or club-wide, admin. */
    void requireWrite(long sectionId);

    /** Read one account: whoever reads the section, or the member the account belongs to. */
    void requireAccountRead(long sectionId, long accountId);

    /** Change the chart of accounts and the journals: admin, or a treasurer. */
    void requireChartWrite();

    /** Sections, reopening, users: admin only. */
    void requireAdmin();

    /** Whether the current user reads this section's books (for lists and menus). */
    boolean canRead(long sectionId);

    /**
     * Whether the current user holds a club-wide role (admin, or a role for all sections): only
     * they see views consolidated across sections.
     */
    boolean clubWide();

    /** The accounts that belong to the current user as a member (his or her own 411s). */
    java.util.Set<Long> ownAccountIds();
}
