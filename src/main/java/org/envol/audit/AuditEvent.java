package org.envol.audit;

import java.time.OffsetDateTime;

/** One line of the audit log: who, when, what, before and after (JSON). */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, Long sectionId, String action, String objectType,
        String objectId, String beforeValue, String afterValue) {
}
