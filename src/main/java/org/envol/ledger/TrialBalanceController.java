package org.envol.ledger;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trial balance (« balance générale ») of a period, by default the current fiscal year. */
@Controller
class TrialBalanceController {

    private final BalanceService balances;
    private final FiscalYearService years;
    private final Clock clock;

    TrialBalanceController(BalanceService balances, FiscalYearService years, Clock clock) {
        this.balances = balances;
        this.years = years;
        this.clock = clock;
    }

    @GetMapping("/trial-balance")
    String trialBalance(Section section,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        BookPeriod period = BookPeriod.asked(from, to, years, section.id(), LocalDate.now(clock));
        model.addAttribute("trialBalance", balances.trialBalance(section.id(), period.from(), period.to()));
        model.addAttribute("years", years.list(section.id()));
        return "ledger/trial-balance";
    }
}
