package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** {@link EntrySearch#frozenInChainOrder}: validated entries of one fiscal year, in validation order, paged by chain position. */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class FrozenInChainOrderTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    EntrySearch search;
    @Autowired
    FiscalYearService years;
    @Autowired
    Books books;

    @Test
    void listsFrozenEntriesOfTheYearInChainOrderAPageAtATime() {
        Club club = books.club(2025);
        FiscalYear next = years.create(club.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        Entry late = ledger.post(club.draft(LocalDate.of(2025, 6, 1), "late", club.bank(), club.member(), 100));
        Entry early = ledger.post(club.draft(LocalDate.of(2025, 2, 1), "early", club.bank(), club.member(), 100));
        ledger.freeze(List.of(late.id()));
        ledger.freeze(List.of(early.id()));
        Entry opening = ledger.post(EntryDraft.manual(club.id(), "AN", LocalDate.of(2025, 1, 1), "opening", null,
                List.of(LineDraft.of(club.bank().id(), 100), LineDraft.of(club.member().id(), -100))));
        ledger.freeze(List.of(opening.id()));
        ledger.post(club.draft(LocalDate.of(2025, 7, 1), "posted only", club.bank(), club.member(), 100));
        Entry otherYear = ledger.post(club.draft(LocalDate.of(2026, 1, 5), "2026", club.bank(), club.member(), 100));
        ledger.freeze(List.of(otherYear.id()));

        List<Entry> all = search.frozenInChainOrder(club.id(), club.year().id(), null, false, 0, 10);
        assertThat(all).extracting(Entry::label).containsExactly("late", "early", "opening");
        assertThat(search.frozenInChainOrder(club.id(), club.year().id(), null, false, all.get(0).chainSeq(), 1))
                .extracting(Entry::label).containsExactly("early");
        assertThat(search.frozenInChainOrder(club.id(), club.year().id(), "AN", true, 0, 10)).extracting(Entry::label)
                .containsExactly("opening");
        assertThat(search.frozenInChainOrder(club.id(), club.year().id(), "AN", false, 0, 10)).extracting(Entry::label)
                .containsExactly("late", "early");
        assertThat(search.frozenInChainOrder(club.id(), next.id(), null, false, 0, 10)).extracting(Entry::label)
                .containsExactly("2026");
        assertThat(search.countUnvalidated(club.id(), club.year().id())).isEqualTo(1);
        assertThat(search.countUnvalidated(club.id(), next.id())).isZero();
    }
}
