package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** {@code /openflyers/journal}: upload, map inline, apply the ticked flows; the deletion page; treasurers only. */
class JournalSyncPageTest extends PageTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    AccountMappings mappings;
    @org.springframework.beans.factory.annotation.Autowired
    org.envol.ledger.AccountService accounts;

    static MockMultipartFile ledgerFile(String amount) {
        String text = "Grand livre du 01/03/" + YEAR + " au 31/03/" + YEAR + "\n"
                + "Nom de compte;DUPONT Jean\nNuméro de compte OF;317\n"
                + ";;;;x;1001;05/03/" + YEAR + ";Vol F-GXYZ;" + amount + ";0,00\nHeures de vol;706;70611;;x\n"
                + ";;;;x;1002;06/03/" + YEAR + ";Vol F-GABC;10,00;0,00\nHeures de vol;706;70611;;x\n";
        return new MockMultipartFile("file", "grand-livre.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTreasurerUploadsMapsInlineAndAppliesTheTickedFlows() throws Exception {
        Books.Club club = club();
        assertThat(text(mvc.perform(get("/openflyers/journal").with(treasurer(club))).andExpect(status().isOk()).andReturn()))
                .contains("Synchroniser le journal OpenFlyers").contains("enctype=\"multipart/form-data\"");
        MockHttpSession session = new MockHttpSession();
        String preview = text(mvc.perform(multipart("/openflyers/journal").file(ledgerFile("150,00")).session(session).with(csrf())
                .with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(preview).contains("Comptes OpenFlyers à associer").contains("DUPONT Jean (317)").contains("Heures de vol (706)")
                .contains("Compte à associer").doesNotContain("name=\"flow\"");

        assertThat(preview).contains("Créer le compte 411 « DUPONT Jean »");
        mvc.perform(post("/openflyers/journal/map").param("openFlyersId", "317").param("openFlyersName", "DUPONT Jean")
                .param("account", "create").session(session).with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk());
        Long created = org.envol.security.SystemActor.run("t", () -> mappings.find(club.id(), "317")).orElseThrow().accountId();
        assertThat(org.envol.security.SystemActor.run("t", () -> accounts.get(created)).display()).isEqualTo("411 DUPONT Jean");
        mvc.perform(post("/openflyers/journal/map").param("openFlyersId", "317").param("openFlyersName", "DUPONT Jean")
                .param("account", String.valueOf(club.member().id())).session(session).with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk());
        String mapped = text(mvc.perform(post("/openflyers/journal/map").param("openFlyersId", "706").param("openFlyersName", "Heures de vol")
                .param("account", String.valueOf(club.income().id())).session(session).with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(mapped).contains("Nouveau").contains("name=\"flow\" value=\"1001\" checked").doesNotContain("Comptes OpenFlyers à associer");

        mvc.perform(post("/openflyers/journal/apply").param("flow", "1001").session(session).with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/openflyers/journal")).andExpect(flash().attribute("notice",
                        "Synchronisation faite : 1 écriture(s) créée(s), 0 remplacée(s), 0 supprimée(s), 0 contre-passée(s)."));
        assertThat(entries(club)).hasSize(1);

        String deletion = text(mvc.perform(get("/openflyers/journal/delete").param("from", YEAR + "-03-01").param("to", YEAR + "-03-31")
                .with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(deletion).contains("Vol F-GXYZ").contains("supprimée").contains("id=\"confirm\"");
        mvc.perform(post("/openflyers/journal/delete").param("from", YEAR + "-03-01").param("to", YEAR + "-03-31").with(csrf())
                .with(treasurer(club))).andExpect(redirectedUrl("/openflyers/journal/delete"));
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void aBadFileShowsItsLinesAndOnlyTreasurersComeIn() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(multipart("/openflyers/journal").file(ledgerFile("15x")).session(new MockHttpSession()).with(csrf())
                .with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Ligne 4 : Montant débit « 15x » invalide");
        mvc.perform(get("/openflyers/journal").with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(get("/openflyers/journal/delete").with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(get("/openflyers/journal?lang=en").with(treasurer(club))).andExpect(status().isOk());
    }
}
