package org.envol.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.envol.ledger.BalanceService;
import org.envol.ledger.ChainVerifier;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.AccountService;
import org.envol.ledger.Section;
import org.envol.members.Member;
import org.envol.members.MemberService;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.test.context.support.WithMockUser;

/** The demo fills an empty database only: its own context (and database), with a fixed day. */
@SpringBootTest(properties = "envol.test.database=demo")
@Import(DemoClubTest.FixedDay.class)
@WithMockUser(authorities = "ROLE_ADMIN")
class DemoClubTest {

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock demoClock() {
            return Clock.fixed(LocalDate.of(2026, 9, 15).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));
        }
    }

    @Autowired
    DemoClub demo;
    @Autowired
    BalanceService balances;
    @Autowired
    EntrySearch search;
    @Autowired
    ChainVerifier chain;
    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;

    @Test
    void theDemoClubHasBalancedBooksWithValidatedAndPendingEntries() {
        boolean empty = !demo.alreadyThere();
        assertThat(empty).isTrue();
        List<Section> sections = demo.create();
        assertThat(sections).extracting(Section::name).containsExactly("Planeur", "Avion");
        assertThat(demo.alreadyThere()).isTrue();
        for (Section s : sections) {
            var tb = balances.trialBalance(s.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
            assertThat(tb.balanced()).isTrue();
            assertThat(tb.rows()).hasSizeGreaterThan(10);
            long frozen = search.search(new EntryFilter(s.id(), null, null, null, null, null, EntryStatus.FROZEN), 0, 1).total();
            long posted = search.search(new EntryFilter(s.id(), null, null, null, null, null, EntryStatus.POSTED), 0, 1).total();
            long drafts = search.search(new EntryFilter(s.id(), null, null, null, null, null, EntryStatus.DRAFT), 0, 1).total();
            assertThat(frozen).isGreaterThan(50);
            assertThat(posted).isGreaterThan(20);
            assertThat(drafts).isEqualTo(1);
            assertThat(chain.verify(s.id()).intact()).isTrue();
            assertThat(chain.verify(s.id()).linksChecked()).isEqualTo(frozen);
        }
        theMembersOwnTheDemoAccounts(sections.get(0), sections.get(1));
    }

    /** Every demo 411 account belongs to its member; Léo is paid for by his father; Nathan has left. */
    void theMembersOwnTheDemoAccounts(Section glider, Section plane) {
        for (Section s : List.of(glider, plane)) {
            List<MemberService.Row> rows = members.list(s.id(), null, true);
            assertThat(rows).hasSize(s == glider ? DemoClub.GLIDER_PILOTS.size() + 1 : DemoClub.PLANE_PILOTS.size());
            assertThat(accounts.listByPrefix(s.id(), "411")).hasSize(rows.size())
                    .allSatisfy(a -> assertThat(rows).anyMatch(r -> r.account().equals(a)));
        }
        Member claire = members.findByEmail(DemoClub.email(DemoClub.GLIDER_PILOTS.get(0))).orElseThrow();
        assertThat(members.get(claire.id()).stays()).singleElement()
                .satisfies(st -> assertThat(st.account().label()).isEqualTo(DemoClub.GLIDER_PILOTS.get(0)));
        Member jean = members.findByEmail("jean.dupont@example.org").orElseThrow();
        assertThat(members.get(jean.id()).payees()).extracting(Member::firstName).containsExactly("Léo");
        assertThat(members.findByEmail("nathan.garcia@example.org").orElseThrow().leftOn()).isEqualTo(LocalDate.of(2026, 9, 15));
    }

    @PostgresTest
    static class OnPostgres extends DemoClubTest {
    }
}
