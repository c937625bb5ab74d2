package org.envol.closing;

import java.util.List;
import org.envol.ledger.Entry;
import org.envol.ledger.FiscalYear;

/** A reopened year and the reversals of its closing entries, when they were asked for (validated). */
public record ReopenReport(FiscalYear year, List<Entry> reversals) {

    public ReopenReport {
        reversals = List.copyOf(reversals);
    }
}
