package org.envol.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a signed-in user on each page request, so that a change applies at once: the session
 * of a disabled (or deleted) user, or one opened with a password since changed, ends; granted or
 * revoked roles take effect without signing in again. Only Envol's own sign-ins ({@link EnvolUser})
 * are concerned.
 */
final class SessionRefreshFilter extends OncePerRequestFilter {

    private final SignedInSessions sessions;

    SessionRefreshFilter(SignedInSessions sessions) {
        this.sessions = sessions;
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
        Authentication auth = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EnvolUser signedIn) {
            EnvolUser now = sessions.reload(signedIn.getUsername());
            if (now == null || !now.isEnabled() || !now.passwordStamp().equals(signedIn.passwordStamp())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.getContextHolderStrategy().clearContext();
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            if (!SignedInSessions.names(now.getAuthorities())
                    .equals(SignedInSessions.names(SignedInSessions.withoutFactors(auth.getAuthorities())))) {
                sessions.replace(now, auth, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
