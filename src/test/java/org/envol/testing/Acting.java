package org.envol.testing;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** Runs a test's act as someone signed in: a treasurer, an accountant, a member with his or her authorities. */
public final class Acting {

    private Acting() {
    }

    public static <T> T as(String name, List<String> authorities, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(authorities)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(String name, List<String> authorities, Runnable work) {
        as(name, authorities, () -> {
            work.run();
            return null;
        });
    }

    /** As a user loaded the way the login loads him or her: the authorities the application really grants. */
    public static <T> T as(UserDetails user, Supplier<T> work) {
        return as(user.getUsername(), user.getAuthorities().stream().map(a -> a.getAuthority()).toList(), work);
    }
}
