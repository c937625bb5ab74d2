package org.envol.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: {@value SecurityLimits#LOGIN_FAILURES_PER_USERNAME} failed sign-ins
 * for one username within {@link SecurityLimits#LOGIN_WINDOW} lock that username for
 * {@link SecurityLimits#LOGIN_LOCK}; {@code envol.security.login.failures-per-address} failures
 * (default {@value SecurityLimits#LOGIN_FAILURES_PER_ADDRESS}, 0 = off) lock the client's address
 * the same way. While locked, even the right password is refused.
 *
 * <p>A wrong current password on the user's own password page ({@link UserService#changeOwnPassword})
 * counts as a failed sign-in of that username (no address: the user is already signed in), so a
 * stolen session guesses no faster there than a stranger on the sign-in form, and the lock stops both.
 *
 * <p>Kept in memory: Envol is one process, and a restart forgetting the counts is acceptable. Behind a
 * reverse proxy, set {@code server.forward-headers-strategy=native} so that the address is the
 * client's, not the proxy's.
 */
@Component
class LoginThrottle {

    private final Clock clock;
    private final int failuresPerAddress;
    private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
            @Value("${envol.security.login.failures-per-address:" + SecurityLimits.LOGIN_FAILURES_PER_ADDRESS + "}") int failuresPerAddress) {
        this.clock = clock;
        this.failuresPerAddress = failuresPerAddress;
    }

    /** How long sign-in stays refused for this username or address; empty when it is not. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(byUsername.get(username), now);
        Duration addr = address == null ? Duration.ZERO : remaining(byAddress.get(address), now);
        Duration longest = user.compareTo(addr) >= 0 ? user : addr;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(byUsername, username, SecurityLimits.LOGIN_FAILURES_PER_USERNAME, now);
        if (address != null && failuresPerAddress > 0) {
            count(byAddress, address, failuresPerAddress, now);
        }
    }

    /** A right password clears the username's failures (not the address's: others may share it). */
    void succeeded(String username) {
        byUsername.remove(username);
    }

    /** Whole minutes left, rounded up: "try again in 15 minutes" right after the lock. */
    static long wholeMinutes(Duration remaining) {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }

    /** Usernames and addresses currently remembered. */
    int tracked() {
        return byUsername.size() + byAddress.size();
    }

    private static Duration remaining(Failures f, Instant now) {
        return f == null ? Duration.ZERO : f.lockedFor(now);
    }

    private static void count(Map<String, Failures> map, String key, int max, Instant now) {
        if (map.size() >= SecurityLimits.LOGIN_TRACKED_MAX && !map.containsKey(key)) {
            map.values().removeIf(f -> f.forgettable(now));
            if (map.size() >= SecurityLimits.LOGIN_TRACKED_MAX) {
                // still full of live attempts: the address counter still catches a flood from one client
                return;
            }
        }
        map.computeIfAbsent(key, k -> new Failures()).add(now, max);
    }

    /** The recent failures of one username or address, and the end of its lock if any. */
    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized void add(Instant now, int max) {
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return; // attempts during a lock neither count nor lengthen it
            }
            lockedUntil = null;
            prune(now);
            times.addLast(now);
            if (times.size() >= max) {
                lockedUntil = now.plus(SecurityLimits.LOGIN_LOCK);
                times.clear();
            }
        }

        synchronized Duration lockedFor(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean forgettable(Instant now) {
            prune(now);
            return times.isEmpty() && lockedFor(now).isZero();
        }

        private void prune(Instant now) {
            Instant oldest = now.minus(SecurityLimits.LOGIN_WINDOW);
            while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
                times.removeFirst();
            }
        }
    }
}
