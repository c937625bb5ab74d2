package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The layout's section switcher. */
@Controller
class SectionController {

    private final ActiveSection active;

    SectionController(ActiveSection active) {
        this.active = active;
    }

    @PostMapping("/section")
    String choose(@RequestParam long sectionId, HttpServletRequest request) {
        if (!active.choose(request, sectionId)) {
            throw new AccessDeniedException("read section " + sectionId);
        }
        return "redirect:" + Back.path(request);
    }
}
