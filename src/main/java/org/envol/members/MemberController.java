package org.envol.members;

import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The members pages: the active section's list, a member's page (stays, accounts and balances,
 * login), the form, joining and leaving. The rules and the access checks are the service's.
 */
@Controller
@RequestMapping("/members")
class MemberController {

    private final MemberService members;
    private final MemberAccess access;
    private final SectionService sections;
    private final MemberMessages messages;

    MemberController(MemberService members, MemberAccess access, SectionService sections, MemberMessages messages) {
        this.members = members;
        this.access = access;
        this.sections = sections;
        this.messages = messages;
    }

    @GetMapping
    String list(Section section, @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        model.addAttribute("rows", members.list(section.id(), q, all));
        model.addAttribute("q", q);
        model.addAttribute("all", all);
        return "members/list";
    }

    @GetMapping("/new")
    String newMember(Section section, Model model) {
        access.requireWrite(section.id());
        return form(section, new MemberData(null, null, null, null, null), List.of(section.id()), null, model);
    }

    @PostMapping
    String create(Section section, @RequestParam(required = false) String lastName, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) Long payerId, @RequestParam(required = false) List<Long> sectionIds,
            Model model, RedirectAttributes redirect) {
        MemberData data = new MemberData(lastName, firstName, email, birthDate, payerId);
        List<Long> chosen = sectionIds == null ? List.of() : sectionIds;
        try {
            Member created = members.create(data, chosen, null);
            redirect.addFlashAttribute("notice", messages.get("members.created", created.display()));
            return "redirect:/members/" + created.id();
        } catch (MemberRejectedException e) {
            model.addAttribute("problems", messages.texts(e));
            return form(section, data, chosen, null, model);
        }
    }

    @GetMapping("/{id}")
    String member(@PathVariable long id, Model model) {
        MemberService.Details details = members.get(id);
        model.addAttribute("details", details);
        model.addAttribute("m", details.member());
        // the sections the user may make the member join: those he or she keeps, minus where the member flies
        model.addAttribute("joinable", sections.all().stream()
                .filter(s -> access.canWrite(s.id()) && !details.activeSectionIds().contains(s.id())).toList());
        model.addAttribute("today", members.today());
        model.addAttribute("isAdmin", access.isAdmin());
        model.addAttribute("suggestedUsername", MemberService.defaultUsername(details.member()));
        return "members/member";
    }

    @GetMapping("/{id}/edit")
    String edit(Section section, @PathVariable long id, Model model) {
        MemberService.Details details = members.get(id);
        if (!details.canManage()) {
            // the form would be refused when sent: say so now
            throw new AccessDeniedException("write section");
        }
        return form(section, MemberData.of(details.member()), List.of(), details.member(), model);
    }

    @PostMapping("/{id}")
    String update(Section section, @PathVariable long id, @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String firstName, @RequestParam(required = false) String email,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) Long payerId, Model model, RedirectAttributes redirect) {
        MemberData data = new MemberData(lastName, firstName, email, birthDate, payerId);
        try {
            Member updated = members.update(id, data);
            redirect.addFlashAttribute("notice", messages.get("members.updated", updated.display()));
            return "redirect:/members/" + id;
        } catch (MemberRejectedException e) {
            model.addAttribute("problems", messages.texts(e));
            return form(section, data, List.of(), members.get(id).member(), model);
        }
    }

    @PostMapping("/{id}/join")
    String join(@PathVariable long id, @RequestParam long sectionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
        members.join(id, sectionId, date);
        redirect.addFlashAttribute("notice", messages.get("members.joined", sections.get(sectionId).name()));
        return "redirect:/members/" + id;
    }

    @PostMapping("/{id}/sections/{sectionId}/leave")
    String leaveSection(@PathVariable long id, @PathVariable long sectionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
        members.leaveSection(id, sectionId, date);
        redirect.addFlashAttribute("notice", messages.get("members.leftSection", sections.get(sectionId).name()));
        return "redirect:/members/" + id;
    }

    @PostMapping("/{id}/leave")
    String leave(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        Member left = members.leave(id, date);
        redirect.addFlashAttribute("notice", messages.get("members.left", left.display()));
        return "redirect:/members/" + id;
    }

    @PostMapping("/{id}/accounts/{accountId}/close")
    String closeAccount(@PathVariable long id, @PathVariable long accountId, RedirectAttributes redirect) {
        var closed = members.closeAccount(id, accountId);
        redirect.addFlashAttribute("notice", messages.get("members.accountClosed", closed.display()));
        return "redirect:/members/" + id;
    }

    /** The generated password is shown once, on the next page, and kept nowhere. */
    @PostMapping("/{id}/login")
    String createLogin(@PathVariable long id, @RequestParam(required = false) String username,
            @RequestParam(required = false) String password, RedirectAttributes redirect) {
        MemberService.NewLogin login = members.createLogin(id, username, password);
        redirect.addFlashAttribute("notice", messages.get("members.login.created", login.user().username()));
        if (login.initialPassword() != null) {
            redirect.addFlashAttribute("initialPassword", login.initialPassword());
        }
        return "redirect:/members/" + id;
    }

    @PostMapping("/{id}/login/link")
    String linkLogin(@PathVariable long id, @RequestParam String username, RedirectAttributes redirect) {
        var user = members.linkLogin(id, username);
        redirect.addFlashAttribute("notice", messages.get("members.login.linked", user.username()));
        return "redirect:/members/" + id;
    }

    private String form(Section section, MemberData data, List<Long> chosen, Member editing, Model model) {
        model.addAttribute("form", data);
        model.addAttribute("editing", editing);
        model.addAttribute("chosen", chosen);
        model.addAttribute("writable", sections.all().stream().filter(s -> access.canWrite(s.id())).toList());
        model.addAttribute("payers", members.list(section.id(), null, false).stream().map(MemberService.Row::member)
                .filter(p -> editing == null || p.id() != editing.id()).toList());
        model.addAttribute("today", members.today());
        return "members/form";
    }

}
