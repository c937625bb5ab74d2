package org.envol.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One entry: the free entry form (treasurers), its page, and the acts on it (post a draft,
 * validate, reverse, delete). The ledger decides; this translates.
 */
@Controller
class EntryController {

    /** How a rejection's code points at the form's field (line 0 is the entry itself). */
    private static String field(RejectionCode code) {
        return switch (code) {
            case JOURNAL_UNKNOWN, JOURNAL_INACTIVE -> "journal";
            case DATE_MISSING, NO_FISCAL_YEAR, FISCAL_YEAR_CLOSED -> "date";
            case LABEL_MISSING, LABEL_TOO_LONG -> "label";
            case VOUCHER_TOO_LONG -> "voucher";
            case TOO_FEW_LINES, TOO_MANY_LINES -> "lines";
            case LINE_ACCOUNT_MISSING, LINE_ACCOUNT_UNKNOWN, LINE_ACCOUNT_OTHER_SECTION, LINE_ACCOUNT_CLOSED -> "account";
            case LINE_ZERO, LINE_AMOUNT_TOO_LARGE -> "amount";
            case LINE_LABEL_TOO_LONG, LINE_ANALYTIC_TOO_LONG -> "lineLabel";
            case UNBALANCED -> "total";
            default -> "entry";
        };
    }

    /** A message shown above the form, and the field it is about. */
    record Fault(String text, int lineNo, String field) {
        String key() {
            return lineNo + ":" + field;
        }
    }

    private final LedgerService ledger;
    private final AccountService accounts;
    private final JournalService journals;
    private final LedgerAccess access;
    private final Messages messages;
    private final Clock clock;

    EntryController(LedgerService ledger, AccountService accounts, JournalService journals, LedgerAccess access, Messages messages,
            Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.journals = journals;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    @InitBinder("form")
    void lines(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(Limits.LINES_PER_ENTRY_MAX + 1);
    }

    // ---- the page of one entry

    @GetMapping("/entries/{id}")
    String show(@PathVariable long id, Model model) {
        Entry entry = ledger.get(id);
        model.addAttribute("entry", entry);
        model.addAttribute("accounts", accountsById(entry.sectionId()));
        model.addAttribute("reversedBy", ledger.reversalOf(id).orElse(null));
        model.addAttribute("totalDebit", entry.lines().stream().mapToLong(l -> Math.max(0, l.amountCents())).sum());
        return "ledger/entry";
    }

    // ---- the free entry form

    @GetMapping("/entries/new")
    String newForm(Section section, Model model) {
        access.requireWrite(section.id());
        return form(model, EntryForm.blank(section.id(), LocalDate.now(clock)), null, List.of());
    }

    @PostMapping("/entries/new")
    String create(Section section, @ModelAttribute("form") EntryForm form, @RequestParam(defaultValue = "post") String action,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long sectionId = form.getSectionId() == null ? section.id() : form.getSectionId();
        form.setSectionId(sectionId);
        access.requireWrite(sectionId);
        form.compact();
        EntryForm.Reading reading = form.read(sectionId);
        if (!reading.problems().isEmpty()) {
            return refused(model, response, form, null, faults(reading));
        }
        try {
            Entry entry = "draft".equals(action) ? ledger.saveDraft(reading.draft()) : ledger.post(reading.draft());
            redirect.addFlashAttribute("notice", messages.get("draft".equals(action) ? "entry.saved.draft" : "entry.saved.posted"));
            return "redirect:/entries/" + entry.id();
        } catch (RejectedException e) {
            return refused(model, response, form, null, faults(e.rejections()));
        }
    }

    @GetMapping("/entries/{id}/edit")
    String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Entry entry = ledger.get(id);
        access.requireWrite(entry.sectionId());
        if (entry.frozen()) {
            // the ledger would refuse the change: say so before the user types anything
            redirect.addFlashAttribute("problems", List.of(messages.rejection(Rejection.of(RejectionCode.ENTRY_FROZEN, entry.displayNumber()))));
            return "redirect:/entries/" + id;
        }
        return form(model, EntryForm.of(entry, LocaleContextHolder.getLocale()), entry, List.of());
    }

