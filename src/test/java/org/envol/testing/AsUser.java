package org.envol.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Arrays;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in users for MockMvc requests, with the authorities Envol grants (see {@link Authorities}). */
public final class AsUser {

    private AsUser() {
    }

    public static RequestPostProcessor treasurer(long sectionId) {
        return with("treasurer", Authorities.section(sectionId, Role.TREASURER));
    }

    public static RequestPostProcessor accountant(long sectionId) {
        return with("accountant", Authorities.section(sectionId, Role.ACCOUNTANT));
    }

    /** A member of the section who owns the given accounts. */
    public static RequestPostProcessor member(long sectionId, long... accountIds) {
        String[] authorities = new String[accountIds.length + 1];
        authorities[0] = Authorities.section(sectionId, Role.MEMBER);
        for (int i = 0; i < accountIds.length; i++) {
            authorities[i + 1] = Authorities.account(accountIds[i]);
        }
        return with("member", authorities);
    }

    public static RequestPostProcessor admin() {
        return with("admin", Authorities.ADMIN);
    }

    public static RequestPostProcessor with(String name, String... authorities) {
        return user(name).authorities(Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList());
    }
}
