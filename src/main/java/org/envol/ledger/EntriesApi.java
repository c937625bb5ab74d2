package org.envol.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST: entries. Amounts are signed integer cents (debit positive); every rule is the ledger's,
 * and its rejections come back as a 422 problem listing each one.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Entries", description = "Entries: draft → posted → validated (frozen, numbered, never changed; corrected by reversal).")
class EntriesApi {

    /** Entries validated by one request; more is a batch for the command line. */
    static final int VALIDATE_IDS_MAX = 1000;

    private final LedgerService ledger;
    private final EntrySearch search;

    EntriesApi(LedgerService ledger, EntrySearch search) {
        this.ledger = ledger;
        this.search = search;
    }

    // ---- what comes in

    @Schema(description = "DRAFT: kept, not in the balances. POSTED: in the balances, still editable.")
    enum WriteStatus {
        DRAFT, POSTED;

        EntryStatus entryStatus() {
            return this == DRAFT ? EntryStatus.DRAFT : EntryStatus.POSTED;
        }
    }

    @Schema(name = "NewEntry", description = "An entry to write: two or more lines whose amounts sum to zero, "
            + "dated inside an open fiscal year of the section.")
    record EntryBody(
            @Schema(description = "Journal code: AC purchases, VT sales, BQ bank, CA cash, OD miscellaneous, AN opening.",
                    example = "BQ") String journal,
            @Schema(example = "2025-03-14") LocalDate date,
            @Schema(example = "Cotisation 2025 Dupont") String label,
            @Schema(description = "The voucher's reference (receipt, invoice, cheque number).", example = "CHQ 1234567") String voucherRef,
            @Schema(description = "Where the entry comes from, unique per section; absent for an entry typed by hand. "
                    + "Ignored when replacing an entry: an entry keeps its source.") @Valid SourceBody source,
            List<@NotNull @Valid LineBody> lines,
            @Schema(description = "POSTED when absent.") WriteStatus status) {

        EntryDraft toDraft(long sectionId) {
            List<LineDraft> drafts = lines == null ? List.of() : lines.stream().map(LineBody::toDraft).toList();
            return new EntryDraft(sectionId, journal, date, label, voucherRef,
                    source == null ? null : new Source(source.kind(), source.reference()), drafts);
        }

        EntryStatus entryStatus() {
            return status == null ? EntryStatus.POSTED : status.entryStatus();
        }
    }

    @Schema(name = "Source", description = "The outside origin of an entry: a kind and that source's own reference.")
    record SourceBody(@Schema(example = "invoice") @NotBlank String kind, @Schema(example = "F-2025-0042") @NotBlank String reference) {
    }

    @Schema(name = "NewLine")
    record LineBody(
            @Schema(description = "An account of the entry's section.", example = "12") Long accountId,
            @Schema(description = "Signed integer cents: a debit is positive, a credit negative. 12.50 € debit = 1250.",
                    example = "1250") Long amountCents,
            @Schema(example = "Chèque Dupont") String label,
            @Schema(description = "Optional analytic code (budget, project).") String analyticCode) {

        LineDraft toDraft() {
            // an absent amount is zero, which the ledger refuses with its own message
            return new LineDraft(accountId, amountCents == null ? 0 : amountCents, label, analyticCode);
        }
    }

    @Schema(name = "ValidateEntries")
    record ValidateBody(@Schema(description = "Ids of entries of this section, at most " + VALIDATE_IDS_MAX + ".")
            @NotNull @Size(max = VALIDATE_IDS_MAX) List<@NotNull Long> entryIds) {
    }

    @Schema(name = "Reversal")
    record ReverseBody(@Schema(description = "Date of the reversal; the entry's own date when absent.") LocalDate date,
            @Schema(description = "Label of the reversal; « Contre-passation <number> : <label> » when absent.") String label) {
    }

    // ---- what goes out

    @Schema(name = "Entry")
    record EntryView(long id, long sectionId, String journal, long fiscalYearId, LocalDate date, String label, String voucherRef,
            @Schema(description = "Kind `manual` for an entry typed by hand, `reversal` for a reversal.") SourceBody source,
            EntryStatus status,
            @Schema(description = "Once validated: journal and number in the journal and fiscal year, e.g. BQ-12.") String number,
            @Schema(description = "When it was validated.") Instant frozenAt,
            @Schema(description = "Its link in the section's SHA-256 hash chain, once validated.") String hash,
            @Schema(description = "For a reversal: the id of the entry it reverses.") Long reversalOf,
            Instant createdAt, String createdBy, List<LineView> lines) {

        static EntryView of(Entry e) {
            return new EntryView(e.id(), e.sectionId(), e.journalCode(), e.fiscalYearId(), e.date(), e.label(), e.voucherRef(),
                    new SourceBody(e.source().kind(), e.source().reference()), e.status(), e.displayNumber(), e.frozenAt(), e.hash(),
                    e.reversalOf(), e.createdAt(), e.createdBy(), e.lines().stream().map(LineView::of).toList());
        }
    }

