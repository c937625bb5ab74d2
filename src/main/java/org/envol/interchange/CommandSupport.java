package org.envol.interchange;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.platform.CommandRun;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the interchange commands share: they run as {@code cli:<user.name>} (an admin) and turn a
 * refusal into its message (in the command line's language) and exit code 1.
 */
final class CommandSupport {

    private CommandSupport() {
    }

    static int run(Messages messages, PrintWriter err, Callable<Integer> work) {
        return CommandRun.run(err, e -> {
            if (e instanceof InterchangeException refused) {
                return List.of(messages.get(refused.key(), refused.args()));
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                return List.of(messages.get("interchange.io", e.getMessage()));
            }
            return null;
        }, work);
    }
}
