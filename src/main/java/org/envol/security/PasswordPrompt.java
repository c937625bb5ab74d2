package org.envol.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.envol.ledger.Messages;
import org.springframework.stereotype.Component;

/**
 * Reads a new password for the command line: one line of standard input with
 * {@code --password-stdin}, else twice on the terminal without echo. Never from the arguments,
 * which other users of the server can see.
 */
@Component
class PasswordPrompt {

    private final PasswordSource source;
    private final Messages messages;

    PasswordPrompt(PasswordSource source, Messages messages) {
        this.source = source;
        this.messages = messages;
    }

    String read(boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = source.readLine();
                if (line == null) {
                    throw new UserRejectedException(UserRejection.PASSWORD_MISSING);
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        char[] first = hidden("security.cli.passwordPrompt");
        char[] second = hidden("security.cli.passwordConfirm");
        try {
            if (!Arrays.equals(first, second)) {
                throw new UserRejectedException(UserRejection.PASSWORD_MISMATCH);
            }
            return new String(first);
        } finally {
            Arrays.fill(first, ' ');
            Arrays.fill(second, ' ');
        }
    }

    private char[] hidden(String promptKey) {
        return source.readHidden(messages.get(promptKey)).orElseThrow(() -> new UserRejectedException(UserRejection.NO_TERMINAL));
    }
}
