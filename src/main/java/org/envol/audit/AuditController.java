package org.envol.audit;

import java.util.List;
import java.util.Optional;
import org.envol.ledger.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The audit log, newest first: who, when, what, and the values before and after. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    /** An event with its JSON values laid out for reading. */
    record Row(AuditEvent event, String before, String after) {
    }

    private final AuditService audit;
    private final JsonMapper json;

    AuditController(AuditService audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** {@code scope=section}: the active section only; otherwise everything the user may read. */
    @GetMapping("/audit")
    String log(Optional<Section> section, @RequestParam(defaultValue = "all") String scope,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Long sectionId = "section".equals(scope) ? section.map(Section::id).orElse(null) : null;
        int p = Math.max(0, page);
        List<Row> rows = audit.recent(sectionId, p, PAGE_SIZE).stream()
                .map(e -> new Row(e, pretty(e.beforeValue()), pretty(e.afterValue()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", p);
        // a page of one event, just past this page, tells whether there is a next page
        model.addAttribute("hasNext", rows.size() == PAGE_SIZE && !audit.recent(sectionId, (p + 1) * PAGE_SIZE, 1).isEmpty());
        model.addAttribute("scope", sectionId == null ? "all" : "section");
        return "audit/log";
    }

    private String pretty(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(value));
        } catch (JacksonException notJson) {
            return value;
        }
    }
}
