package org.envol.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own password: current one, new one twice. Any signed-in user, members
 * included; the rules are {@link UserService#changeOwnPassword}'s. The layout shows the outcome
 * (flash {@code notice} or {@code problems}); the form is never refilled with what was typed.
 */
@Controller
@RequestMapping("/me/password")
class MyPasswordController {

    private static final String BACK = "redirect:/me/password";

    private final UserService users;
    private final PageActions actions;
    private final SignedInSessions sessions;

    MyPasswordController(UserService users, PageActions actions, SignedInSessions sessions) {
        this.users = users;
        this.actions = actions;
        this.sessions = sessions;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordMin", SecurityLimits.PASSWORD_MIN);
        return "security/password";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation, RedirectAttributes flash, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            users.changeOwnPassword(currentPassword, newPassword, confirmation);
            // the user's other sessions end at their next request; this one goes on
            sessions.refresh(request, response);
            flash.addFlashAttribute("notice", actions.text("security.password.changed"));
        } catch (UserRejectedException refused) {
            flash.addFlashAttribute("problems", List.of(actions.message(refused)));
        }
        return BACK;
    }
}
