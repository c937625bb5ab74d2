package org.envol.openflyers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Messages;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.SyncReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The journal sync as API calls, for a scheduled job: upload OpenFlyers' export for a section
 * and a period ({@code dryRun} to see the states only), or delete the period's synchronised
 * entries. The same services and checks as the pages; refusals are 422 problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/sections/{sectionId}/openflyers/journal", produces = MediaType.APPLICATION_JSON_VALUE)
class JournalSyncApi {

    record RowView(String flow, LocalDate date, String label, long amountCents, String debitOpenFlyersId, String creditOpenFlyersId,
            Long debitAccountId, Long creditAccountId, FlowState state, boolean validated) {
    }

    record ResultView(boolean dryRun, List<RowView> flows, long created, long replaced, long deleted, long reversed) {
    }

    private final JournalSync sync;
    private final JournalDeletion deletion;
    private final Messages messages;

    JournalSyncApi(JournalSync sync, JournalDeletion deletion, Messages messages) {
        this.sync = sync;
        this.deletion = deletion;
        this.messages = messages;
    }

    @PostMapping(path = "/sync", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResultView sync(@PathVariable long sectionId, @RequestParam MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(defaultValue = "false") boolean dryRun) {
        JournalFile read;
        try {
            read = JournalFile.read(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JournalPreview preview = sync.preview(sectionId, read, from, to);
        return view(preview, dryRun ? null : sync.apply(sectionId, read, from, to, null));
    }

    @PostMapping("/delete")
    ResultView delete(@PathVariable long sectionId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(defaultValue = "false") boolean dryRun) {
        JournalPreview preview = deletion.preview(sectionId, from, to);
        return view(preview, dryRun ? null : deletion.delete(sectionId, from, to));
    }

    private static ResultView view(JournalPreview preview, SyncReport report) {
        List<RowView> rows = preview.rows().stream().map(r -> new RowView(r.flow(), r.date(), r.label(), r.amountCents(),
                r.debit() == null ? null : r.debit().id(), r.credit() == null ? null : r.credit().id(),
                r.debitAccount() == null ? null : r.debitAccount().id(), r.creditAccount() == null ? null : r.creditAccount().id(),
                r.state(), r.validated())).toList();
        if (report == null) {
            return new ResultView(true, rows, 0, 0, 0, 0);
        }
        return new ResultView(false, rows, JournalSync.applied(report, SyncOutcome.CREATED),
                JournalSync.applied(report, SyncOutcome.CHANGED, SyncOutcome.REVERSED_AND_REPLACED), JournalSync.applied(report, SyncOutcome.DELETED),
                JournalSync.applied(report, SyncOutcome.REVERSED, SyncOutcome.REVERSED_AND_REPLACED));
    }

    /** 422 with the OpenFlyers mistake (its key in {@code code}) and, in {@code errors}, the file's problems each with its line. */
    @ExceptionHandler(OpenFlyersException.class)
    ResponseEntity<ProblemDetail> refused(OpenFlyersException e) {
        ProblemDetail problem = OpenFlyersProblems.refused(messages, e);
        problem.setProperty("errors", JournalTexts.problems(messages, e));
        return OpenFlyersProblems.response(problem);
    }
}
