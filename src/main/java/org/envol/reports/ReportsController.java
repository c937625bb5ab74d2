package org.envol.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.envol.ledger.AccountService;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.JournalService;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.ledger.Section;
import org.envol.reports.ReportExports.Export;
import org.envol.reports.ReportExports.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /reports}: the list of reports, and each report on screen with its form (dates, fiscal
 * year, journal, threshold, grouping, consolidated) and its downloads — the same address with
 * {@code format=csv|xlsx|pdf}. What is built and who may see it is the services' business.
 */
@Controller
class ReportsController {

    /** What the form sent, as typed. */
    record Form(LocalDate from, LocalDate to, LocalDate at, String journal, Long account, String threshold, String by,
            boolean all, YearMonth month, int page) {
    }

    private final ReportExports exports;
    private final ReportScopes scopes;
    private final ReportPeriods periods;
    private final FiscalYearService years;
    private final JournalService journals;
    private final AccountService accounts;
    private final Messages messages;

    ReportsController(ReportExports exports, ReportScopes scopes, ReportPeriods periods,
            FiscalYearService years, JournalService journals, AccountService accounts, Messages messages) {
        this.exports = exports;
        this.scopes = scopes;
        this.periods = periods;
        this.years = years;
        this.journals = journals;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String index(Section section, Model model) {
        scopes.section(section);
        model.addAttribute("names", ReportName.values());
        model.addAttribute("canConsolidate", scopes.canConsolidate());
        model.addAttribute("accounts", accounts.list(section.id()));
        model.addAttribute("today", periods.today());
        return "reports/index";
    }

    /** An account's statement is the ledger's account page, which has its own downloads. */
    @GetMapping("/reports/statement")
    String statement(@RequestParam(required = false) Long account,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (account == null) {
            return "redirect:/reports";
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/accounts/{id}").queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to)).buildAndExpand(account).toUriString();
    }

    @GetMapping("/reports/{name}")
    String report(@PathVariable String name, Section section,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) String journal, @RequestParam(required = false) Long account,
            @RequestParam(required = false) String threshold, @RequestParam(required = false) String by,
            @RequestParam(required = false) String scope, @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String format, HttpServletResponse response, Model model) throws IOException {
        ReportName report = ReportName.named(name).filter(r -> r != ReportName.STATEMENT)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Form form = new Form(from, to, at, journal, account, threshold, by, "all".equals(scope), month, Math.max(0, page));
        model.addAttribute("name", report.param());
        model.addAttribute("form", form);
        model.addAttribute("canConsolidate", report.consolidates() && scopes.canConsolidate());
        model.addAttribute("years", years.list(section.id()));
        model.addAttribute("journals", journals.list());
        try {
            ReportScope reportScope = form.all() ? scopes.consolidated() : scopes.section(section);
            Query query = query(form);
            if (format != null) {
                ExportFormat f = ExportFormat.named(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
                if (download(exports.export(report, reportScope, query), f, response)) {
                    return null;
                }
            }
            show(report, reportScope, query, form, model);
        } catch (ReportException e) {
            model.addAttribute("problems", List.of(messages.get(e.key(), e.args())));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return "reports/report";
    }

    private Query query(Form form) {
        Long thresholdCents = null;
        if (form.threshold() != null && !form.threshold().isBlank()) {
            thresholdCents = Money.parse(form.threshold())
                    .orElseThrow(() -> new ReportException("reports.threshold.invalid", form.threshold()));
        }
        Grouping grouping = Grouping.named(form.by()).orElse(Grouping.ACCOUNT);
        return new Query(form.from(), form.to(), form.at(), form.journal(), form.account(), thresholdCents, grouping);
    }

    /** Writes the file; false (nothing sent) when the report is refused in this format (a PDF too long). */
    private static boolean download(Export export, ExportFormat format, HttpServletResponse response) throws IOException {
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(export.baseName() + "." + format.extension()).build().toString());
        try {
            format.write(export.report(), response.getOutputStream());
        } catch (ReportException refused) {
            // the writers refuse before their first byte: the page says why instead
            response.reset();
            throw refused;
        }
        response.flushBuffer();
        return true;
    }

    /** The report on screen: journals and the general ledger a page at a time, the others whole. */
    private void show(ReportName name, ReportScope scope, Query query, Form form, Model model) {
        ReportExports.Page page = exports.page(name, scope, query, new ReportExports.Position(form.month(), form.page(), form.account()));
        model.addAttribute("report", page.report());
        model.addAttribute("period", page.period());
        model.addAttribute("day", page.day());
        model.addAttribute("page", page.pager());
        model.addAttribute("ledger", name == ReportName.GENERAL_LEDGER ? page : null);
    }
}
