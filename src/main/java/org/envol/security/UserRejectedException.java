package org.envol.security;

import java.util.List;

/**
 * Carries a {@link UserRejection} to the page or the command line, which shows its message
 * ({@link #messageKey()} with {@link #args()}) in the user's language. Nothing was written when it is thrown.
 */
public class UserRejectedException extends RuntimeException {

    private final UserRejection code;
    private final List<Object> args;

    public UserRejectedException(UserRejection code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + List.of(args)));
        this.code = code;
        this.args = List.of(args);
    }

    public UserRejection code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    public String messageKey() {
        return "security.rejection." + code.name();
    }
}