    @PostMapping("/entries/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") EntryForm form, @RequestParam(defaultValue = "post") String action,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Entry entry = ledger.get(id);
        access.requireWrite(entry.sectionId());
        form.setSectionId(entry.sectionId());
        form.compact();
        EntryForm.Reading reading = form.read(entry.sectionId());
        if (!reading.problems().isEmpty()) {
            return refused(model, response, form, entry, faults(reading));
        }
        try {
            ledger.update(id, reading.draft(), "draft".equals(action) ? EntryStatus.DRAFT : EntryStatus.POSTED);
            redirect.addFlashAttribute("notice", messages.get("draft".equals(action) ? "entry.saved.draft" : "entry.saved.posted"));
            return "redirect:/entries/" + id;
        } catch (RejectedException e) {
            return refused(model, response, form, entry, faults(e.rejections()));
        }
    }

    /** Without script, « Ajouter une ligne » posts the form and gets it back one line longer. */
    @PostMapping(path = {"/entries/new", "/entries/{id}/edit"}, params = "addLine")
    String addLine(@PathVariable(required = false) Long id, Section section, @ModelAttribute("form") EntryForm form, Model model) {
        Entry entry = id == null ? null : ledger.get(id);
        long sectionId = entry != null ? entry.sectionId() : form.getSectionId() != null ? form.getSectionId() : section.id();
        access.requireWrite(sectionId);
        form.setSectionId(sectionId);
        form.compact();
        form.getLines().add(new EntryForm.LineForm());
        return form(model, form, entry, List.of());
    }

    private String refused(Model model, HttpServletResponse response, EntryForm form, Entry entry, List<Fault> faults) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, form, entry, faults);
    }

    private String form(Model model, EntryForm form, Entry entry, List<Fault> faults) {
        Set<Long> used = new HashSet<>();
        form.getLines().forEach(l -> used.add(l.getAccountId()));
        // active accounts, and the closed ones the lines already name (the ledger will say they are closed)
        model.addAttribute("accounts", accounts.list(form.getSectionId()).stream().filter(a -> a.active() || used.contains(a.id())).toList());
        model.addAttribute("journals", journals.list().stream().filter(j -> j.active() || j.code().equals(form.getJournalCode())).toList());
        model.addAttribute("form", form);
        model.addAttribute("entry", entry);
        model.addAttribute("faults", faults);
        Set<String> at = new HashSet<>();
        faults.forEach(f -> at.add(f.key()));
        model.addAttribute("faultAt", at);
        return "ledger/entry-form";
    }

    private List<Fault> faults(List<Rejection> rejections) {
        return rejections.stream().map(r -> new Fault(messages.rejection(r), r.lineNo(), field(r.code()))).toList();
    }

    /**
     * What could not be read, then what the ledger says of the rest — leaving out what only
     * repeats the reading's problem (a line counted as zero, an imbalance of unread amounts).
     */
    private List<Fault> faults(EntryForm.Reading reading) {
        List<Fault> out = new ArrayList<>();
        reading.problems().forEach(p -> out.add(new Fault(messages.get(p.key(), p.args().toArray()), p.lineNo(), p.field())));
        for (Rejection r : ledger.check(reading.draft())) {
            boolean repeats = r.code() == RejectionCode.DATE_MISSING && reading.dateProblem()
                    || r.code() == RejectionCode.LINE_ZERO && reading.amountProblemAt(r.lineNo())
                    || r.code() == RejectionCode.UNBALANCED && reading.amountProblem();
            if (!repeats) {
                out.add(new Fault(messages.rejection(r), r.lineNo(), field(r.code())));
            }
        }
        return out;
    }

    // ---- acts on a stored entry

    @PostMapping("/entries/{id}/post")
    String postDraft(@PathVariable long id, RedirectAttributes redirect) {
        ledger.postDraft(id);
        redirect.addFlashAttribute("notice", messages.get("entry.saved.posted"));
        return "redirect:/entries/" + id;
    }

    @PostMapping("/entries/{id}/freeze")
    String freeze(@PathVariable long id, RedirectAttributes redirect) {
        FreezeReport report = ledger.freeze(List.of(id));
        redirect.addFlashAttribute("notice", report.frozen().isEmpty() ? messages.get("entry.already.frozen")
                : messages.get("entry.frozen", report.frozen().get(0).displayNumber()));
        return "redirect:/entries/" + id;
    }

    @PostMapping("/entries/{id}/reverse")
    String reverse(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String label, RedirectAttributes redirect) {
        Entry reversal = ledger.reverse(id, date, label == null || label.isBlank() ? null : label.strip());
        redirect.addFlashAttribute("notice", messages.get("entry.reversed"));
        return "redirect:/entries/" + reversal.id();
    }

    @PostMapping("/entries/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        ledger.delete(id);
        redirect.addFlashAttribute("notice", messages.get("entry.deleted", id));
        return "redirect:/journal";
    }

    private Map<Long, Account> accountsById(long sectionId) {
        Map<Long, Account> out = new LinkedHashMap<>();
        accounts.list(sectionId).forEach(a -> out.put(a.id(), a));
        return out;
    }
}
