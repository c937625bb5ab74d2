package org.envol.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. Spring Security handles the form's POST, the failures and the sign-out. */
@Controller
class LoginController {

    private final UserService users;

    LoginController(UserService users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
        if (CurrentUser.name().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("lockedMinutes", minutes(locked));
        // on a fresh install, say how to create the first admin instead of leaving a dead end
        model.addAttribute("firstRun", !users.hasUsers());
        return "security/login";
    }

    private static Integer minutes(String locked) {
        if (locked == null || !locked.matches("\\d{1,3}")) {
            return null;
        }
        return Integer.valueOf(locked);
    }
}
