package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Section;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the layout reads on every page: {@code sections} (readable), {@code activeSection} (may
 * be null) and {@code canWrite} (the user writes in it).
 */
@Component
class Layout {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final ActiveSection active;
    private final PageAccess pageAccess;

    Layout(ActiveSection active, PageAccess pageAccess) {
        this.active = active;
        this.pageAccess = pageAccess;
    }

    Map<String, Object> model(HttpServletRequest request) {
        Map<String, Object> out = new HashMap<>();
        if (!signedIn()) {
            out.put("sections", List.of());
            return out;
        }
        Section section = active.current(request).orElse(null);
        out.put("sections", active.readable(request));
        out.put("activeSection", section);
        out.put("canWrite", section != null && pageAccess.canWrite(section.id()));
        return out;
    }

    static boolean signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth);
    }
}
