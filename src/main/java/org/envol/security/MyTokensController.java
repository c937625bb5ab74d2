package org.envol.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's API tokens: list, create (the token is shown once), revoke. */
@Controller
@RequestMapping("/me/tokens")
class MyTokensController {

    private static final String BACK = "redirect:/me/tokens";

    private final ApiTokenService tokens;
    private final PageActions actions;

    MyTokensController(ApiTokenService tokens, PageActions actions) {
        this.tokens = tokens;
        this.actions = actions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("tokenNameMax", SecurityLimits.TOKEN_NAME_MAX);
        return "security/tokens";
    }

    @PostMapping
    String create(@RequestParam String name, RedirectAttributes flash) {
        IssuedToken issued = actions.run(flash, () -> tokens.createMine(name), "security.tokens.created", name.trim());
        if (issued != null) {
            // flash attributes live in the session until the next page shows them, once
            flash.addFlashAttribute("issued", issued);
        }
        return BACK;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        actions.run(flash, () -> tokens.revoke(id), "security.tokens.revoked");
        return BACK;
    }
}
