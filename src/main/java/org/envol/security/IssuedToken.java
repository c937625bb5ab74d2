package org.envol.security;

/** A token just created: {@code secret} goes to the user once and is never stored nor shown again. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=…]";
    }
}
