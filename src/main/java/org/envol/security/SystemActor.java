package org.envol.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as a named administrator outside any web request: the command line, the demo
 * club's set-up. The name is what the audit log records.
 */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T run(String name, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority(Authorities.ADMIN))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Runs work for the command line: the person at the server's console is trusted (that is how
     * the first admin is created); the audit log names {@code cli:<system user>}.
     */
    public static <T> T runFromCommandLine(Supplier<T> work) {
        return run("cli:" + System.getProperty("user.name", "?"), work);
    }

    public static void run(String name, Runnable work) {
        run(name, () -> {
            work.run();
            return null;
        });
    }
}