    @Schema(name = "Line")
    record LineView(@Schema(description = "From 1.") int lineNo, long accountId,
            @Schema(description = "Signed cents, debit positive.") long amountCents, String label, String analyticCode) {
        static LineView of(Line l) {
            return new LineView(l.lineNo(), l.accountId(), l.amountCents(), l.label(), l.analyticCode());
        }
    }

    @Schema(name = "EntryPage")
    record EntryPageView(List<EntryView> items, @Schema(description = "From 0.") int page, int size, long total, int pages) {
    }

    @Schema(name = "ValidationReport")
    record ValidateView(@Schema(description = "The entries validated now, with their number.") List<Frozen> frozen,
            @Schema(description = "Ids of the entries that were already validated, left as they were.") List<Long> alreadyFrozen) {
    }

    @Schema(name = "FrozenEntry")
    record Frozen(long id, String number, Instant frozenAt) {
    }

    // ---- endpoints

    @PostMapping(path = "/sections/{sectionId}/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an entry, posted (default) or draft (treasurer)")
    ResponseEntity<EntryView> createEntry(@PathVariable long sectionId, @Valid @RequestBody EntryBody body) {
        EntryDraft draft = body.toDraft(sectionId);
        Entry entry = body.entryStatus() == EntryStatus.DRAFT ? ledger.saveDraft(draft) : ledger.post(draft);
        return ResponseEntity.created(location(entry)).body(EntryView.of(entry));
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "Get an entry with its lines")
    EntryView getEntry(@PathVariable long id) {
        return EntryView.of(ledger.get(id));
    }

    @GetMapping("/sections/{sectionId}/entries")
    @Operation(summary = "The general journal of a section: entries by date, filtered, a page at a time")
    EntryPageView listEntries(@PathVariable long sectionId,
            @Parameter(description = "First day, YYYY-MM-DD.") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, YYYY-MM-DD.") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Journal code.") @RequestParam(required = false) String journal,
            @Parameter(description = "Only entries with a line on this account id.") @RequestParam(required = false) Long account,
            @Parameter(description = "Text in the label, the voucher or the source reference.") @RequestParam(required = false) String text,
            @RequestParam(required = false) EntryStatus status,
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Entries per page, at most " + Limits.PAGE_SIZE_MAX + ".") @RequestParam(defaultValue = "50") int size) {
        EntryPage found = search.search(new EntryFilter(sectionId, from, to, journal, account, text, status), page, size);
        return new EntryPageView(found.entries().stream().map(EntryView::of).toList(), found.page(), found.pageSize(), found.total(),
                found.pages());
    }

    @PutMapping(path = "/entries/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace an entry not yet validated (treasurer)")
    EntryView replaceEntry(@PathVariable long id, @Valid @RequestBody EntryBody body) {
        long sectionId = ledger.get(id).sectionId();
        return EntryView.of(ledger.update(id, body.toDraft(sectionId), body.entryStatus()));
    }

    @DeleteMapping("/entries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an entry not yet validated (treasurer)")
    void deleteEntry(@PathVariable long id) {
        ledger.delete(id);
    }

    @PostMapping("/entries/{id}/post")
    @Operation(summary = "Post a draft: it enters the balances (treasurer)")
    EntryView postEntry(@PathVariable long id) {
        return EntryView.of(ledger.postDraft(id));
    }

    @PostMapping(path = "/sections/{sectionId}/entries/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Validate (freeze) entries: each gets its number and can never change again (treasurer)")
    ValidateView validateEntries(@PathVariable long sectionId, @Valid @RequestBody ValidateBody body) {
        FreezeReport report = ledger.freeze(sectionId, body.entryIds());
        return new ValidateView(report.frozen().stream().map(e -> new Frozen(e.id(), e.displayNumber(), e.frozenAt())).toList(),
                report.alreadyFrozen());
    }


    @PostMapping("/entries/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reverse a validated entry: posts its counter-entry, linked to it (treasurer)")
    ResponseEntity<EntryView> reverseEntry(@PathVariable long id, @RequestBody(required = false) ReverseBody body) {
        Entry reversal = body == null ? ledger.reverse(id, null, null) : ledger.reverse(id, body.date(), body.label());
        return ResponseEntity.created(location(reversal)).body(EntryView.of(reversal));
    }

    private static URI location(Entry entry) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/entries/{id}").buildAndExpand(entry.id()).toUri();
    }
}
