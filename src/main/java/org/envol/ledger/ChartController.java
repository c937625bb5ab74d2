package org.envol.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chart of accounts: list, add a code, relabel, delete (refused by the ledger when in use). */
@Controller
class ChartController {

    private final ChartService chart;
    private final Messages messages;

    ChartController(ChartService chart, Messages messages) {
        this.chart = chart;
        this.messages = messages;
    }

    @GetMapping("/chart")
    String list(@RequestParam(name = "class", required = false) Integer accountClass, Model model) {
        model.addAttribute("codes", chart.list().stream().filter(c -> accountClass == null || c.accountClass() == accountClass).toList());
        model.addAttribute("inUse", chart.codesInUse());
        model.addAttribute("accountClass", accountClass);
        return "ledger/chart";
    }

    @PostMapping("/chart")
    String add(@RequestParam String code, @RequestParam String label, RedirectAttributes redirect) {
        ChartCode added = chart.add(code, label);
        redirect.addFlashAttribute("notice", messages.get("chart.added", added.code()));
        return "redirect:/chart?class=" + added.accountClass() + "#code-" + added.code();
    }

    @PostMapping("/chart/{code}/label")
    String relabel(@PathVariable String code, @RequestParam String label, RedirectAttributes redirect) {
        ChartCode changed = chart.relabel(code, label);
        redirect.addFlashAttribute("notice", messages.get("chart.relabelled", changed.code()));
        return "redirect:/chart?class=" + changed.accountClass() + "#code-" + changed.code();
    }

    @PostMapping("/chart/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        chart.delete(code);
        redirect.addFlashAttribute("notice", messages.get("chart.deleted", code));
        return "redirect:/chart";
    }
}
