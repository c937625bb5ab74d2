package org.envol.openflyers;

import java.util.ArrayList;
import java.util.List;
import org.envol.ledger.Messages;
import org.envol.ledger.RejectedException;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.SyncReport;

/** The journal sync's refusals and outcomes as texts, the same on the page, the command line and the API. */
final class JournalTexts {

    private JournalTexts() {
    }

    /** A refusal: a file's problems each with its line, an OpenFlyers mistake, or the ledger's rejections. */
    static List<String> problems(Messages messages, RuntimeException e) {
        List<String> out = new ArrayList<>();
        if (e instanceof JournalFileException f) {
            out.add(messages.get(f.key(), f.args().toArray()));
            f.problems().forEach(p -> out.add(messages.get("openflyers.journal.page.line", p.line(), messages.get(p.key(), p.args().toArray()))));
        } else if (e instanceof OpenFlyersException o) {
            out.add(messages.get(o.key(), o.args().toArray()));
        } else if (e instanceof RejectedException r) {
            r.rejections().forEach(x -> out.add(messages.rejection(x)));
        }
        return out;
    }

    static String outcomes(Messages messages, SyncReport report) {
        return messages.get("openflyers.journal.page.done", JournalSync.applied(report, SyncOutcome.CREATED),
                JournalSync.applied(report, SyncOutcome.CHANGED, SyncOutcome.REVERSED_AND_REPLACED),
                JournalSync.applied(report, SyncOutcome.DELETED), JournalSync.applied(report, SyncOutcome.REVERSED, SyncOutcome.REVERSED_AND_REPLACED));
    }
}
