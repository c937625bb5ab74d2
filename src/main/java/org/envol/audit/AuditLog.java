package org.envol.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.envol.ledger.Change;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes every {@link Change} to the append-only audit log, in the transaction that made it. */
@Component
class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(Change change) {
        jdbc.sql("insert into audit_event (occurred_at, actor, section_id, action, object_type, object_id, before_value,"
                + " after_value) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(clock), change.actor(), change.sectionId(), change.action(), change.objectType(),
                        change.objectId(), toJson(change.before()), toJson(change.after()))
                .update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
