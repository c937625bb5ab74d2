package org.envol.interchange;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.security.SystemActor;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the interchange commands share: they run as {@code cli:<user.name>} (an admin), speak
 * French like the other commands, and turn a refusal into its message and exit code 1.
 */
final class CommandSupport {

    private CommandSupport() {
    }

    static int run(Messages messages, PrintWriter err, Callable<Integer> work) {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.FRENCH);
        try {
            return SystemActor.runFromCommandLine(() -> {
                try {
                    return work.call();
                } catch (InterchangeException e) {
                    err.println(messages.get(e.key(), e.args()));
                    return 1;
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    err.println(messages.get("interchange.io", e.getMessage()));
                    return 1;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
