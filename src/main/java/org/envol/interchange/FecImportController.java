package org.envol.interchange;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.ledger.SyncOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /fec/import}: upload a FEC, see what the import would do (a dry run that assumes
 * consent, so that everything to create is listed), then confirm with the consents ticked. The
 * uploaded file waits in a temporary file tied to the session, deleted when imported or when the
 * session ends. The service checks who may import; this only shows its answers.
 */
@Controller
class FecImportController {

    static final String UPLOAD = "fecImportUpload";

    private final FecImport imports;
    private final FecCheck check;
    private final Messages messages;

    FecImportController(FecImport imports, FecCheck check, Messages messages) {
        this.imports = imports;
        this.check = check;
        this.messages = messages;
    }

    /** The uploaded file of a session, for one section; its temporary file goes with the session. */
    record Upload(long sectionId, String name, String file) implements HttpSessionBindingListener, Serializable {

        Path path() {
            return Path.of(file);
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            try {
                Files.deleteIfExists(path());
            } catch (IOException e) {
                // a temporary file: the system cleans it up in the end
            }
        }
    }

    @GetMapping("/fec/import")
    String form(Section section) {
        imports.requireImport(section.id());
        return "interchange/fec-import";
    }

    @PostMapping("/fec/import")
    String preview(Section section, @RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
            RedirectAttributes redirect) {
        imports.requireImport(section.id());
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problems", List.of(messages.get("interchange.import.nofile")));
            return "redirect:/fec/import";
        }
        Upload upload = new Upload(section.id(), file.getOriginalFilename(), save(file).toString());
        session.setAttribute(UPLOAD, upload); // replaces (and deletes) an earlier upload
        FecImport.Report report = imports.importFile(section.id(), upload.path(), new FecImport.Options(true, true, Map.of(), true));
        return show(report, upload, model);
    }

    @PostMapping("/fec/import/confirm")
    String confirm(Section section, @RequestParam(defaultValue = "false") boolean createAccounts,
            @RequestParam(defaultValue = "false") boolean createJournals, HttpSession session, Model model, RedirectAttributes redirect) {
        imports.requireImport(section.id());
        if (!(session.getAttribute(UPLOAD) instanceof Upload upload) || upload.sectionId() != section.id() || !Files.exists(upload.path())) {
            redirect.addFlashAttribute("problems", List.of(messages.get("interchange.import.expired")));
            return "redirect:/fec/import";
        }
        FecImport.Report report = imports.importFile(section.id(), upload.path(),
                new FecImport.Options(createAccounts, createJournals, Map.of(), false));
        if (!report.ok()) {
            return show(report, upload, model);
        }
        session.removeAttribute(UPLOAD);
        redirect.addFlashAttribute("notice", messages.get("interchange.import.outcomes", report.count(SyncOutcome.CREATED),
                report.count(SyncOutcome.UNCHANGED), report.count(SyncOutcome.CHANGED), report.count(SyncOutcome.REVERSED_AND_REPLACED))
                + " " + messages.get("interchange.import.done"));
        return "redirect:/fec";
    }

    private String show(FecImport.Report report, Upload upload, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("fileName", upload.name());
        model.addAttribute("problemTexts", report.problems().stream().map(check::describe).toList());
        model.addAttribute("hidden", report.errors() + report.warnings() - report.problems().size());
        return "interchange/fec-import";
    }

    private static Path save(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            Path tmp = Files.createTempFile("envol-fec-import-", ".txt");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
