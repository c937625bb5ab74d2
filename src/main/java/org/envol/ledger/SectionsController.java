package org.envol.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The club's sections: everyone sees those he or she reads; an admin creates them. */
@Controller
class SectionsController {

    private final SectionService sections;
    private final Messages messages;

    SectionsController(SectionService sections, Messages messages) {
        this.sections = sections;
        this.messages = messages;
    }

    @GetMapping("/sections")
    String list(Model model) {
        model.addAttribute("allSections", sections.readable());
        return "ledger/sections";
    }

    @PostMapping("/sections")
    String add(@RequestParam String code, @RequestParam String name, RedirectAttributes redirect) {
        Section created = sections.create(code, name);
        redirect.addFlashAttribute("notice", messages.get("sections.added", created.name()));
        return "redirect:/sections";
    }
}
