package org.envol.ledger;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the active section's figures and the way to its pages. */
@Controller
class HomeController {

    private final EntrySearch search;

    HomeController(EntrySearch search) {
        this.search = search;
    }

    @GetMapping("/")
    String home(Optional<Section> section, Model model) {
        section.ifPresent(s -> {
            model.addAttribute("entryCount", count(s, null));
            model.addAttribute("draftCount", count(s, EntryStatus.DRAFT));
            model.addAttribute("postedCount", count(s, EntryStatus.POSTED));
        });
        return "ledger/home";
    }

    private long count(Section s, EntryStatus status) {
        return search.search(new EntryFilter(s.id(), null, null, null, null, null, status), 0, 1).total();
    }
}
