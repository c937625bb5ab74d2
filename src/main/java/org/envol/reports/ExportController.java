package org.envol.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.envol.ledger.Section;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of the reports shown on the ledger pages, in CSV, XLSX or PDF. The report is built
 * (and access checked) before the first byte is sent, so a refusal is still a plain 403.
 */
@Controller
class ExportController {

    private final ReportExports exports;

    ExportController(ReportExports exports) {
        this.exports = exports;
    }

    @GetMapping("/trial-balance/export")
    void trialBalance(Section section, @RequestParam String format,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
            throws IOException {
        ExportFormat f = format(format);
        send(exports.trialBalance(section.id(), from, to), f, response);
    }

    @GetMapping("/accounts/{id}/export")
    void statement(@PathVariable long id, @RequestParam String format,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
            throws IOException {
        ExportFormat f = format(format);
        send(exports.statement(id, from, to), f, response);
    }

    private static ExportFormat format(String name) {
        return ExportFormat.named(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    private static void send(ReportExports.Export export, ExportFormat format, HttpServletResponse response)
            throws IOException {
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(export.baseName() + "." + format.extension()).build().toString());
        format.write(export.report(), response.getOutputStream());
        response.flushBuffer();
    }
}
