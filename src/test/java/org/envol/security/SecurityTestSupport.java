package org.envol.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.envol.ledger.LedgerAccess;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test beans: a clock the tests move, a standard input they write, and an API endpoint to call. */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityTestSupport.WhoAmI.class)
class SecurityTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Bean
    @Primary
    TestInput testInput() {
        return new TestInput();
    }

    /** A username no other test (nor the other database's run) uses. */
    static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A section code no other test uses. */
    static String sectionCode() {
        return "ZS" + SEQUENCE.incrementAndGet();
    }

    /** A client address no other test uses, so that the per-address throttle of one test leaves the others alone. */
    static String uniqueAddress() {
        int n = SEQUENCE.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** Runs work as a signed-in user with these authorities. */
    static <T> T as(String name, List<String> authorities, Supplier<T> work) {
        return org.envol.testing.Acting.as(name, authorities, work);
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Standard input and terminal for the commands: what the test queued, nothing else. */
    static final class TestInput implements PasswordSource {
        private BufferedReader stdin = new BufferedReader(new StringReader(""));
        private final Deque<char[]> typed = new ArrayDeque<>();
        private boolean terminal;

        void stdin(String text) {
            stdin = new BufferedReader(new StringReader(text));
        }

        /** A terminal on which the user types these lines, in order. */
        void terminal(String... lines) {
            terminal = true;
            typed.clear();
            for (String l : lines) {
                typed.add(l.toCharArray());
            }
        }

        void noTerminal() {
            terminal = false;
            typed.clear();
        }

        @Override
        public String readLine() throws IOException {
            return stdin.readLine();
        }

        @Override
        public Optional<char[]> readHidden(String prompt) {
            return terminal ? Optional.ofNullable(typed.poll()) : Optional.empty();
        }
    }

    /** Test-only API endpoints: who the token made me, and an admin-only act. */
    @TestComponent
    @RestController
    static class WhoAmI {
        private final LedgerAccess access;

        WhoAmI(LedgerAccess access) {
            this.access = access;
        }

        @GetMapping("/api/v1/test/whoami")
        Map<String, Object> whoami(Authentication auth) {
            return Map.of("name", auth.getName(),
                    "authorities", auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
        }

        @GetMapping("/api/v1/test/admin")
        Map<String, Object> adminOnly() {
            access.requireAdmin();
            return Map.of("ok", true);
        }
    }
}
