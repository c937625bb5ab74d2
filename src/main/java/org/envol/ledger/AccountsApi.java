package org.envol.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** REST: the accounts of a section, with their balance today. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Accounts of a section; several may share a chart code (one 411 per member).")
class AccountsApi {

    private final AccountService accounts;
    private final BalanceService balances;
    private final Clock clock;

    AccountsApi(AccountService accounts, BalanceService balances, Clock clock) {
        this.accounts = accounts;
        this.balances = balances;
        this.clock = clock;
    }

    @Schema(name = "Account")
    record AccountView(long id, long sectionId, @Schema(example = "411") String code, @Schema(example = "Dupont Jean") String label,
            @Schema(description = "A closed account takes no new line.") boolean active,
            @Schema(description = "Balance at the end of today, in cents, debit positive.", example = "-12500") long balanceCents) {
        static AccountView of(Account a, long balanceCents) {
            return new AccountView(a.id(), a.sectionId(), a.code(), a.label(), a.active(), balanceCents);
        }
    }

    @Schema(name = "NewAccount")
    record AccountBody(@Schema(description = "A code of the chart of accounts.", example = "411") String code,
            @Schema(example = "Dupont Jean") String label) {
    }

    @GetMapping("/sections/{sectionId}/accounts")
    @Operation(summary = "List the accounts of a section with their balance today")
    List<AccountView> listAccounts(@PathVariable long sectionId) {
        List<Account> list = accounts.list(sectionId);
        Map<Long, Long> today = balances.accountBalances(sectionId, LocalDate.now(clock));
        return list.stream().map(a -> AccountView.of(a, today.getOrDefault(a.id(), 0L))).toList();
    }

    @PostMapping(path = "/sections/{sectionId}/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an account in a section (treasurer)")
    ResponseEntity<AccountView> createAccount(@PathVariable long sectionId, @RequestBody AccountBody body) {
        Account created = accounts.create(sectionId, body.code(), body.label());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/accounts/{id}")
                .buildAndExpand(created.id()).toUri()).body(AccountView.of(created, 0));
    }

    @GetMapping("/accounts/{id}")
    @Operation(summary = "Get an account with its balance today (a member: only his or her own)")
    AccountView getAccount(@PathVariable long id) {
        return AccountView.of(accounts.get(id), balances.balanceCents(id, LocalDate.now(clock)));
    }
}
