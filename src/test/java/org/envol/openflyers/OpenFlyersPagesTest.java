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
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** The OpenFlyers pages: index and menu, mapping table, initial balances, balance check. */
class OpenFlyersPagesTest extends PageTestSupport {

    static final String FILE = "ID;Nom;Profil;Type de compte;Balance\n359;DUPOND Jean;Pilote;Compte pilote;-125.50\n"
            + "412;MARTIN Anne;Eleve;Compte pilote;300\n";

    @Autowired
    AccountMappings mappings;
    @Autowired
    AccountService accounts;
    @Autowired
    BalanceService balances;

    Books.Club club;

    @BeforeEach
    void setUp() {
        club = club();
    }

    static MockMultipartFile file(String text) {
        return new MockMultipartFile("file", "balance.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMenuLeadsTreasurersToTheIndexWhichLinksEachPage() throws Exception {
        String home = text(mvc.perform(get("/").with(treasurer(club))).andReturn());
        assertThat(home).contains("href=\"/openflyers\"");
        String index = text(mvc.perform(get("/openflyers").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(index).contains("/openflyers/mappings", "/openflyers/balances", "/openflyers/balance-check", "/openflyers/journal");
        assertThat(text(mvc.perform(get("/").with(accountant(club))).andReturn())).doesNotContain("href=\"/openflyers\"");
    }

    @Test
    void mappingsAreEditedInlineCreatedWithConfirmationAndRemoved() throws Exception {
        mvc.perform(post("/openflyers/mappings").param("openFlyersId", "359").param("name", "DUPOND Jean")
                        .param("choice", Long.toString(club.member().id())).with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/openflyers/mappings"));
        mvc.perform(post("/openflyers/mappings").param("openFlyersId", "500").param("name", "BAPTEMES").param("choice", "ignore")
                .with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/openflyers/mappings"));
        String page = text(mvc.perform(get("/openflyers/mappings").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("DUPOND Jean", "BAPTEMES", club.member().display());

        // « créer le compte » asks first, then creates the 411 labelled with the OpenFlyers name
        String ask = text(mvc.perform(post("/openflyers/mappings").param("openFlyersId", "412").param("name", "MARTIN Anne")
                .param("choice", "create").param("back", "/openflyers/balances").with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(ask).contains("Créer le compte 411 « MARTIN Anne »");
        assertThat(SystemActor.run("t", () -> mappings.find(club.id(), "412"))).isEmpty();
        mvc.perform(post("/openflyers/mappings/create").param("openFlyersId", "412").param("name", "MARTIN Anne")
                .param("back", "/openflyers/balances").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/openflyers/balances"));
        Account anne = SystemActor.run("t", () -> accounts.get(mappings.find(club.id(), "412").orElseThrow().accountId()));
        assertThat(anne.code()).isEqualTo("411");
        assertThat(anne.label()).isEqualTo("MARTIN Anne");

        mvc.perform(post("/openflyers/mappings/remove").param("openFlyersId", "500").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/openflyers/mappings"));
        assertThat(SystemActor.run("t", () -> mappings.find(club.id(), "500"))).isEmpty();

        mvc.perform(post("/openflyers/mappings").param("openFlyersId", "1").param("choice", "1").with(csrf()).with(accountant(club)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/openflyers/mappings").param("openFlyersId", "1").param("choice", "n'importe").with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("problems", List.of("Choix « n'importe » invalide : un compte de la section, « ignore » ou « create ».")));
    }

    @Test
    void initialBalancesAreUploadedMappedTickedAndInitialisedOnce() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/openflyers/balances").file(file(FILE)).session(session).with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/openflyers/balances"));
        String page = text(mvc.perform(get("/openflyers/balances").session(session).with(treasurer(club))).andReturn());
        assertThat(page).contains("DUPOND Jean", "MARTIN Anne", "— choisir —", "créer le compte 411").doesNotContain("name=\"account\"");

        SystemActor.run("t", () -> mappings.map(club.id(), "359", "DUPOND Jean", club.member().id()));
        page = text(mvc.perform(get("/openflyers/balances").session(session).with(treasurer(club))).andReturn());
        assertThat(page).contains("name=\"account\" form=\"init\" value=\"359\"", "name=\"createFunds\"");

        mvc.perform(post("/openflyers/balances/init").param("account", "359").param("date", day(1, 1).toString())
                .session(session).with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("problems", List.of("La section n’a pas de compte 102 (fonds associatifs) : acceptez de le créer.")));
        mvc.perform(post("/openflyers/balances/init").param("account", "359").param("date", day(1, 1).toString()).param("createFunds", "true")
                .session(session).with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/openflyers/balances"));
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), day(1, 1)))).isEqualTo(12550);

        page = text(mvc.perform(get("/openflyers/balances").session(session).with(treasurer(club))).andReturn());
        assertThat(page).doesNotContain("name=\"account\"").doesNotContain("name=\"createFunds\"");
    }

    @Test
    void aBadFileIsRefusedNamingItsLine() throws Exception {
        mvc.perform(multipart("/openflyers/balances").file(file("ID;Nom\n1;A\n")).with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("problems", List.of("Ligne 1 : ce n’est pas une « balance des comptes utilisateurs »"
                        + " d’OpenFlyers (en-tête attendu : ID;Nom;Profil;Type de compte;Balance).")));
    }

    @Test
    void theCheckShowsBothBalancesTheDifferenceAndTheUnmapped() throws Exception {
        SystemActor.run("t", () -> mappings.map(club.id(), "359", "DUPOND Jean", club.member().id()));
        String page = text(mvc.perform(multipart("/openflyers/balance-check").file(file(FILE)).param("date", LocalDate.now().toString())
                .with(csrf()).with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("1 compte(s) associé(s), 1 différent(s), 1 non associé(s), 0 ignoré(s).", "-125,50", "MARTIN Anne");
    }
}
