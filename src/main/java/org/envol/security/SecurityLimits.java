package org.envol.security;

import java.time.Duration;

/** Every limit of the security feature, named once and tested at the limit and one past it. */
public final class SecurityLimits {

    private SecurityLimits() {
    }

    public static final int USERNAME_MIN = 2;
    public static final int USERNAME_MAX = 60;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int PASSWORD_MIN = 10;
    /** BCrypt reads at most 72 bytes; Spring refuses longer passwords rather than cut them silently. */
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final int TOKEN_NAME_MAX = 60;
    public static final int ACTIVE_TOKENS_PER_USER_MAX = 20;

    /** Failed sign-ins for one username within {@link #LOGIN_WINDOW} that lock it for {@link #LOGIN_LOCK}. */
    public static final int LOGIN_FAILURES_PER_USERNAME = 5;
    /** Failed sign-ins from one client address within the window that lock that address (default; configurable). */
    public static final int LOGIN_FAILURES_PER_ADDRESS = 20;
    public static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    public static final Duration LOGIN_LOCK = Duration.ofMinutes(15);
    /** Usernames and addresses remembered by the throttle at most, so a flood of names cannot fill the memory. */
    public static final int LOGIN_TRACKED_MAX = 10_000;
}
