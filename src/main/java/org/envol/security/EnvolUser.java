package org.envol.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in Envol user as Spring Security holds it. Its type tells Envol's own sign-ins apart
 * from others (tests' mock users, {@link SystemActor}): only these are re-checked on each request.
 * The password itself is erased once signed in; its stamp stays, so that a session opened with a
 * password since changed can be told apart and ended.
 */
final class EnvolUser extends User {

    private static final long serialVersionUID = 2L;

    private final long userId;
    private final String passwordStamp;

    EnvolUser(long userId, String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.userId = userId;
        this.passwordStamp = stamp(passwordHash);
    }

    long userId() {
        return userId;
    }

    /** Tells password hashes apart without keeping one: the first 16 bytes of its SHA-256. */
    String passwordStamp() {
        return passwordStamp;
    }

    private static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
