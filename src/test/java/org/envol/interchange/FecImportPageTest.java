package org.envol.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** {@code /fec/import}: upload, preview, confirm with consent; a bad file shows its lines; only treasurers import. */
class FecImportPageTest extends PageTestSupport {

    static String fec(String... lines) {
        return FecImportTest.HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    static String donation(String num, String amount) {
        return FecImportTest.line("BQ", num, YEAR + "0302", "512", "Banque", "", "", "P" + num, "Don", amount, "0,00") + "\r\n"
                + FecImportTest.line("BQ", num, YEAR + "0302", "7541", "Dons manuels", "", "", "P" + num, "Don", "0,00", amount);
    }

    static MockMultipartFile upload(String content) {
        return new MockMultipartFile("file", "FEC.txt", "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTreasurerPreviewsThenImportsWithConsent() throws Exception {
        Books.Club club = club();
        assertThat(text(mvc.perform(get("/fec").with(treasurer(club))).andReturn())).contains("Importer un FEC");
        assertThat(text(mvc.perform(get("/fec").with(accountant(club))).andReturn())).doesNotContain("Importer un FEC");
        assertThat(text(mvc.perform(get("/fec/import").with(treasurer(club))).andExpect(status().isOk()).andReturn()))
                .contains("enctype=\"multipart/form-data\"");

        MockHttpSession session = new MockHttpSession();
        String preview = text(mvc.perform(multipart("/fec/import").file(upload(fec(donation("1", "25,00"), donation("2", "5,00"))))
                .session(session).with(csrf()).with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(preview).contains("Prévisualisation de l’import · FEC.txt").contains("<td class=\"num\" id=\"created\">2</td>")
                .contains("Comptes à créer dans la section").contains("<td>7541</td>").contains("<td>Dons manuels</td>")
                .contains("name=\"createAccounts\"");
        assertThat(entries(club)).isEmpty();

        String refused = text(mvc.perform(post("/fec/import/confirm").session(session).with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("Ligne 1 : erreur : il manque 1 compte(s) dans la section : 7541 → 7541 Dons manuels");
        assertThat(entries(club)).isEmpty();

        mvc.perform(post("/fec/import/confirm").param("createAccounts", "true").session(session).with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/fec")).andExpect(flash().attribute("notice",
                        "Écritures : 2 nouvelle(s), 0 déjà importée(s) à l’identique, 0 modifiée(s), 0 contre-passée(s) et remplacée(s)."
                                + " Import terminé : les écritures sont enregistrées (non validées ; validez-les après contrôle)."));
        assertThat(entries(club)).hasSize(2);
        // the file was used: confirming again asks for it anew
        mvc.perform(post("/fec/import/confirm").session(session).with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/fec/import"))
                .andExpect(flash().attribute("problems", List.of("Le fichier à importer n’est plus disponible : déposez-le de nouveau.")));
    }

    @Test
    void aBadFileShowsItsProblemsByLineAndCannotBeConfirmed() throws Exception {
        Books.Club club = club();
        String bad = fec(donation("1", "25,00").replace("\t25,00\t0,00", "\t25;00\t0,00"));
        String page = text(mvc.perform(multipart("/fec/import").file(upload(bad)).session(new MockHttpSession()).with(csrf())
                .with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Ligne 2, colonne Debit : erreur : « 25;00 » n’est pas un montant")
                .contains("Ce fichier ne peut pas être importé tel quel").doesNotContain("/fec/import/confirm");
        mvc.perform(multipart("/fec/import").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/fec/import"));
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void accountantsAndMembersMayNotImport() throws Exception {
        Books.Club club = club();
        String file = fec(donation("1", "25,00"));
        for (var user : List.of(accountant(club), AsUser.member(club.id(), club.member().id()))) {
            mvc.perform(get("/fec/import").with(user)).andExpect(status().isForbidden());
            mvc.perform(multipart("/fec/import").file(upload(file)).with(csrf()).with(user)).andExpect(status().isForbidden());
            mvc.perform(post("/fec/import/confirm").param("createAccounts", "true").with(csrf()).with(user)).andExpect(status().isForbidden());
        }
        assertThat(entries(club)).isEmpty();
    }
}
