package org.envol.ledger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes {@link Change}s for the audit log, with the current actor. */
@Component
class ChangeLog {

    private final ApplicationEventPublisher events;
    private final LedgerAccess access;

    ChangeLog(ApplicationEventPublisher events, LedgerAccess access) {
        this.events = events;
        this.access = access;
    }

    void record(Long sectionId, String action, String objectType, Object objectId, Object before, Object after) {
        events.publishEvent(new Change(access.actor(), sectionId, action, objectType,
                objectId == null ? null : objectId.toString(), before, after));
    }
}
