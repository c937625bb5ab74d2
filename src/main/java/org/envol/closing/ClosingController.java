package org.envol.closing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.AccountService;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Rejection;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /closing/{year}}: the closing page of a fiscal year of the active section — preview,
 * choice for the prior result, checklist with the bank balance confirmations, « Valider la
 * clôture »; once closed, the entries posted and (admins) the reopening form.
 */
@Controller
class ClosingController {

    private final ClosingService closing;
    private final FiscalYearService years;
    private final AccountService accounts;
    private final ClosingTexts texts;

    ClosingController(ClosingService closing, FiscalYearService years, AccountService accounts, ClosingTexts texts) {
        this.closing = closing;
        this.years = years;
        this.accounts = accounts;
        this.texts = texts;
    }

    /** The year to close next: the first one still open, else the last one. */
    @GetMapping("/closing")
    String current(Section section) {
        List<FiscalYear> list = years.list(section.id());
        if (list.isEmpty()) {
            return "redirect:/fiscal-years";
        }
        FiscalYear year = list.stream().filter(y -> !y.closed()).findFirst().orElse(list.get(list.size() - 1));
        return "redirect:/closing/" + year.id();
    }

    @GetMapping("/closing/{yearId}")
    String page(Section section, @PathVariable long yearId, @RequestParam(required = false) String carry, Model model) {
        FiscalYear year = ofSection(section, yearId);
        ClosingPlan plan = closing.preview(year.id(), CarryTarget.parse(carry).orElse(null));
        model.addAttribute("plan", plan);
        model.addAttribute("years", years.list(section.id()));
        model.addAttribute("yearName", ClosingService.yearName(year));
        Map<Long, Long> totals = new HashMap<>();
        plan.standing().forEach(e -> totals.put(e.id(), e.lines().stream().mapToLong(l -> Math.max(0, l.amountCents())).sum()));
        model.addAttribute("totals", totals);
        model.addAttribute("reasonMax", ClosingService.REASON_MAX);
        return "closing/closing";
    }

    @PostMapping("/closing/{yearId}")
    String close(Section section, @PathVariable long yearId, @RequestParam(required = false) String carry,
            @RequestParam(defaultValue = "false") boolean createAccounts, RedirectAttributes redirect) {
        FiscalYear year = ofSection(section, yearId);
        CarryTarget target = CarryTarget.parse(carry).orElse(CarryTarget.RETAINED);
        try {
            ClosingPlan done = closing.close(year.id(), target, createAccounts);
            redirect.addFlashAttribute("notice", texts.text(Notice.of("closing.done", year.startDate(), year.endDate(),
                    done.standing().size())));
        } catch (ClosingException e) {
            redirect.addFlashAttribute("problems", texts.texts(e));
        } catch (RejectedException e) {
            redirect.addFlashAttribute("problems", texts.texts(e));
        }
        return "redirect:/closing/" + year.id() + "?carry=" + target.option();
    }

    @PostMapping("/closing/{yearId}/banks/{accountId}")
    String confirmBank(Section section, @PathVariable long yearId, @PathVariable long accountId, @RequestParam long balanceCents,
            @RequestParam(required = false) String carry, RedirectAttributes redirect) {
        FiscalYear year = ofSection(section, yearId);
        try {
            BankConfirmation c = closing.confirmBank(year.id(), accountId, balanceCents);
            redirect.addFlashAttribute("notice", texts.text(Notice.of("closing.bank.confirmed", accounts.get(accountId).display(),
                    year.endDate(), new Notice.Amount(c.balanceCents()))));
        } catch (ClosingException e) {
            redirect.addFlashAttribute("problems", texts.texts(e));
        }
        return "redirect:/closing/" + year.id() + CarryTarget.parse(carry).map(c -> "?carry=" + c.option()).orElse("");
    }

    @PostMapping("/closing/{yearId}/reopen")
    String reopen(Section section, @PathVariable long yearId, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean reverse, RedirectAttributes redirect) {
        FiscalYear year = ofSection(section, yearId);
        try {
            ReopenReport report = closing.reopen(year.id(), reason, reverse);
            redirect.addFlashAttribute("notice", report.reversals().isEmpty()
                    ? texts.text(Notice.of("closing.reopened", year.startDate(), year.endDate()))
                    : texts.text(Notice.of("closing.reopened.reversed", year.startDate(), year.endDate(), report.reversals().size())));
        } catch (ClosingException e) {
            redirect.addFlashAttribute("problems", texts.texts(e));
        }
        return "redirect:/closing/" + year.id();
    }

    /** The year, when it belongs to the active section (another section's is « unknown » here: a 404). */
    private FiscalYear ofSection(Section section, long yearId) {
        FiscalYear year = closing.year(yearId);
        if (year.sectionId() != section.id()) {
            throw new RejectedException(Rejection.of(RejectionCode.FISCAL_YEAR_UNKNOWN, yearId));
        }
        return year;
    }
}
