package org.envol.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' page of users: create, roles per section, member accounts, disable, new password. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private static final String BACK = "redirect:/admin/users";

    private final UserService users;
    private final SectionService sections;
    private final AccountService accounts;
    private final PageActions actions;
    private final SignedInSessions sessions;

    AdminUsersController(UserService users, SectionService sections, AccountService accounts, PageActions actions,
            SignedInSessions sessions) {
        this.users = users;
        this.sections = sections;
        this.accounts = accounts;
        this.actions = actions;
        this.sessions = sessions;
    }

    @GetMapping
    String list(Model model) {
        List<AppUser> all = users.list();
        Map<Long, String> sectionCodes = new LinkedHashMap<>();
        for (Section s : sections.all()) {
            sectionCodes.put(s.id(), s.code());
        }
        Map<Long, String> accountNames = new LinkedHashMap<>();
        all.stream().flatMap(u -> u.accountIds().stream()).distinct().forEach(id -> accountNames.put(id, accountName(id, sectionCodes)));
        model.addAttribute("users", all);
        // not "sections": the layout's section switcher owns that name
        model.addAttribute("allSections", sections.all());
        model.addAttribute("sectionCodes", sectionCodes);
        model.addAttribute("accountNames", accountNames);
        // ADMIN last, so that the list's first choice is never the most powerful one
        model.addAttribute("roles", List.of(Role.TREASURER, Role.ACCOUNTANT, Role.MEMBER, Role.ADMIN));
        model.addAttribute("passwordMin", SecurityLimits.PASSWORD_MIN);
        return "security/users";
    }

    private String accountName(long id, Map<Long, String> sectionCodes) {
        try {
            Account a = accounts.get(id);
            return sectionCodes.get(a.sectionId()) + " · " + a.display();
        } catch (RejectedException gone) {
            return "#" + id;
        }
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam(required = false) String displayName, @RequestParam String password,
            @RequestParam(defaultValue = "false") boolean admin, RedirectAttributes flash) {
        List<Grant> grants = admin ? List.of(Grant.clubWide(Role.ADMIN)) : List.of();
        AppUser created = actions.run(flash, () -> users.create(username, displayName, password, grants),
                "security.users.created", UserService.normalize(username));
        if (created == null) {
            // keep what was typed, except the password
            flash.addFlashAttribute("draftUsername", username);
            flash.addFlashAttribute("draftDisplayName", displayName == null ? "" : displayName);
        }
        return BACK;
    }

    @PostMapping("/{id}/grant")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long sectionId, RedirectAttributes flash) {
        actions.run(flash, () -> users.grant(id, new Grant(sectionId, role)), "security.users.granted");
        return BACK;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long sectionId, RedirectAttributes flash) {
        actions.run(flash, () -> users.revoke(id, new Grant(sectionId, role)), "security.users.revoked");
        return BACK;
    }

    @PostMapping("/{id}/accounts")
    String link(@PathVariable long id, @RequestParam String accountId, RedirectAttributes flash) {
        actions.run(flash, () -> users.linkAccount(id, accountNumber(accountId)), "security.users.linked");
        return BACK;
    }

    @PostMapping("/{id}/accounts/{accountId}/unlink")
    String unlink(@PathVariable long id, @PathVariable long accountId, RedirectAttributes flash) {
        actions.run(flash, () -> users.unlinkAccount(id, accountId), "security.users.unlinked");
        return BACK;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes flash) {
        actions.run(flash, () -> users.disable(id), "security.users.disabled");
        return BACK;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes flash) {
        actions.run(flash, () -> users.enable(id), "security.users.enabled");
        return BACK;
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable long id, @RequestParam String password, RedirectAttributes flash, HttpServletRequest request,
            HttpServletResponse response) {
        actions.run(flash, () -> {
            users.changePassword(id, password);
            sessions.refresh(request, response); // an admin who resets his or her own password stays signed in here
            return id;
        }, "security.users.passwordChanged");
        return BACK;
    }

    private static long accountNumber(String typed) {
        String t = typed == null ? "" : typed.trim().replaceFirst("^#", "");
        if (!t.matches("\\d{1,18}")) {
            throw new UserRejectedException(UserRejection.ACCOUNT_UNKNOWN, typed == null ? "" : typed.trim());
        }
        return Long.parseLong(t);
    }
}
