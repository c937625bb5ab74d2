package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, at its limits, on a clock the test moves. */
class LoginThrottleTest {

    final SecurityTestSupport.MovableClock clock = new SecurityTestSupport.MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(clock, SecurityLimits.LOGIN_FAILURES_PER_ADDRESS);

    void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    @Test
    void locksAtTheFifthFailureNotBefore() {
        fail("alice", "1.1.1.1", SecurityLimits.LOGIN_FAILURES_PER_USERNAME - 1);
        assertThat(throttle.lockedFor("alice", "1.1.1.1")).isEmpty();
        fail("alice", "1.1.1.1", 1);
        assertThat(throttle.lockedFor("alice", "2.2.2.2")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("bob", "1.1.1.1")).isEmpty();
    }

    @Test
    void theLockEndsAfterFifteenMinutesAndFailuresDuringItDoNotLengthenIt() {
        fail("alice", null, 5);
        clock.advance(Duration.ofMinutes(10));
        fail("alice", null, 3);
        assertThat(throttle.lockedFor("alice", null)).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(throttle.lockedFor("alice", null)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("alice", null)).isEmpty();
        // counting starts afresh after a lock
        fail("alice", null, 4);
        assertThat(throttle.lockedFor("alice", null)).isEmpty();
    }

    @Test
    void onlyFailuresWithinTheWindowCount() {
        fail("alice", null, 4);
        clock.advance(SecurityLimits.LOGIN_WINDOW.minusSeconds(1));
        fail("alice", null, 1);
        assertThat(throttle.lockedFor("alice", null)).isPresent();

        fail("carol", null, 4);
        clock.advance(SecurityLimits.LOGIN_WINDOW);
        fail("carol", null, 1);
        assertThat(throttle.lockedFor("carol", null)).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsernamesFailuresButNotTheAddresses() {
        fail("alice", "1.1.1.1", 4);
        throttle.succeeded("alice");
        fail("alice", "1.1.1.1", 4);
        assertThat(throttle.lockedFor("alice", null)).isEmpty();
        for (int i = 0; i < SecurityLimits.LOGIN_FAILURES_PER_ADDRESS - 8; i++) {
            throttle.failed("guess" + i, "1.1.1.1");
        }
        assertThat(throttle.lockedFor("anyone", "1.1.1.1")).isPresent();
        assertThat(throttle.lockedFor("anyone", "3.3.3.3")).isEmpty();
    }

    @Test
    void theAddressLimitCanBeTurnedOff() {
        LoginThrottle noAddressLimit = new LoginThrottle(clock, 0);
        for (int i = 0; i < 100; i++) {
            noAddressLimit.failed("guess" + i, "1.1.1.1");
        }
        assertThat(noAddressLimit.lockedFor("anyone", "1.1.1.1")).isEmpty();
    }

    @Test
    void aFloodOfUsernamesDoesNotGrowTheMemoryWithoutBound() {
        for (int i = 0; i < SecurityLimits.LOGIN_TRACKED_MAX + 10; i++) {
            throttle.failed("flood" + i, null);
        }
        // the oldest are forgotten once the window has passed, making room again
        clock.advance(SecurityLimits.LOGIN_WINDOW);
        fail("late", null, 5);
        assertThat(throttle.lockedFor("late", null)).isPresent();
        assertThat(throttle.tracked()).isLessThanOrEqualTo(SecurityLimits.LOGIN_TRACKED_MAX);
    }
}
