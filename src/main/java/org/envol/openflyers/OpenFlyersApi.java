package org.envol.openflyers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.envol.ledger.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The OpenFlyers synchronisation through the REST API, for scheduled jobs: the mapping table,
 * the balance check and the initial balances. The same services check the same rules and roles.
 */
@RestController
@RequestMapping(path = "/api/v1/sections/{sectionId}/openflyers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "OpenFlyers", description = "Account mapping, initial balances and balance check against OpenFlyers.")
class OpenFlyersApi {

    private final AccountMappings mappings;
    private final BalanceImport balances;
    private final BalanceCheck check;
    private final Messages messages;

    OpenFlyersApi(AccountMappings mappings, BalanceImport balances, BalanceCheck check, Messages messages) {
        this.mappings = mappings;
        this.balances = balances;
        this.check = check;
        this.messages = messages;
    }

    @Schema(name = "OpenFlyersMapping", description = "An OpenFlyers account and the Envol account it stands for (none when ignored).")
    record MappingView(String openFlyersId, String name, Long accountId, boolean ignored) {

        static MappingView of(AccountMapping m) {
            return new MappingView(m.openFlyersId(), m.openFlyersName(), m.accountId(), m.ignored());
        }
    }

    @Schema(name = "OpenFlyersMappingChange", description = "Map to accountId, or ignore (accountId absent, ignore true).")
    record MappingBody(String name, Long accountId, Boolean ignore) {
    }

    @GetMapping("/mappings")
    @Operation(operationId = "openFlyersMappings", summary = "The section's OpenFlyers account mappings")
    List<MappingView> list(@PathVariable long sectionId) {
        return mappings.all(sectionId).values().stream().map(MappingView::of).toList();
    }

    @PutMapping(path = "/mappings/{openFlyersId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "putOpenFlyersMapping", summary = "Map an OpenFlyers account to an account of the section, or ignore it")
    MappingView put(@PathVariable long sectionId, @PathVariable String openFlyersId, @RequestBody MappingBody body) {
        boolean ignore = Boolean.TRUE.equals(body.ignore());
        if (ignore == (body.accountId() != null)) {
            throw new OpenFlyersException("openflyers.mapping.choice.invalid", body.accountId() == null ? "" : body.accountId());
        }
        return MappingView.of(mappings.map(sectionId, openFlyersId, body.name(), ignore ? null : body.accountId()));
    }

    @Schema(name = "OpenFlyersBalanceRow", description = "Balances with OpenFlyers' sign: positive = the pilot is in credit.")
    record CheckRowView(String openFlyersId, String name, long accountId, String account, long openFlyersCents, long envolCents,
            long differenceCents) {
    }

    @Schema(name = "OpenFlyersUnmapped")
    record LineView(String openFlyersId, String name, long balanceCents) {

        static LineView of(BalanceLine l) {
            return new LineView(l.openFlyersId(), l.name(), l.balanceCents());
        }
    }

    @Schema(name = "OpenFlyersBalanceCheck")
    record CheckView(LocalDate date, long differing, boolean inStep, List<CheckRowView> rows, List<LineView> unmapped,
            List<LineView> ignored) {
    }

    @PostMapping(path = "/balances/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "checkOpenFlyersBalances", summary = "Compare OpenFlyers' balance file with the books at a date")
    CheckView check(@PathVariable long sectionId, @RequestParam MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        BalanceCheck.Report r = check.check(sectionId, BalanceFile.read(bytes(file)), date);
        return new CheckView(r.date(), r.differing(), r.inStep(),
                r.rows().stream().map(x -> new CheckRowView(x.line().openFlyersId(), x.line().name(), x.account().id(), x.account().display(),
                        x.openFlyersCents(), x.envolCents(), x.differenceCents())).toList(),
                r.unmapped().stream().map(LineView::of).toList(), r.ignored().stream().map(LineView::of).toList());
    }

    @Schema(name = "OpenFlyersInitialisation")
    record InitView(boolean dryRun, List<LineView> initialised, Long fundsAccountId, boolean fundsCreated, long totalCents) {
    }

    @PostMapping(path = "/balances/init", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "initOpenFlyersBalances", summary = "Write the initial balance of OpenFlyers accounts (all or nothing)",
            description = "Give the accounts (OpenFlyers ids) or allMapped=true (every account mapped to a 411 and not yet initialised)."
                    + " createFunds=true consents to create the section's 102 account when it has none.")
    ResponseEntity<InitView> init(@PathVariable long sectionId, @RequestParam MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) List<String> accounts, @RequestParam(defaultValue = "false") boolean allMapped,
            @RequestParam(defaultValue = "false") boolean createFunds, @RequestParam(defaultValue = "false") boolean dryRun) {
        BalanceFile f = BalanceFile.read(bytes(file));
        List<String> ids = new ArrayList<>(accounts == null ? List.of() : accounts);
        if (allMapped) {
            ids.addAll(balances.pending(sectionId, f));
            if (ids.isEmpty()) {
                return ResponseEntity.ok(new InitView(dryRun, List.of(), balances.funds(sectionId).map(a -> a.id()).orElse(null), false, 0));
            }
        }
        BalanceImport.Result r = balances.initialise(sectionId, f, ids, date, createFunds, dryRun);
        InitView view = new InitView(r.dryRun(), r.initialised().stream().map(a -> LineView.of(a.line())).toList(),
                r.funds() == null ? null : r.funds().id(), r.fundsCreated(), r.totalCents());
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }

    @ExceptionHandler(OpenFlyersException.class)
    ResponseEntity<ProblemDetail> refused(OpenFlyersException e) {
        return OpenFlyersProblems.response(OpenFlyersProblems.refused(messages, e));
    }

    private static byte[] bytes(MultipartFile file) {
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
