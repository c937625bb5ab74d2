package org.envol.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: an account's balance and statement, a section's trial balance. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Balances", description = "Balances in cents, debit positive; drafts are not counted.")
class BalancesApi {

    private final BalanceService balances;
    private final Clock clock;

    BalancesApi(BalanceService balances, Clock clock) {
        this.balances = balances;
        this.clock = clock;
    }

    @Schema(name = "AccountBalance")
    record BalanceView(long accountId, LocalDate at,
            @Schema(description = "Balance at the end of the day, in cents, debit positive.", example = "-12500") long balanceCents) {
    }

    @Schema(name = "Statement", description = "One page of an account's lines between two dates, oldest first.")
    record StatementView(long accountId, String code, String label, LocalDate from, LocalDate to,
            @Schema(description = "Balance at the end of the day before `from`.") long openingCents,
            @Schema(description = "Balance at the end of `to`.") long closingCents,
            List<StatementRow> rows, int page, int size, long totalRows, int pages) {
    }

    @Schema(name = "StatementLine")
    record StatementRow(long entryId, LocalDate date, String journal,
            @Schema(description = "The entry's number once validated (FROZEN), e.g. VT-12; absent before.") String number,
            EntryStatus status, String entryLabel, String lineLabel, String voucherRef,
            @Schema(description = "Signed cents, debit positive.") long amountCents,
            @Schema(description = "The account's balance after this line.") long runningCents) {
        static StatementRow of(Statement.Row r) {
            return new StatementRow(r.entryId(), r.date(), r.journalCode(), r.displayNumber(), r.status(), r.entryLabel(),
                    r.lineLabel(), r.voucherRef(), r.amountCents(), r.runningCents());
        }
    }

    @Schema(name = "TrialBalance", description = "Every account with a balance or a movement; each column sums to zero in balance.")
    record TrialBalanceView(long sectionId, LocalDate from, LocalDate to, List<TrialBalanceRow> rows, TrialBalanceRow totals) {
    }

    @Schema(name = "TrialBalanceRow", description = "Opening and closing balances signed (debit positive); debit and credit movements positive.")
    record TrialBalanceRow(@Schema(description = "Absent on the totals row.") Long accountId, String code, String label,
            long openingCents, long debitCents, long creditCents, long closingCents) {
        static TrialBalanceRow of(TrialBalance.Row r) {
            Account a = r.account();
            return new TrialBalanceRow(a == null ? null : a.id(), a == null ? null : a.code(), a == null ? null : a.label(),
                    r.openingCents(), r.debitCents(), r.creditCents(), r.closingCents());
        }
    }

    @GetMapping("/accounts/{id}/balance")
    @Operation(summary = "An account's balance at the end of a day (a member: only his or her own)")
    BalanceView accountBalance(@PathVariable long id,
            @Parameter(description = "Day, YYYY-MM-DD; today when absent.") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        LocalDate day = at == null ? LocalDate.now(clock) : at;
        return new BalanceView(id, day, balances.balanceCents(id, day));
    }

    @GetMapping("/accounts/{id}/statement")
    @Operation(summary = "An account's statement: its lines between two dates with the running balance, a page at a time")
    StatementView accountStatement(@PathVariable long id,
            @Parameter(description = "First day, YYYY-MM-DD; by default 1 January of the last day's year (the opening balance carries what came before).")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, YYYY-MM-DD; by default today.")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Lines per page, at most " + Limits.PAGE_SIZE_MAX + ".") @RequestParam(defaultValue = "50") int size) {
        LocalDate last = to != null ? to : LocalDate.now(clock);
        Statement s = balances.statement(id, from != null ? from : last.withDayOfYear(1), last, page, size);
        return new StatementView(s.account().id(), s.account().code(), s.account().label(), s.from(), s.to(), s.openingCents(),
                s.closingCents(), s.rows().stream().map(StatementRow::of).toList(), s.page(), s.pageSize(), s.totalRows(), s.pages());
    }

    @GetMapping("/sections/{sectionId}/trial-balance")
    @Operation(summary = "The trial balance of a section for a period")
    TrialBalanceView trialBalance(@PathVariable long sectionId,
            @Parameter(description = "First day, YYYY-MM-DD.") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, YYYY-MM-DD.") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        TrialBalance tb = balances.trialBalance(sectionId, from, to);
        return new TrialBalanceView(tb.sectionId(), tb.from(), tb.to(), tb.rows().stream().map(TrialBalanceRow::of).toList(),
                TrialBalanceRow.of(tb.totals()));
    }
}
