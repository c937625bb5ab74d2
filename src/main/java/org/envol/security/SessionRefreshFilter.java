package org.envol.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a signed-in user on each page request, so that an admin's change applies at once: a
 * disabled (or deleted) user's session ends, and granted or revoked roles take effect without
 * signing in again. Only Envol's own sign-ins ({@link EnvolUser}) are concerned.
 */
final class SessionRefreshFilter extends OncePerRequestFilter {

    private final EnvolUserDetailsService users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRefreshFilter(EnvolUserDetailsService users) {
        this.users = users;
    }

    /** Stylesheets and scripts need no fresh roles. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EnvolUser signedIn) {
            EnvolUser now = reload(signedIn.getUsername());
            if (now == null || !now.isEnabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                contexts.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            if (!names(now.getAuthorities()).equals(names(withoutFactors(auth.getAuthorities())))) {
                List<GrantedAuthority> authorities = new ArrayList<>(now.getAuthorities());
                authorities.addAll(factors(auth.getAuthorities()));
                now.eraseCredentials();
                UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(now, null, authorities);
                updated.setDetails(auth.getDetails());
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(updated);
                contexts.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private EnvolUser reload(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }

    private static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** How the user signed in (password…), which Spring Security 7 records as authorities too. */
    private static List<GrantedAuthority> factors(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().filter(FactorGrantedAuthority.class::isInstance).map(GrantedAuthority.class::cast).toList();
    }

    private static List<GrantedAuthority> withoutFactors(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().filter(a -> !(a instanceof FactorGrantedAuthority)).map(GrantedAuthority.class::cast).toList();
    }
}
