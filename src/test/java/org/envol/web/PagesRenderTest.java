package org.envol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;

/** Every page of the books renders for a treasurer, with its key content. */
class PagesRenderTest extends PageTestSupport {

    @Test
    void everyPageRendersForATreasurer() throws Exception {
        Books.Club club = club();
        var entry = posted(club.draft(day(2, 3), "Carburant février", club.expense(), club.bank(), 12_345));
        String[][] pages = {
                {"/", "Section " + club.section().name()},
                {"/chart", "Adhérents"},
                {"/accounts", "Dupont Jean"},
                {"/accounts/" + club.bank().id(), "Solde d’ouverture"},
                {"/entries/new", "Enregistrer comme brouillon"},
                {"/entries/" + entry.id(), "Carburant février"},
                {"/entries/" + entry.id() + "/edit", "value=\"123,45\""},
                {"/journal", "Carburant février"},
                {"/trial-balance", "123,45"},
                {"/fiscal-years", "01/01/" + YEAR},
                {"/journals", "Opérations diverses"},
                {"/audit", "Journal d’audit"},
        };
        for (String[] page : pages) {
            String html = mvc.perform(get(page[0]).with(treasurer(club))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page[0]).contains(page[1]);
        }
    }
}
