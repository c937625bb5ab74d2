package org.envol.closing;

import java.util.Arrays;
import java.util.List;

/**
 * A text for the user, not yet in a language: a message key of {@code i18n/closing} and its
 * arguments ({@link Amount}s, dates, account names…). {@link ClosingTexts} renders it.
 */
public record Notice(String key, List<Object> args) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String key, Object... args) {
        return new Notice(key, Arrays.asList(args));
    }

    /** An amount in cents, printed in the reader's language. */
    public record Amount(long cents) {
    }
}
