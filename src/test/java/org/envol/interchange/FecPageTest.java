package org.envol.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** {@code /fec}: accountants download the checked FEC, a refusal comes back as a message, members may not. */
class FecPageTest extends PageTestSupport {

    @Autowired
    ClubSettings settings;

    Books.Club validatedClub() {
        SystemActor.run("test", () -> settings.set("siren", "123456782"));
        Books.Club club = club();
        frozen(club.draft(LocalDate.of(YEAR, 2, 1), "Cotisation", club.bank(), club.member(), 5000));
        return club;
    }

    @Test
    void anAccountantDownloadsTheFecOfAYear() throws Exception {
        Books.Club club = validatedClub();
        String page = text(mvc.perform(get("/fec").with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Fichier des écritures comptables").contains("123456782").doesNotContain("name=\"siren\"");
        MvcResult done = mvc.perform(get("/fec/download").param("year", Long.toString(club.year().id())).with(accountant(club)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"123456782FEC" + YEAR + "1231.txt\"")).andReturn();
        String fec = done.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fec.split("\r\n")).hasSize(3);
        assertThat(fec).startsWith("JournalCode\tJournalLib\t").contains("\tCotisation\t50,00\t0,00\t");
    }

    @Test
    void theDescriptionThatAccompaniesTheFecIsOfferedBesideIt() throws Exception {
        Books.Club club = validatedClub();
        assertThat(text(mvc.perform(get("/fec").with(accountant(club))).andReturn())).contains("/fec/description?year=" + club.year().id());
        MvcResult done = mvc.perform(get("/fec/description").param("year", Long.toString(club.year().id())).with(accountant(club)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"123456782FEC" + YEAR + "1231_description.txt\""))
                .andReturn();
        String text = done.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("Description du fichier des écritures comptables 123456782FEC" + YEAR + "1231.txt\r\n")
                .contains("SIREN 123456782").contains("Exercice : du 01/01/" + YEAR + " au 31/12/" + YEAR)
                .contains("Séparateur de zones : tabulation.").contains("  AN : ").doesNotContain("\r\r").doesNotContain("{");
        mvc.perform(get("/fec/description").param("year", Long.toString(club.year().id()))
                .with(AsUser.member(club.id(), club.member().id()))).andExpect(status().isForbidden());
    }

    @Test
    void aRefusalComesBackAsAMessage() throws Exception {
        Books.Club club = validatedClub();
        posted(club.draft(LocalDate.of(YEAR, 3, 1), "Pas validée", club.bank(), club.member(), 100));
        mvc.perform(get("/fec/download").param("year", Long.toString(club.year().id())).with(treasurer(club)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problems", List.of(
                        "L’exercice compte 1 écriture(s) non validée(s) : validez-les (ou supprimez les brouillons) avant"
                                + " d’exporter le FEC, qui ne contient que les écritures validées.")));
    }

    @Test
    void aMemberCannotDownload() throws Exception {
        Books.Club club = validatedClub();
        mvc.perform(get("/fec/download").param("year", Long.toString(club.year().id()))
                .with(AsUser.member(club.id(), club.member().id()))).andExpect(status().isForbidden());
    }

    @Test
    void anAdminSetsTheSirenAndATreasurerMayNot() throws Exception {
        Books.Club club = validatedClub();
        mvc.perform(post("/fec/siren").param("siren", "732 829 320").with(csrf()).with(admin()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "SIREN enregistré."));
        assertThat(settings.siren()).contains("732829320");
        mvc.perform(post("/fec/siren").param("siren", "123").with(csrf()).with(admin()))
                .andExpect(flash().attribute("problems", List.of("SIREN « 123 » invalide : il faut 9 chiffres dont la clé de Luhn est juste.")));
        mvc.perform(post("/fec/siren").param("siren", "123456782").with(csrf()).with(treasurer(club)))
                .andExpect(status().isForbidden());
        assertThat(settings.siren()).contains("732829320");
    }
}
