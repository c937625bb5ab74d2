package org.envol.openflyers;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.web.DateFormat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /openflyers/balances}: upload OpenFlyers' balance file, map its accounts inline, tick
 * the accounts to initialise and a date. The file waits in the session (a few kilobytes) while
 * the treasurer maps and ticks. {@code /openflyers/balance-check}: the same file and a date,
 * compared with the books. The services check who may do what.
 */
@Controller
class BalanceController {

    static final String UPLOAD = "openflyersBalanceUpload";

    private final BalanceImport balances;
    private final BalanceCheck check;
    private final AccountService accounts;
    private final Messages messages;
    private final DateFormat dates;

    BalanceController(BalanceImport balances, BalanceCheck check, AccountService accounts, Messages messages, DateFormat dates) {
        this.dates = dates;
        this.balances = balances;
        this.check = check;
        this.accounts = accounts;
        this.messages = messages;
    }

    record Upload(long sectionId, String name, byte[] bytes) implements Serializable {
    }

    @GetMapping("/openflyers/balances")
    String form(Section section, HttpSession session, Model model) {
        if (session.getAttribute(UPLOAD) instanceof Upload upload && upload.sectionId() == section.id()) {
            BalanceFile file = BalanceFile.read(upload.bytes());
            List<BalanceAccount> rows = balances.preview(section.id(), file);
            model.addAttribute("fileName", upload.name());
            model.addAttribute("file", file);
            model.addAttribute("rows", rows);
            model.addAttribute("tickable", rows.stream().anyMatch(BalanceAccount::tickable));
            model.addAttribute("fundsMissing", balances.funds(section.id()).isEmpty());
            model.addAttribute("members", accounts.listByPrefix(section.id(), BalanceImport.MEMBER_PREFIX).stream()
                    .filter(Account::active).toList());
        }
        model.addAttribute("today", LocalDate.now());
        return "openflyers/balances";
    }

    @PostMapping("/openflyers/balances")
    String upload(Section section, @RequestParam(required = false) MultipartFile file, HttpSession session,
            RedirectAttributes redirect) {
        try {
            byte[] bytes = bytes(file);
            BalanceFile.read(bytes); // refused now, naming the line, rather than on the next page
            session.setAttribute(UPLOAD, new Upload(section.id(), file.getOriginalFilename(), bytes));
        } catch (OpenFlyersException e) {
            redirect.addFlashAttribute("problems", List.of(text(e)));
        }
        return "redirect:/openflyers/balances";
    }

    @PostMapping("/openflyers/balances/init")
    String initialise(Section section, @RequestParam(name = "account", required = false) List<String> ids,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "false") boolean createFunds, HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(UPLOAD) instanceof Upload upload) || upload.sectionId() != section.id()) {
            redirect.addFlashAttribute("problems", List.of(messages.get("openflyers.upload.expired")));
            return "redirect:/openflyers/balances";
        }
        try {
            BalanceImport.Result r = balances.initialise(section.id(), BalanceFile.read(upload.bytes()), ids == null ? List.of() : ids,
                    date, createFunds, false);
            String notice = messages.get("openflyers.init.done", r.initialised().size(), dates.format(date));
            if (r.fundsCreated()) {
                notice += " " + messages.get("openflyers.init.fundsCreated", r.funds().display());
            }
            redirect.addFlashAttribute("notice", notice);
        } catch (OpenFlyersException e) {
            redirect.addFlashAttribute("problems", List.of(text(e)));
        }
        return "redirect:/openflyers/balances";
    }

    @GetMapping("/openflyers/balance-check")
    String checkForm(Section section, Model model) {
        model.addAttribute("today", LocalDate.now());
        return "openflyers/balance-check";
    }

    @PostMapping("/openflyers/balance-check")
    String check(Section section, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        model.addAttribute("today", date == null ? LocalDate.now() : date);
        try {
            model.addAttribute("report", check.check(section.id(), BalanceFile.read(bytes(file)), date));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (OpenFlyersException e) {
            model.addAttribute("problems", List.of(text(e)));
        }
        return "openflyers/balance-check";
    }

    private String text(OpenFlyersException e) {
        return messages.get(e.key(), e.args().toArray());
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new OpenFlyersException("openflyers.upload.none");
        }
        if (file.getSize() > OpenFlyersFile.BYTES_MAX) {
            throw new OpenFlyersException("openflyers.file.tooBig", OpenFlyersFile.BYTES_MAX / 1_000_000);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
