package org.envol.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The active section's fiscal years (« exercices »): list and create. */
@Controller
class FiscalYearController {

    private final FiscalYearService years;
    private final Messages messages;
    private final Clock clock;

    FiscalYearController(FiscalYearService years, Messages messages, Clock clock) {
        this.years = years;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/fiscal-years")
    String list(Section section, Model model) {
        List<FiscalYear> list = years.list(section.id());
        model.addAttribute("years", list);
        // the form proposes the year after the last one, or the calendar year
        LocalDate start = list.isEmpty() ? LocalDate.now(clock).withDayOfYear(1) : list.get(list.size() - 1).endDate().plusDays(1);
        model.addAttribute("nextStart", start);
        model.addAttribute("nextEnd", start.plusYears(1).minusDays(1));
        return "ledger/fiscal-years";
    }

    @PostMapping("/fiscal-years")
    String create(Section section, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end, RedirectAttributes redirect) {
        FiscalYear created = years.create(section.id(), start, end);
        redirect.addFlashAttribute("notice", messages.get("fiscalYear.created", created.startDate(), created.endDate()));
        return "redirect:/fiscal-years";
    }
}
