package org.envol.security;

import java.util.Objects;

/** A role given to a user, in one section or club-wide ({@code sectionId} null). ADMIN is club-wide only. */
public record Grant(Long sectionId, Role role) {

    public Grant {
        Objects.requireNonNull(role, "role");
    }

    public static Grant clubWide(Role role) {
        return new Grant(null, role);
    }

    public static Grant inSection(long sectionId, Role role) {
        return new Grant(sectionId, role);
    }

    public boolean isClubWide() {
        return sectionId == null;
    }
}
