package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chart of accounts page. */
class ChartPageTest extends PageTestSupport {

    @Autowired
    ChartService chart;

    @Test
    void listsTheCodesWithClassVersionAndUse() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/chart?class=5").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"code-512\"", "ANC-2018-06", "Ajouter un code").doesNotContain("id=\"code-411\"");
        // 512 is used by the club's bank account
        assertThat(page).containsPattern("(?s)id=\"code-512\".*?<td>oui</td>");
    }

    @Test
    void aTreasurerAddsRelabelsAndDeletesACode() throws Exception {
        Books.Club club = club();
        mvc.perform(post("/chart").with(csrf()).with(treasurer(club)).param("code", "6257").param("label", "Réceptions"))
                .andExpect(redirectedUrl("/chart?class=6#code-6257"))
                .andExpect(flash().attribute("notice", "Code 6257 ajouté au plan comptable."));
        assertThat(chart.find("6257")).get().extracting(ChartCode::label, ChartCode::chartVersion).containsExactly("Réceptions", "CLUB");

        mvc.perform(post("/chart/6257/label").with(csrf()).with(treasurer(club)).param("label", "Réceptions et fêtes"))
                .andExpect(status().is3xxRedirection());
        assertThat(chart.find("6257")).get().extracting(ChartCode::label).isEqualTo("Réceptions et fêtes");

        mvc.perform(post("/chart/6257/delete").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/chart"));
        assertThat(chart.find("6257")).isEmpty();
    }

    @Test
    void aCodeInUseIsNotDeletedAndTheLedgersMessageIsShown() throws Exception {
        Books.Club club = club();
        String message = "Le code 512 est utilisé par des comptes : il ne peut pas être supprimé.";
        mvc.perform(post("/chart/512/delete").with(csrf()).with(treasurer(club)).header("Referer", "http://localhost/chart?class=5"))
                .andExpect(redirectedUrl("/chart?class=5"))
                .andExpect(flash().attribute("problems", List.of(message)));
        // without a page to go back to, the refusal is a page of its own
        String page = text(mvc.perform(post("/chart/512/delete").with(csrf()).with(treasurer(club)))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains(message);
        assertThat(chart.find("512")).isPresent();
    }

    @Test
    void aBadCodeIsRefusedWithTheLedgersMessage() throws Exception {
        Books.Club club = club();
        mvc.perform(post("/chart").with(csrf()).with(treasurer(club)).header("Referer", "http://localhost/chart")
                        .param("code", "9X").param("label", "Hors plan"))
                .andExpect(flash().attribute("problems",
                        List.of("Code « 9X » invalide : il commence par le chiffre de sa classe (1 à 8), suivi de chiffres.")));
    }

    @Test
    void anAccountantSeesNoWriteActionAndIsForbiddenToWrite() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/chart").with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Adhérents").doesNotContain("Ajouter un code", "Supprimer", "Renommer");
        String denied = text(mvc.perform(post("/chart").with(csrf()).with(accountant(club)).param("code", "6258").param("label", "x"))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(denied).contains("Seuls les trésoriers et les administrateurs modifient le plan comptable");
        mvc.perform(post("/chart/6061/delete").with(csrf()).with(accountant(club))).andExpect(status().isForbidden());
        assertThat(chart.find("6258")).isEmpty();
    }
}
