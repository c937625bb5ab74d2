package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.springframework.stereotype.Component;

/**
 * The section a user works in, chosen per session among the sections he or she reads. Until one
 * is chosen (or when the chosen one is no longer readable) it is the first readable section; a
 * user who reads none has none. Looked up once per request.
 */
@Component
public class ActiveSection {

    static final String SESSION_KEY = ActiveSection.class.getName();
    private static final String READABLE = ActiveSection.class.getName() + ".readable";

    private final SectionService sections;

    ActiveSection(SectionService sections) {
        this.sections = sections;
    }

    /** The sections the current user reads, looked up once per request. */
    @SuppressWarnings("unchecked")
    public List<Section> readable(HttpServletRequest request) {
        Object cached = request.getAttribute(READABLE);
        if (cached == null) {
            cached = sections.readable();
            request.setAttribute(READABLE, cached);
        }
        return (List<Section>) cached;
    }

    public Optional<Section> current(HttpServletRequest request) {
        List<Section> readable = readable(request);
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        return readable.stream().filter(s -> chosen != null && chosen.equals(s.id())).findFirst()
                .or(() -> readable.stream().findFirst());
    }

    /** Makes the section active for this session; false (and nothing changes) when the user does not read it. */
    public boolean choose(HttpServletRequest request, long sectionId) {
        if (readable(request).stream().noneMatch(s -> s.id() == sectionId)) {
            return false;
        }
        request.getSession().setAttribute(SESSION_KEY, sectionId);
        return true;
    }
}
