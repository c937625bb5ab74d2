package org.envol.web;

import org.envol.ledger.LedgerAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whether to show a page's actions and links: {@code ${@pageAccess.canWrite(sectionId)}}. The
 * answer is the ledger's own rule; the services check again when the action comes.
 */
@Component("pageAccess")
public class PageAccess {

    private final LedgerAccess access;

    PageAccess(LedgerAccess access) {
        this.access = access;
    }

    public boolean canWrite(long sectionId) {
        return allowed(() -> access.requireWrite(sectionId));
    }

    /** The section's books as a whole (its entries), not only the user's own accounts. */
    public boolean canRead(long sectionId) {
        return access.canRead(sectionId);
    }

    /** Chart of accounts and journals. */
    public boolean canEditChart() {
        return allowed(access::requireChartWrite);
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }
}
