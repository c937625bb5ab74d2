package org.envol.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** The user held by a browser session, re-read from the database and put back into the session. */
@Component
class SignedInSessions {

    private final EnvolUserDetailsService users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SignedInSessions(EnvolUserDetailsService users) {
        this.users = users;
    }

    /** The user as the database has it now; null when gone. */
    EnvolUser reload(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }

    /**
     * The current session's user re-read: after changing his or her own password, this session
     * carries the new password's stamp and stays open while the others end.
     */
    void refresh(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EnvolUser signedIn) {
            EnvolUser now = reload(signedIn.getUsername());
            if (now != null) {
                replace(now, auth, request, response);
            }
        }
    }

    /** Puts {@code now} (its roles, its password stamp) in place of the session's user, keeping how he or she signed in. */
    void replace(EnvolUser now, Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>(now.getAuthorities());
        authorities.addAll(factors(auth.getAuthorities()));
        now.eraseCredentials();
        UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(now, null, authorities);
        updated.setDetails(auth.getDetails());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(updated);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
    }

    static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** How the user signed in (password…), which Spring Security 7 records as authorities too. */
    private static List<GrantedAuthority> factors(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().filter(FactorGrantedAuthority.class::isInstance).map(GrantedAuthority.class::cast).toList();
    }

    static List<GrantedAuthority> withoutFactors(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().filter(a -> !(a instanceof FactorGrantedAuthority)).map(GrantedAuthority.class::cast).toList();
    }
}
