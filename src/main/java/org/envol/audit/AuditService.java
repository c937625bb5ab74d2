package org.envol.audit;

import java.util.ArrayList;
import java.util.List;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.Limits;
import org.envol.ledger.SectionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log. Admins read all of it; accountants and treasurers read the events of the
 * sections they read (club-wide events, such as chart changes, are for admins only).
 */
@Service
public class AuditService {

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final SectionService sections;

    AuditService(JdbcClient jdbc, LedgerAccess access, SectionService sections) {
        this.jdbc = jdbc;
        this.access = access;
        this.sections = sections;
    }

    /** The newest events first; {@code sectionId} null means every section the user may read. */
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(Long sectionId, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, Limits.PAGE_SIZE_MAX));
        boolean admin = isAdmin();
        List<Long> readable = new ArrayList<>();
        if (sectionId != null) {
            access.requireRead(sectionId);
            readable.add(sectionId);
        } else {
            sections.readable().forEach(s -> readable.add(s.id()));
        }
        if (readable.isEmpty() && !admin) {
            throw new org.springframework.security.access.AccessDeniedException("audit log");
        }
        String where = sectionId == null && admin ? "" : " where section_id in (:ids)";
        return jdbc.sql("select id, occurred_at, actor, section_id, action, object_type, object_id, before_value, after_value"
                + " from audit_event" + where + " order by id desc limit :lim offset :off")
                .param("ids", readable.isEmpty() ? List.of(-1L) : readable).param("lim", size).param("off", (long) Math.max(0, page) * size)
                .query(AuditEvent.class).list();
    }

    private boolean isAdmin() {
        try {
            access.requireAdmin();
            return true;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }
}
