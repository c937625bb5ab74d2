package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** Roles are checked in the services themselves, whatever page, API or command calls them. */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class LedgerAccessTest {

    static final LocalDate DAY = LocalDate.of(2025, 5, 5);

    @Autowired
    LedgerService ledger;
    @Autowired
    BalanceService balances;
    @Autowired
    AccountService accounts;
    @Autowired
    ChartService chart;
    @Autowired
    SectionService sections;
    @Autowired
    EntrySearch search;
    @Autowired
    Books books;

    Club a;
    Club b;
    Entry entryInA;

    @BeforeEach
    void setUp() {
        a = books.club(2025);
        b = books.club(2025);
        entryInA = ledger.post(a.draft(DAY, "op", a.bank(), a.member(), 100));
    }

    static void as(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("u", null,
                AuthorityUtils.createAuthorityList(authorities)));
    }

    @Test
    void aTreasurerWritesInHisSectionOnly() {
        as("SECTION_" + a.id() + "_TREASURER");
        assertThat(ledger.post(a.draft(DAY, "ok", a.bank(), a.member(), 5))).isNotNull();
        assertThatThrownBy(() -> ledger.post(b.draft(DAY, "non", b.bank(), b.member(), 5))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> balances.trialBalance(b.id(), DAY, DAY)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(b.id(), "512", "Autre")).isInstanceOf(AccessDeniedException.class);
        assertThat(sections.readable()).extracting(Section::id).contains(a.id()).doesNotContain(b.id());
    }

    @Test
    void aClubWideTreasurerWritesEverywhere() {
        as("SECTION_ALL_TREASURER");
        assertThat(ledger.post(b.draft(DAY, "ok", b.bank(), b.member(), 5))).isNotNull();
    }

    @Test
    void anAccountantReadsButWritesNothing() {
        as("SECTION_" + a.id() + "_ACCOUNTANT");
        assertThat(ledger.get(entryInA.id())).isNotNull();
        assertThat(balances.trialBalance(a.id(), DAY, DAY).rows()).isNotEmpty();
        assertThatThrownBy(() -> ledger.post(a.draft(DAY, "non", a.bank(), a.member(), 5))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.freeze(List.of(entryInA.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.delete(entryInA.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> chart.add("6999", "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.sync(SyncRequest.of(a.id(), "x", DAY, DAY, java.util.Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMemberReadsHisOwnAccountOnly() {
        as("SECTION_" + a.id() + "_MEMBER", "ACCOUNT_" + a.member().id());
        assertThat(balances.balanceCents(a.member().id(), DAY)).isEqualTo(-100);
        assertThat(balances.statement(a.member().id(), DAY, DAY, 0, 10).rows()).hasSize(1);
        assertThatThrownBy(() -> balances.balanceCents(a.bank().id(), DAY)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> balances.statement(b.member().id(), DAY, DAY, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.get(entryInA.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> search.search(EntryFilter.all(a.id()), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInReadsNothing() {
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> ledger.get(entryInA.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(sections.readable()).isEmpty();
    }
}
