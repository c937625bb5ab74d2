package org.envol.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in Envol user as Spring Security holds it. Its type tells Envol's own sign-ins apart
 * from others (tests' mock users, {@link SystemActor}): only these are re-checked on each request.
 */
final class EnvolUser extends User {

    private static final long serialVersionUID = 1L;

    private final long userId;

    EnvolUser(long userId, String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.userId = userId;
    }

    long userId() {
        return userId;
    }
}
