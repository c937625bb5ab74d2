package org.envol.members;

import java.util.List;
import java.util.function.Supplier;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a test's act as someone: a treasurer, an accountant, a member with his or her authorities. */
final class Acting {

    private Acting() {
    }

    static <T> T as(String name, List<String> authorities, Supplier<T> work) {
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

    static void as(String name, List<String> authorities, Runnable work) {
        as(name, authorities, () -> {
            work.run();
            return null;
        });
    }

    static List<String> treasurer(long sectionId) {
        return List.of(Authorities.section(sectionId, Role.TREASURER));
    }

    static List<String> accountant(long sectionId) {
        return List.of(Authorities.section(sectionId, Role.ACCOUNTANT));
    }
}
