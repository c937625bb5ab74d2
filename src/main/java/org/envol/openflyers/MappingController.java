package org.envol.openflyers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /openflyers}: the OpenFlyers index, and {@code /openflyers/mappings}, the section's
 * mapping table, edited inline here and from the import screens (their forms post here with the
 * page to go back to). « Créer le compte » asks the treasurer to confirm first.
 */
@Controller
class MappingController {

    static final List<String> BACK = List.of("/openflyers/mappings", "/openflyers/balances");

    private final AccountMappings mappings;
    private final AccountService accounts;
    private final Messages messages;

    MappingController(AccountMappings mappings, AccountService accounts, Messages messages) {
        this.mappings = mappings;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/openflyers")
    String index(Section section) {
        return "openflyers/index";
    }

    @GetMapping("/openflyers/mappings")
    String list(Section section, Model model) {
        List<Account> all = accounts.list(section.id());
        Map<Long, Account> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        model.addAttribute("mappings", List.copyOf(mappings.all(section.id()).values()));
        model.addAttribute("accounts", all.stream().filter(Account::active).toList());
        model.addAttribute("accountById", byId);
        return "openflyers/mappings";
    }

    @PostMapping("/openflyers/mappings")
    String map(Section section, @RequestParam String openFlyersId, @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "") String choice, @RequestParam(required = false) String back, Model model,
            RedirectAttributes redirect) {
        String to = back(back);
        try {
            MappingChoice c = MappingChoice.parse(choice);
            if (c.create()) {
                model.addAttribute("openFlyersId", openFlyersId);
                model.addAttribute("name", name == null || name.isBlank() ? openFlyersId : name.strip());
                model.addAttribute("back", to);
                return "openflyers/create-account";
            }
            mappings.map(section.id(), openFlyersId, name, c.accountId());
            redirect.addFlashAttribute("notice", messages.get("openflyers.mapping.saved", openFlyersId));
        } catch (OpenFlyersException e) {
            redirect.addFlashAttribute("problems", List.of(messages.get(e.key(), e.args().toArray())));
        }
        return "redirect:" + to;
    }

    @PostMapping("/openflyers/mappings/create")
    String create(Section section, @RequestParam String openFlyersId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            mappings.mapToNewMemberAccount(section.id(), openFlyersId, name);
            redirect.addFlashAttribute("notice", messages.get("openflyers.mapping.saved", openFlyersId));
        } catch (OpenFlyersException e) {
            redirect.addFlashAttribute("problems", List.of(messages.get(e.key(), e.args().toArray())));
        }
        return "redirect:" + back(back);
    }

    @PostMapping("/openflyers/mappings/remove")
    String remove(Section section, @RequestParam String openFlyersId, RedirectAttributes redirect) {
        mappings.remove(section.id(), openFlyersId);
        redirect.addFlashAttribute("notice", messages.get("openflyers.mapping.removed", openFlyersId));
        return "redirect:/openflyers/mappings";
    }

    /** Back to one of our own pages only (never an address taken from the request as is). */
    private static String back(String back) {
        return back != null && BACK.contains(back) ? back : BACK.get(0);
    }
}
