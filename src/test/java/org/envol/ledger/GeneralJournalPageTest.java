package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;

/** The general journal: filters, paging, and validating a selection. */
class GeneralJournalPageTest extends PageTestSupport {

    private String journal(Books.Club club, String query) throws Exception {
        return text(mvc.perform(get("/journal" + query).with(treasurer(club))).andExpect(status().isOk()).andReturn());
    }

    @Test
    void filtersByDateJournalAccountTextAndStatus() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 10), "Cotisation Dupont", club.member(), club.income(), 15_000));
        posted(new EntryDraft(club.id(), "BQ", day(2, 10), "Règlement Dupont", "CHQ-1", null,
                List.of(LineDraft.of(club.bank().id(), 15_000), LineDraft.of(club.member().id(), -15_000))));
        frozen(club.draft(day(3, 10), "Carburant mars", club.expense(), club.bank(), 4_000));
        draft(club.draft(day(4, 10), "Carburant avril", club.expense(), club.bank(), 5_000));

        assertThat(journal(club, "")).contains("4 écritures", "Cotisation Dupont", "Règlement Dupont", "Carburant mars", "Carburant avril");
        assertThat(journal(club, "?from=" + day(2, 1) + "&to=" + day(3, 31)))
                .contains("2 écritures", "Règlement Dupont", "Carburant mars").doesNotContain("Cotisation Dupont", "Carburant avril");
        assertThat(journal(club, "?journal=BQ")).contains("1 écriture", "Règlement Dupont").doesNotContain("Carburant mars", "Cotisation Dupont");
        assertThat(journal(club, "?account=" + club.expense().id())).contains("Carburant mars", "Carburant avril").doesNotContain("Dupont<");
        assertThat(journal(club, "?text=chq-1")).contains("1 écriture", "Règlement Dupont");
        assertThat(journal(club, "?text=carburant&status=FROZEN")).contains("1 écriture", "Carburant mars").doesNotContain("Carburant avril");
        assertThat(journal(club, "?status=DRAFT")).contains("1 écriture", "Carburant avril");
    }

    @Test
    void theFilterFormSentEmptyFiltersNothing() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 10), "Seule", club.member(), club.income(), 1_000));
        assertThat(journal(club, "?from=&to=&journal=&account=&text=&status=")).contains("1 écriture", "Seule");
    }

    @Test
    void showsFiftyEntriesAPageAndKeepsTheFiltersFromPageToPage() throws Exception {
        Books.Club club = club();
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            drafts.add(club.draft(day(1, 1).plusDays(i), "Vol " + i, club.member(), club.income(), 1_000 + i));
        }
        SystemActor.run("test", () -> ledger.postAll(drafts));

        String first = journal(club, "?text=vol");
        assertThat(first).contains("51 écritures", "Page 1 sur 2", "Vol 50<").doesNotContain("Vol 51<");
        assertThat(first).contains("href=\"/journal?text=vol&amp;page=1\"".replace("&amp;", "&"));
        String second = journal(club, "?text=vol&page=1");
        assertThat(second).contains("Page 2 sur 2", "Vol 51<").doesNotContain("Vol 50<");
    }

    @Test
    void validatesTheSelectedEntriesAndSaysHowManyAlreadyWere() throws Exception {
        Books.Club club = club();
        Entry a = posted(club.draft(day(1, 10), "A", club.member(), club.income(), 1_000));
        Entry b = draft(club.draft(day(1, 11), "B", club.member(), club.income(), 2_000));
        Entry c = frozen(club.draft(day(1, 12), "C", club.member(), club.income(), 3_000));

        assertThat(journal(club, "")).contains("Valider (geler) la sélection", "name=\"ids\" value=\"" + a.id() + "\"")
                .doesNotContain("name=\"ids\" value=\"" + c.id() + "\"");

        mvc.perform(post("/journal/freeze").with(csrf()).with(treasurer(club))
                        .param("ids", Long.toString(a.id()), Long.toString(b.id()), Long.toString(c.id()))
                        .param("back", "status=POSTED&text=x"))
                .andExpect(redirectedUrl("/journal?status=POSTED&text=x"))
                .andExpect(flash().attribute("notice", "2 écritures validées, 1 l’était déjà."));

        assertThat(List.of(entry(a.id()), entry(b.id()), entry(c.id()))).allMatch(Entry::frozen);
        assertThat(entry(a.id()).displayNumber()).isEqualTo("OD-2");
        assertThat(entry(b.id()).displayNumber()).isEqualTo("OD-3");
    }

    @Test
    void validatingNothingSaysSo() throws Exception {
        Books.Club club = club();
        mvc.perform(post("/journal/freeze").with(csrf()).with(treasurer(club)).param("back", ""))
                .andExpect(redirectedUrl("/journal"))
                .andExpect(flash().attribute("notice", "Aucune écriture sélectionnée."));
    }

    @Test
    void anAccountantReadsTheJournalWithoutSelectionAndCannotValidate() throws Exception {
        Books.Club club = club();
        Entry a = posted(club.draft(day(1, 10), "A lire", club.member(), club.income(), 1_000));
        String page = text(mvc.perform(get("/journal").with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("A lire").doesNotContain("Valider (geler) la sélection", "name=\"ids\"", "Saisir une écriture");
        mvc.perform(post("/journal/freeze").with(csrf()).with(accountant(club)).param("ids", Long.toString(a.id())))
                .andExpect(status().isForbidden());
        assertThat(entry(a.id()).frozen()).isFalse();
    }
}
