package org.envol.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.envol.ledger.Entry;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;

/** The audit log page: who, when, what, before and after. */
class AuditPageTest extends PageTestSupport {

    @Test
    void showsWhoChangedWhatWithTheValuesBeforeAndAfter() throws Exception {
        Books.Club club = club();
        Entry entry = posted(club.draft(day(1, 5), "Cotisation annuelle", club.member(), club.income(), 15_000));
        mvc.perform(post("/entries/" + entry.id() + "/freeze").with(csrf()).with(treasurer(club))).andExpect(status().is3xxRedirection());

        String page = text(mvc.perform(get("/audit?scope=section").with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Journal d’audit", "Écriture passée", "Validation (gel)", "tresorier", "test",
                "href=\"/entries/" + entry.id() + "\"", "<details>", "Après");
        // the JSON value is laid out on several lines
        assertThat(page).containsPattern("(?s)<pre>\\{\\s*\n\\s+\"id\" : " + entry.id() + ",.*\"label\" : \"Cotisation annuelle\"");
    }

    @Test
    void aTreasurerDoesNotSeeAnotherSectionsEvents() throws Exception {
        Books.Club club = club();
        Books.Club other = club();
        posted(other.draft(day(1, 5), "Secret de l’autre section", other.member(), other.income(), 1_000));
        String page = text(mvc.perform(get("/audit").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).doesNotContain("Secret de l’autre section");
    }
}
