package org.envol.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /fec}: the active section's fiscal years, each with its FEC to download; admins set the SIREN here. */
@Controller
class FecController {

    private final FecExport export;
    private final FecCheck check;
    private final ClubSettings settings;
    private final FiscalYearService years;
    private final Messages messages;
    private final FecImport imports;

    FecController(FecExport export, FecCheck check, ClubSettings settings, FiscalYearService years, Messages messages,
            FecImport imports) {
        this.imports = imports;
        this.export = export;
        this.check = check;
        this.settings = settings;
        this.years = years;
        this.messages = messages;
    }

    @GetMapping("/fec")
    String page(Section section, Model model) {
        model.addAttribute("years", years.list(section.id()));
        model.addAttribute("siren", settings.siren().orElse(null));
        model.addAttribute("mayImport", imports.mayImport(section.id()));
        return "interchange/fec";
    }

    /** The checked file, or back to the page with the reason (and the check's problems) when refused. */
    @GetMapping("/fec/download")
    Object download(Section section, @RequestParam long year, RedirectAttributes redirect) {
        FecExport.FecFile file;
        try {
            file = export.export(year);
        } catch (InterchangeException e) {
            List<String> problems = new ArrayList<>();
            problems.add(messages.get(e.key(), e.args()));
            e.problems().stream().limit(100).map(check::describe).forEach(problems::add);
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/fec";
        }
        // the temporary file goes when the response has read it
        long size = file.size();
        InputStreamResource body;
        try {
            body = new InputStreamResource(Files.newInputStream(file.path(), StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    /** The description that accompanies the FEC (XI), as a text file. */
    @GetMapping("/fec/description")
    Object description(Section section, @RequestParam long year, RedirectAttributes redirect) {
        String text;
        String name;
        try {
            org.envol.ledger.FiscalYear fy = years.find(year).filter(y -> y.sectionId() == section.id())
                    .orElseThrow(() -> new InterchangeException("interchange.year.unknown", year));
            years.list(fy.sectionId()); // who may not read the section may not read this
            name = export.descriptionName(fy);
            text = export.description(year);
        } catch (InterchangeException e) {
            redirect.addFlashAttribute("problems", List.of(messages.get(e.key(), e.args())));
            return "redirect:/fec";
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    @PostMapping("/fec/siren")
    String siren(@RequestParam String siren, RedirectAttributes redirect) {
        try {
            settings.set(ClubSettings.SIREN, siren);
            redirect.addFlashAttribute("notice", messages.get("interchange.siren.saved"));
        } catch (InterchangeException e) {
            redirect.addFlashAttribute("problems", List.of(messages.get(e.key(), e.args())));
        }
        return "redirect:/fec";
    }
}
