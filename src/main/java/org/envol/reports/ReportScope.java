package org.envol.reports;

import java.util.List;
import org.envol.ledger.Section;

/**
 * The books a report covers: one section, or — consolidated, for club-wide roles only — every
 * section the user reads, summed by account code (liaison accounts between sections cancel out).
 */
public record ReportScope(List<Section> sections, boolean consolidated) {

    /** What the command line's {@code --section} takes for a consolidated report. */
    public static final String ALL = "ALL";

    public ReportScope {
        sections = List.copyOf(sections);
    }

    public static ReportScope of(Section section) {
        return new ReportScope(List.of(section), false);
    }

    /** The section of a one-section report. */
    public Section section() {
        if (consolidated) {
            throw new IllegalStateException("a consolidated report has no one section");
        }
        return sections.get(0);
    }

    /** The code in file names: the section's, or {@link #ALL}. */
    public String code() {
        return consolidated ? ALL : sections.get(0).code();
    }
}
