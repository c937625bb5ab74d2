package org.envol.members;

import java.time.LocalDate;

/**
 * A member's stay in a section: when he or she joined, when he or she left (null while flying
 * there), and the member account (411) of the section (null if it was deleted).
 */
public record Membership(long memberId, long sectionId, LocalDate joinedOn, LocalDate leftOn, Long accountId) {

    public boolean active() {
        return leftOn == null;
    }
}
