package org.envol.platform;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.envol.security.SystemActor;

/**
 * How a command does its work: as the console's user ({@code cli:<user.name>}, an admin), a
 * refusal printed on standard error with exit code 1. The language is the command line's, set by
 * {@link Commands}.
 */
public final class CommandRun {

    public static final int REFUSED = 1;

    private CommandRun() {
    }

    /**
     * Runs {@code work}; {@code refusal} gives the lines to print for an exception that is the
     * user's mistake (a refused file, an unknown section…), or null for any other, which is thrown on.
     */
    public static int run(PrintWriter err, Function<Exception, List<String>> refusal, Callable<Integer> work) {
        return SystemActor.runFromCommandLine(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                List<String> lines = refusal.apply(e);
                if (lines == null) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                lines.forEach(err::println);
                return REFUSED;
            }
        });
    }
}
