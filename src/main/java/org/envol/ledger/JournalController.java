package org.envol.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The journals (AC, VT, BQ…): list, add, relabel, close and reopen. */
@Controller
class JournalController {

    private final JournalService journals;
    private final Messages messages;

    JournalController(JournalService journals, Messages messages) {
        this.journals = journals;
        this.messages = messages;
    }

    @GetMapping("/journals")
    String list(Model model) {
        model.addAttribute("journals", journals.list());
        return "ledger/journals";
    }

    @PostMapping("/journals")
    String add(@RequestParam String code, @RequestParam String label, RedirectAttributes redirect) {
        Journal added = journals.add(code, label);
        redirect.addFlashAttribute("notice", messages.get("journals.added", added.code()));
        return "redirect:/journals";
    }

    @PostMapping("/journals/{code}/label")
    String relabel(@PathVariable String code, @RequestParam String label, RedirectAttributes redirect) {
        Journal journal = existing(code);
        journals.update(journal.code(), label, journal.active());
        redirect.addFlashAttribute("notice", messages.get("journals.relabelled", journal.code()));
        return "redirect:/journals";
    }

    @PostMapping("/journals/{code}/close")
    String close(@PathVariable String code, RedirectAttributes redirect) {
        Journal journal = existing(code);
        journals.update(journal.code(), journal.label(), false);
        redirect.addFlashAttribute("notice", messages.get("journals.closed", journal.code()));
        return "redirect:/journals";
    }

    @PostMapping("/journals/{code}/reopen")
    String reopen(@PathVariable String code, RedirectAttributes redirect) {
        Journal journal = existing(code);
        journals.update(journal.code(), journal.label(), true);
        redirect.addFlashAttribute("notice", messages.get("journals.reopened", journal.code()));
        return "redirect:/journals";
    }

    private Journal existing(String code) {
        return journals.findByCode(code).orElseThrow(() -> new RejectedException(Rejection.of(RejectionCode.JOURNAL_UNKNOWN, code)));
    }
}
