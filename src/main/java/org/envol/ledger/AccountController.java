package org.envol.ledger;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The section's accounts with their balance, and one account's ledger with its running balance. */
@Controller
class AccountController {

    static final int STATEMENT_PAGE_SIZE = 50;

    private final AccountService accounts;
    private final BalanceService balances;
    private final ChartService chart;
    private final FiscalYearService years;
    private final Messages messages;
    private final Clock clock;

    AccountController(AccountService accounts, BalanceService balances, ChartService chart, FiscalYearService years,
            Messages messages, Clock clock) {
        this.accounts = accounts;
        this.balances = balances;
        this.chart = chart;
        this.years = years;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/accounts")
    String list(Section section, @RequestParam(name = "class", required = false) Integer accountClass,
            @RequestParam(required = false) String code, Model model) {
        String prefix = code != null && !code.isBlank() ? code.strip() : accountClass != null ? accountClass.toString() : null;
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("accounts", prefix == null ? accounts.list(section.id()) : accounts.listByPrefix(section.id(), prefix));
        model.addAttribute("balances", balances.accountBalances(section.id(), today));
        model.addAttribute("today", today);
        model.addAttribute("accountClass", accountClass);
        model.addAttribute("code", code);
        model.addAttribute("chart", chart.list());
        return "ledger/accounts";
    }

    @PostMapping("/accounts")
    String create(Section section, @RequestParam String code, @RequestParam String label, RedirectAttributes redirect) {
        Account created = accounts.create(section.id(), code, label);
        redirect.addFlashAttribute("notice", messages.get("account.created", created.display()));
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return setActive(id, false, redirect);
    }

    @PostMapping("/accounts/{id}/reopen")
    String reopen(@PathVariable long id, RedirectAttributes redirect) {
        return setActive(id, true, redirect);
    }

    private String setActive(long id, boolean active, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        Account changed = accounts.update(id, account.label(), active);
        redirect.addFlashAttribute("notice", messages.get(active ? "account.reopened" : "account.closed", changed.display()));
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        accounts.delete(id);
        redirect.addFlashAttribute("notice", messages.get("account.deleted", account.display()));
        return "redirect:/accounts";
    }

    /** An account's ledger between two dates (by default the current fiscal year), a page at a time. */
    @GetMapping("/accounts/{id}")
    String statement(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Account account = accounts.get(id);
        BookPeriod period = BookPeriod.asked(from, to, years, account.sectionId(), LocalDate.now(clock));
        model.addAttribute("statement", balances.statement(id, period.from(), period.to(), page, STATEMENT_PAGE_SIZE));
        return "ledger/statement";
    }
}
