package org.envol.openflyers;

import java.util.List;

/** A user's mistake in the OpenFlyers synchronisation: a message key of i18n/openflyers and its arguments. */
public class OpenFlyersException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    public OpenFlyersException(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
