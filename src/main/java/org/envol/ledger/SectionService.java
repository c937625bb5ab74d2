package org.envol.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sections of the club. Creating one is an admin's act; each user sees those he or she reads. */
@Service
public class SectionService {

    private static final String COLUMNS = "select id, code, name from section";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final ChangeLog changes;

    SectionService(JdbcClient jdbc, LedgerAccess access, ChangeLog changes) {
        this.jdbc = jdbc;
        this.access = access;
        this.changes = changes;
    }

    /** The sections the current user reads. */
    @Transactional(readOnly = true)
    public List<Section> readable() {
        return all().stream().filter(s -> access.canRead(s.id())).toList();
    }

    /** Every section, for admins and the login screen's section list. */
    @Transactional(readOnly = true)
    public List<Section> all() {
        return jdbc.sql(COLUMNS + " order by code").query(Section.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Section> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(Section.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Section> findByCode(String code) {
        return jdbc.sql(COLUMNS + " where code = ?").param(code).query(Section.class).optional();
    }

    public Section get(long id) {
        return find(id).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.SECTION_UNKNOWN, id)));
    }

    @Transactional
    public Section create(String code, String name) {
        access.requireAdmin();
        String c = code == null ? "" : code.trim().toUpperCase();
        if (!c.matches("[A-Z0-9_-]{1," + Limits.SECTION_CODE_MAX + "}")) {
            throw new RejectedException(Rejection.of(RejectionCode.SECTION_CODE_INVALID, c));
        }
        if (name == null || name.isBlank()) {
            throw new RejectedException(Rejection.of(RejectionCode.SECTION_NAME_MISSING));
        }
        if (findByCode(c).isPresent()) {
            throw new RejectedException(Rejection.of(RejectionCode.SECTION_CODE_TAKEN, c));
        }
        jdbc.sql("insert into section (code, name) values (?, ?)").params(c, name.trim()).update();
        Section section = findByCode(c).orElseThrow();
        changes.record(section.id(), "CREATE", "section", section.id(), null, section);
        return section;
    }
}
