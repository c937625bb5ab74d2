package org.envol.guided;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.envol.ledger.Entry;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The guided screens as API calls: the same service, the same checks, refusals by field. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Guided entries", description = "Member payments, expenses, receipts, refunds, grants, supplier payments, "
        + "bank and cash transfers, cheque deposits and transfers between sections: only the accounts that fit each kind.")
class GuidedApi {

    @Schema(name = "GuidedKind", description = "A kind of guided entry: the accounts it asks for and the entries it posts.")
    record KindView(@Schema(example = "member-payment") String kind, List<SlotView> accounts, List<LegView> entries,
            @Schema(description = "Whether `paymentMode` is required (and, for CHEQUE and TRANSFER, `reference`).") boolean paymentMode,
            @Schema(description = "Whether the amount is bounded by the member's credit balance (and is that balance when absent).")
            boolean boundedByMemberCredit,
            @Schema(description = "Whether `targetSectionId` is required: one entry in each section.") boolean betweenSections) {
    }

    @Schema(name = "GuidedSlot")
    record SlotView(@Schema(description = "The key in `accounts`.", example = "member") String name,
            @Schema(description = "Accepted chart codes: an account fits when its code starts with one.", example = "[\"411\"]")
            List<String> prefixes,
            @Schema(description = "HOME: the section of the call; TARGET: the other section of a transfer.") Slot.Side section) {
    }

    @Schema(name = "GuidedLeg", description = "One entry posted: the amount debited to one slot's account, credited to another's.")
    record LegView(String debit, String credit) {
    }

    @Schema(name = "NewGuidedEntry")
    record GuidedBody(@Schema(example = "2025-03-14") LocalDate date,
            @Schema(description = "Positive integer cents; for a refund, absent means the member's whole credit balance.",
                    example = "12050") Long amountCents,
            @Schema(description = "The chosen account id per slot name (see GET /guided).", example = "{\"treasury\": 3, \"member\": 12}")
            Map<String, Long> accounts,
            @Schema(description = "Cheque number, transfer reference, invoice…: the entries' voucher reference.") String reference,
            @Schema(description = "A label is made up when absent.") String label,
            @Schema(description = "For a member payment.") PaymentMode paymentMode,
            @Schema(description = "For a transfer between sections.") Long targetSectionId) {
    }

    @Schema(name = "GuidedEntries", description = "The entries posted, and the source reference they share (transfer between sections).")
    record PostedView(List<EntryView> entries, String sourceReference) {
    }

    @Schema(name = "GuidedEntry")
    record EntryView(long id, long sectionId, String journal, LocalDate date, String label, String voucherRef, List<LineView> lines) {
    }

    @Schema(name = "GuidedLine")
    record LineView(long accountId, @Schema(description = "Debit positive, credit negative.") long amountCents) {
    }

    @Schema(name = "GuidedRefusal")
    record RefusalView(@Schema(description = "The field at fault: date, amountCents, a slot name, reference, label, paymentMode, "
            + "targetSectionId, or entry.") String field,
            @Schema(description = "Stable code: the ledger's RejectionCode or the guided screens' own (docs/guided-entries.md).",
                    example = "ACCOUNT_NOT_ALLOWED") String code,
            String message) {
    }

    private final GuidedEntries guided;
    private final Messages messages;

    GuidedApi(GuidedEntries guided, Messages messages) {
        this.guided = guided;
        this.messages = messages;
    }

    @GetMapping("/guided")
    @Operation(operationId = "guidedKinds", summary = "The kinds of guided entry and the accounts each accepts")
    List<KindView> kinds() {
        return Arrays.stream(GuidedKind.values()).map(k -> new KindView(k.slug(),
                k.slots().stream().map(s -> new SlotView(s.name(), s.prefixes(), s.side())).toList(),
                k.legs().stream().map(l -> new LegView(l.debit().name(), l.credit().name())).toList(),
                k.asksPaymentMode(), k.boundedByMemberCredit(), k.betweenSections())).toList();
    }

    @PostMapping(path = "/sections/{sectionId}/guided/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "postGuidedEntry", summary = "Post a guided entry (one or two entries, all or nothing)")
    ResponseEntity<PostedView> post(@PathVariable long sectionId, @PathVariable String kind, @RequestBody GuidedBody body) {
        GuidedKind k = GuidedKind.fromSlug(kind).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        GuidedResult result = guided.post(sectionId, new GuidedRequest(k, body.date() == null ? null : body.date().toString(),
                body.amountCents() == null ? null : Money.plain(body.amountCents()), body.accounts(), body.reference(), body.label(),
                body.paymentMode(), body.targetSectionId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new PostedView(result.entries().stream().map(GuidedApi::view).toList(),
                result.sourceReference()));
    }

    private static EntryView view(Entry e) {
        return new EntryView(e.id(), e.sectionId(), e.journalCode(), e.date(), e.label(), e.voucherRef(),
                e.lines().stream().map(l -> new LineView(l.accountId(), l.amountCents())).toList());
    }

    /** 422 with every refusal on its field, as the ledger's own refusals are shown (docs/api.md). */
    @ExceptionHandler(GuidedRejectedException.class)
    ResponseEntity<ProblemDetail> refused(GuidedRejectedException e) {
        List<RefusalView> items = e.refusals().stream().map(r -> {
            String text = messages.get(r.messageKey(), r.args().toArray());
            return new RefusalView(apiField(r.field()), r.code().name(),
                    r.section() == null ? text : messages.get("guided.rejection.inSection", r.section(), text));
        }).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                items.stream().map(RefusalView::message).collect(Collectors.joining(" ")));
        problem.setTitle(messages.get("problem.title.422"));
        problem.setProperty("errors", items);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /** The form's field names, as the body names them. */
    private static String apiField(String field) {
        return switch (field) {
            case "amount" -> "amountCents";
            case "targetSection" -> "targetSectionId";
            default -> field;
        };
    }
}
