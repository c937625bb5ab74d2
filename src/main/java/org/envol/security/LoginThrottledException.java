package org.envol.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused, whatever the password, because of too many recent failures. */
final class LoginThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final Duration remaining;

    LoginThrottledException(Duration remaining) {
        super("too many failed sign-ins");
        this.remaining = remaining;
    }

    /** Whole minutes left, rounded up. */
    long minutes() {
        return LoginThrottle.wholeMinutes(remaining);
    }
}
