package org.envol.guided;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.envol.ledger.Entry;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Saisie guidée »: the list of screens, and one form per kind for the active section. The
 * service decides; this shows its choices and its refusals, each on its field.
 */
@Controller
class GuidedController {

    /** A refusal's text and the field it is about. */
    record Fault(String text, String field) {
    }

    /** An entry just posted, for the link under the notice. */
    record Posted(long id, String label) {
    }

    private final GuidedEntries guided;
    private final Messages messages;
    private final Clock clock;

    GuidedController(GuidedEntries guided, Messages messages, Clock clock) {
        this.guided = guided;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/guided")
    String index(Section section, Model model) {
        model.addAttribute("kinds", guided.kinds(section.id()));
        return "guided/index";
    }

    @GetMapping("/guided/{slug}")
    String form(@PathVariable String slug, Section section, @RequestParam(required = false) Long target, Model model) {
        GuidedKind kind = kind(slug);
        return form(model, guided.choices(kind, section.id(), target), GuidedForm.blank(LocalDate.now(clock), target), List.of());
    }

    @PostMapping("/guided/{slug}")
    String post(@PathVariable String slug, Section section, @ModelAttribute("form") GuidedForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        GuidedKind kind = kind(slug);
        try {
            GuidedResult result = guided.post(section.id(), form.request(kind));
            List<Entry> entries = result.entries();
            redirect.addFlashAttribute("notice", entries.size() == 1 ? messages.get("guided.saved")
                    : messages.get("guided.saved.several", entries.size()));
            redirect.addFlashAttribute("posted", entries.stream().map(e -> new Posted(e.id(), e.label())).toList());
            return "redirect:/guided/" + kind.slug() + (kind.betweenSections() ? "?target=" + form.getTargetSectionId() : "");
        } catch (GuidedRejectedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<Fault> faults = e.refusals().stream().map(r -> fault(kind, r)).toList();
            return form(model, guided.choices(kind, section.id(), form.getTargetSectionId()), form, faults);
        }
    }

    /** The refusal's text, after the name of the account field it is about (« Compte du membre (411) : … »). */
    private Fault fault(GuidedKind kind, Refusal r) {
        String text = messages.get(r.messageKey(), r.args().toArray());
        if (kind.slot(r.field()).isPresent()) {
            text = messages.get("guided.onField", messages.get("guided.slot." + kind.name() + "." + r.field()), text);
        }
        return new Fault(r.section() == null ? text : messages.get("guided.rejection.inSection", r.section(), text), r.field());
    }

    private String form(Model model, GuidedChoices choices, GuidedForm form, List<Fault> faults) {
        Set<String> at = new HashSet<>();
        faults.forEach(f -> at.add(f.field()));
        model.addAttribute("kind", choices.kind());
        model.addAttribute("choices", choices);
        model.addAttribute("modes", PaymentMode.values());
        model.addAttribute("form", form);
        model.addAttribute("faults", faults);
        model.addAttribute("faultAt", at);
        return "guided/form";
    }

    private static GuidedKind kind(String slug) {
        return GuidedKind.fromSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
