package org.envol.security;

import java.time.OffsetDateTime;

/** An API token as listed: never the token itself, which is shown once at creation and kept only as a hash. */
public record ApiToken(long id, String username, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
