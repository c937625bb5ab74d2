package org.envol.ledger;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a member's own accounts; the active section's figures and the way to its pages. */
@Controller
class HomeController {

    private final EntrySearch search;
    private final AccountService accounts;
    private final BalanceService balances;
    private final java.time.Clock clock;

    HomeController(EntrySearch search, AccountService accounts, BalanceService balances, java.time.Clock clock) {
        this.search = search;
        this.accounts = accounts;
        this.balances = balances;
        this.clock = clock;
    }

    /** A member's own account and its balance today, for the home page. */
    record OwnAccount(Account account, long balanceCents) {
    }

    @GetMapping("/")
    String home(Optional<Section> section, Model model) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        model.addAttribute("ownAccounts", accounts.own().stream()
                .map(a -> new OwnAccount(a, balances.balanceCents(a.id(), today))).toList());
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
