package org.envol.security;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person who signs in to Envol, with his or her roles and the accounts he or she owns as a
 * member. Carries no password hash: it is safe to show and to write in the audit log.
 */
public record AppUser(long id, String username, String displayName, boolean enabled, OffsetDateTime createdAt,
        List<Grant> grants, List<Long> accountIds) {

    public AppUser {
        grants = List.copyOf(grants);
        accountIds = List.copyOf(accountIds);
    }

    public boolean isAdmin() {
        return grants.contains(Grant.clubWide(Role.ADMIN));
    }
}
