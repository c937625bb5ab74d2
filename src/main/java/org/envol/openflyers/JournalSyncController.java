package org.envol.openflyers;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.envol.ledger.AccountService;
import org.envol.ledger.Messages;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Section;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.SyncReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /openflyers/journal}: upload OpenFlyers' journal with a period, see each flow's state,
 * map the accounts still unknown, apply the ticked flows. {@code /openflyers/journal/delete}:
 * the synchronised entries of a period, then their deletion. The uploaded file waits in the
 * session until applied. The services check who may; this shows their answers.
 */
@Controller
class JournalSyncController {

    static final String UPLOAD = "openflyersJournalUpload";

    private final JournalSync sync;
    private final JournalDeletion deletion;
    private final AccountMappings mappings;
    private final AccountService accounts;
    private final Messages messages;

    JournalSyncController(JournalSync sync, JournalDeletion deletion, AccountMappings mappings, AccountService accounts, Messages messages) {
        this.sync = sync;
        this.deletion = deletion;
        this.mappings = mappings;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The file being synchronised in a session, for one section and period. */
    record Upload(long sectionId, String name, byte[] bytes, LocalDate from, LocalDate to) implements Serializable {
    }

    @GetMapping("/openflyers/journal")
    String form(Section section) {
        sync.requireSync(section.id());
        return "openflyers/journal";
    }

    @PostMapping("/openflyers/journal")
    String upload(Section section, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpSession session, Model model, RedirectAttributes redirect) {
        sync.requireSync(section.id());
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problems", List.of(messages.get("openflyers.journal.page.nofile")));
            return "redirect:/openflyers/journal";
        }
        try {
            byte[] bytes = file.getBytes();
            JournalFile read = JournalFile.read(bytes);
            // the file's own period by default
            Upload upload = new Upload(section.id(), file.getOriginalFilename(), bytes, from == null ? read.from() : from,
                    to == null ? read.to() : to);
            session.setAttribute(UPLOAD, upload);
            return show(section, upload, read, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OpenFlyersException | RejectedException e) {
            model.addAttribute("problems", problems(e));
            return "openflyers/journal";
        }
    }

    @PostMapping("/openflyers/journal/map")
    String map(Section section, @RequestParam String openFlyersId, @RequestParam(required = false) String openFlyersName,
            @RequestParam String account, HttpSession session, Model model, RedirectAttributes redirect) {
        Upload upload = upload(section, session);
        if (upload == null) {
            redirect.addFlashAttribute("problems", List.of(messages.get("openflyers.journal.page.expired")));
            return "redirect:/openflyers/journal";
        }
        try {
            // the option names the 411 account it creates: choosing it is the treasurer's consent
            if ("create".equals(account)) {
                mappings.mapToNewMemberAccount(section.id(), openFlyersId, openFlyersName);
            } else {
                mappings.map(section.id(), openFlyersId, openFlyersName, "ignore".equals(account) ? null : Long.valueOf(account));
            }
            return show(section, upload, JournalFile.read(upload.bytes()), model);
        } catch (OpenFlyersException | RejectedException e) {
            model.addAttribute("problems", problems(e));
            return "openflyers/journal";
        }
    }

    @PostMapping("/openflyers/journal/apply")
    String apply(Section section, @RequestParam(name = "flow", required = false) List<String> flows, HttpSession session, Model model,
            RedirectAttributes redirect) {
        Upload upload = upload(section, session);
        if (upload == null) {
            redirect.addFlashAttribute("problems", List.of(messages.get("openflyers.journal.page.expired")));
            return "redirect:/openflyers/journal";
        }
        JournalFile file = JournalFile.read(upload.bytes());
        try {
            SyncReport report = sync.apply(section.id(), file, upload.from(), upload.to(), flows == null ? Set.of() : new HashSet<>(flows));
            session.removeAttribute(UPLOAD);
            redirect.addFlashAttribute("notice", outcomes(report));
            return "redirect:/openflyers/journal";
        } catch (OpenFlyersException | RejectedException e) {
            model.addAttribute("problems", problems(e));
            return show(section, upload, file, model);
        }
    }

    @GetMapping("/openflyers/journal/delete")
    String deletion(Section section, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        sync.requireSync(section.id());
        if (from != null || to != null) {
            try {
                model.addAttribute("preview", deletion.preview(section.id(), from, to));
            } catch (OpenFlyersException | RejectedException e) {
                model.addAttribute("problems", problems(e));
            }
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "openflyers/journal-delete";
    }

    @PostMapping("/openflyers/journal/delete")
    String delete(Section section, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice", outcomes(deletion.delete(section.id(), from, to)));
        } catch (OpenFlyersException | RejectedException e) {
            redirect.addFlashAttribute("problems", problems(e));
        }
        return "redirect:/openflyers/journal/delete";
    }

    private Upload upload(Section section, HttpSession session) {
        sync.requireSync(section.id());
        return session.getAttribute(UPLOAD) instanceof Upload u && u.sectionId() == section.id() ? u : null;
    }

    private String show(Section section, Upload upload, JournalFile file, Model model) {
        JournalPreview preview = sync.preview(section.id(), file, upload.from(), upload.to());
        model.addAttribute("upload", upload);
        model.addAttribute("file", file);
        model.addAttribute("preview", preview);
        model.addAttribute("unmapped", preview.unmapped(mappings.all(section.id()).keySet()));
        model.addAttribute("accounts", accounts.list(section.id()));
        model.addAttribute("rowProblems", preview.rows().stream()
                .map(r -> r.rejections().stream().map(messages::rejection).toList()).toList());
        return "openflyers/journal";
    }

    private String outcomes(SyncReport report) {
        return JournalTexts.outcomes(messages, report);
    }

    private List<String> problems(RuntimeException e) {
        return JournalTexts.problems(messages, e);
    }
}
