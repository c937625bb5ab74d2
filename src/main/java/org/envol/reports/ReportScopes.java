package org.envol.reports;

import java.util.List;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Resolves and checks the scope of a report: who may read one section, who may see them all. */
@Component
class ReportScopes {

    private final SectionService sections;
    private final LedgerAccess access;

    ReportScopes(SectionService sections, LedgerAccess access) {
        this.sections = sections;
        this.access = access;
    }

    /** One section, for whoever reads its books. */
    ReportScope section(Section section) {
        access.requireRead(section.id());
        return ReportScope.of(section);
    }

    /** Every section the user reads, for club-wide roles only (admin, treasurer or accountant of all sections). */
    ReportScope consolidated() {
        if (!access.clubWide()) {
            throw new AccessDeniedException("read consolidated: a club-wide role is needed");
        }
        List<Section> readable = sections.readable();
        if (readable.isEmpty()) {
            throw new ReportException("reports.scope.noSection");
        }
        return new ReportScope(readable, true);
    }

    /** A section by its code, or {@link ReportScope#ALL} for the consolidated books (the command line). */
    ReportScope byCode(String code) {
        if (ReportScope.ALL.equalsIgnoreCase(code == null ? "" : code.strip())) {
            return consolidated();
        }
        Section section = sections.findByCode(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new ReportException("reports.section.unknown", code));
        return section(section);
    }

    /** Whether the current user may ask for consolidated reports (to offer the choice on screen). */
    boolean canConsolidate() {
        return access.clubWide();
    }
}
