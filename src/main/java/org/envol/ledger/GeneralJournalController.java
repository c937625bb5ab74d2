package org.envol.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The general journal (« grand journal »): entries by date, filtered, paged; select entries → validate them. */
@Controller
class GeneralJournalController {

    static final int PAGE_SIZE = 50;

    private final EntrySearch search;
    private final AccountService accounts;
    private final JournalService journals;
    private final LedgerService ledger;
    private final Messages messages;

    GeneralJournalController(EntrySearch search, AccountService accounts, JournalService journals, LedgerService ledger,
            Messages messages) {
        this.search = search;
        this.accounts = accounts;
        this.journals = journals;
        this.ledger = ledger;
        this.messages = messages;
    }

    @GetMapping("/journal")
    String journal(Section section,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String journal, @RequestParam(required = false) Long account,
            @RequestParam(required = false) String text, @RequestParam(required = false) EntryStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        EntryFilter filter = new EntryFilter(section.id(), from, to, journal, account, text, status);
        model.addAttribute("filter", filter);
        model.addAttribute("page", search.search(filter, page, PAGE_SIZE));
        Map<Long, Account> byId = new LinkedHashMap<>();
        accounts.list(section.id()).forEach(a -> byId.put(a.id(), a));
        model.addAttribute("accounts", byId);
        model.addAttribute("journals", journals.list());
        model.addAttribute("statuses", EntryStatus.values());
        return "ledger/journal";
    }

    /** Validates (freezes) the selected entries of the active section, then shows the same page of the journal again. */
    @PostMapping("/journal/freeze")
    String freeze(Section section, @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("notice", messages.get("journal.freeze.none"));
        } else {
            FreezeReport report = ledger.freeze(section.id(), ids);
            redirect.addFlashAttribute("notice", messages.get("journal.freeze.done", report.frozen().size(), report.alreadyFrozen().size()));
        }
        // back is the journal's own query string: the redirect stays on /journal
        return "redirect:" + UriComponentsBuilder.fromPath("/journal").query(back == null ? null : back.replaceAll("[\\r\\n#]", ""))
                .build().toUriString();
    }
}
