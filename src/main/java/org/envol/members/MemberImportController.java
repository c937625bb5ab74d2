package org.envol.members;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /members/import}: upload a member list, see what it would do (or every problem, by line),
 * then import it. The previewed file waits in the session for the confirmation, so that what is
 * imported is exactly what was previewed.
 */
@Controller
@RequestMapping("/members/import")
class MemberImportController {

    static final String PENDING = MemberImportController.class.getName() + ".pending";

    /** A previewed file waiting for its confirmation; {@code sha256} names it in the confirmation form. */
    record Pending(String name, byte[] content, String sha256) implements Serializable {
    }

    private final MemberImport importer;
    private final MemberMessages messages;

    MemberImportController(MemberImport importer, MemberMessages messages) {
        this.importer = importer;
        this.messages = messages;
    }

    @GetMapping
    String page() {
        return "members/import";
    }

    /** {@code preview}: the dry run, and the file kept for {@link #confirm}; otherwise imported at once. */
    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean preview, HttpSession session,
            Model model) throws IOException {
        byte[] content = file.getBytes();
        MemberImport.Report report = importer.run(content, preview);
        session.removeAttribute(PENDING);
        if (preview && report.ok()) {
            Pending pending = new Pending(file.getOriginalFilename(), content, sha256(content));
            session.setAttribute(PENDING, pending);
            model.addAttribute("pending", pending);
        }
        return show(report, file.getOriginalFilename(), model);
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam String sha256, HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.sha256().equals(sha256)) {
            model.addAttribute("problems", java.util.List.of(messages.get("members.import.expired")));
            return "members/import";
        }
        session.removeAttribute(PENDING);
        return show(importer.run(pending.content(), false), pending.name(), model);
    }

    private String show(MemberImport.Report report, String fileName, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("fileName", fileName);
        model.addAttribute("problems", report.problems().stream().map(messages::text).toList());
        if (report.written()) {
            model.addAttribute("notice", messages.get("members.import.done", Long.toString(report.count(MemberImport.Outcome.CREATE)),
                    Long.toString(report.count(MemberImport.Outcome.UPDATE)), Long.toString(report.count(MemberImport.Outcome.UNCHANGED))));
        }
        return "members/import";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
