package org.envol.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;

/** A member sees his or her own account and its statement, and none of the books. */
class MemberPagesTest extends PageTestSupport {

    @Test
    void theHomePageShowsTheMembersOwnAccountAndNoBooks() throws Exception {
        Books.Club club = club();
        SystemActor.run("test", () -> ledger.post(club.draft(day(1, 10), "Vol", club.member(), club.income(), 12_345)));
        var member = AsUser.member(club.id(), club.member().id());
        mvc.perform(get("/").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mon compte")))
                .andExpect(content().string(containsString("411 Dupont Jean")))
                .andExpect(content().string(containsString("123,45")))
                .andExpect(content().string(containsString("/accounts/" + club.member().id())))
                .andExpect(content().string(not(containsString("href=\"/journal\""))))
                .andExpect(content().string(not(containsString("Aucune section"))));
        mvc.perform(get("/accounts/" + club.member().id()).with(member)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vol")))
                // the whole entry (other accounts' lines) is not the member's to read: no link to it
                .andExpect(content().string(not(containsString("href=\"/entries/"))));
        mvc.perform(get("/accounts/" + club.bank().id()).with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/journal").with(member)).andExpect(status().isForbidden());
    }

    @Test
    void aTreasurerHasNoOwnAccountBlock() throws Exception {
        Books.Club club = club();
        mvc.perform(get("/").with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Mon compte"))))
                .andExpect(content().string(containsString("href=\"/journal\"")));
    }

    @Test
    void aTreasurersStatementLinksEachLineToItsEntry() throws Exception {
        Books.Club club = club();
        Entry e = SystemActor.run("test", () -> ledger.post(club.draft(day(1, 10), "Vol", club.member(), club.income(), 12_345)));
        mvc.perform(get("/accounts/" + club.member().id()).with(AsUser.treasurer(club.id()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/entries/" + e.id() + "\"")));
    }
}
