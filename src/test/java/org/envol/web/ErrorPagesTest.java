package org.envol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Error pages: in French, saying what happened, never a stack trace; the API's errors are left to the API. */
class ErrorPagesTest extends PageTestSupport {

    @Test
    void anUnknownAddressShowsTheNotFoundPage() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/nulle-part").accept(MediaType.TEXT_HTML).with(treasurer(club)))
                .andExpect(status().isNotFound()).andReturn());
        assertThat(page).contains("Introuvable", "La page ou l’objet demandé n’existe pas.", "Grand journal");
    }

    @Test
    void anUnknownIdShowsTheNotFoundPageWithTheLedgersMessage() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/accounts/987654321").with(treasurer(club))).andExpect(status().isNotFound()).andReturn());
        assertThat(page).contains("Introuvable", "Compte inconnu").doesNotContain("Exception", "at org.");
    }

    @Test
    void anIdThatIsNotANumberIsABadRequestPage() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/entries/abc").with(treasurer(club))).andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("Demande invalide").doesNotContain("Failed to convert", "NumberFormatException");
    }

    @Test
    void aWrongMethodSaysWhichAreAllowed() throws Exception {
        Books.Club club = club();
        mvc.perform(post("/trial-balance").with(csrf()).with(treasurer(club)))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "GET"));
    }

    @Test
    void theApiKeepsItsOwnErrors() throws Exception {
        Books.Club club = club();
        String body = mvc.perform(get("/api/v1/nulle-part").accept(MediaType.APPLICATION_JSON).with(treasurer(club)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("<html");
    }

    @Test
    void theReasonOfADenialIsNamed() {
        assertThat(PageErrors.reasonKey("write section 3")).isEqualTo("error.403.why.write");
        assertThat(PageErrors.reasonKey("read section 3")).isEqualTo("error.403.why.read");
        assertThat(PageErrors.reasonKey("write chart")).isEqualTo("error.403.why.chart");
        assertThat(PageErrors.reasonKey("admin")).isEqualTo("error.403.why.admin");
        assertThat(PageErrors.reasonKey(null)).isEqualTo("error.forbidden");
    }
}
