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
import org.springframework.beans.factory.annotation.Autowired;

/** The accounts page and an account's ledger. */
class AccountPagesTest extends PageTestSupport {

    @Autowired
    AccountService accounts;

    private String page(Books.Club club, String url) throws Exception {
        return text(mvc.perform(get(url).with(treasurer(club))).andExpect(status().isOk()).andReturn());
    }

    @Test
    void listsTheAccountsWithTheirBalanceTodayNegativeOnesMarked() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 5), "Carburant", club.expense(), club.bank(), 123_456));
        String page = page(club, "/accounts");
        assertThat(page).contains("Dupont Jean", "Prestations", "Créer un compte");
        assertThat(page).contains("<td class=\"num negative\">-1\u202F234,56</td>", "<td class=\"num\">1\u202F234,56</td>");
    }

    @Test
    void filtersByClassAndByCode() throws Exception {
        Books.Club club = club();
        assertThat(page(club, "/accounts?class=6")).contains(">Carburant<").doesNotContain(">Banque<", ">Dupont Jean<");
        assertThat(page(club, "/accounts?code=41")).contains(">Dupont Jean<").doesNotContain(">Carburant<");
    }

    @Test
    void aTreasurerCreatesClosesReopensAndDeletesAnAccount() throws Exception {
        Books.Club club = club();
        mvc.perform(post("/accounts").with(csrf()).with(treasurer(club)).param("code", "512").param("label", "Caisse d’épargne"))
                .andExpect(redirectedUrl("/accounts"))
                .andExpect(flash().attribute("notice", "Compte 512 Caisse d’épargne créé."));
        Account created = SystemActor.run("test", () -> accounts.list(club.id())).stream()
                .filter(a -> a.label().equals("Caisse d’épargne")).findFirst().orElseThrow();

        mvc.perform(post("/accounts/" + created.id() + "/close").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/accounts"));
        assertThat(SystemActor.run("test", () -> accounts.get(created.id())).active()).isFalse();
        assertThat(page(club, "/accounts")).contains("Rouvrir");
        mvc.perform(post("/accounts/" + created.id() + "/reopen").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/accounts"));
        assertThat(SystemActor.run("test", () -> accounts.get(created.id())).active()).isTrue();

        mvc.perform(post("/accounts/" + created.id() + "/delete").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/accounts"));
        assertThat(SystemActor.run("test", () -> accounts.list(club.id()))).extracting(Account::id).doesNotContain(created.id());
    }

    @Test
    void anAccountWithLinesIsNotDeletedAndACodeOutsideTheChartIsRefused() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 5), "Carburant", club.expense(), club.bank(), 1_000));
        mvc.perform(post("/accounts/" + club.bank().id() + "/delete").with(csrf()).with(treasurer(club))
                        .header("Referer", "http://localhost/accounts"))
                .andExpect(redirectedUrl("/accounts"))
                .andExpect(flash().attribute("problems", List.of("Le compte 512 Banque a des écritures : il ne peut pas être supprimé ; fermez-le.")));
        mvc.perform(post("/accounts").with(csrf()).with(treasurer(club)).header("Referer", "http://localhost/accounts")
                        .param("code", "999").param("label", "Hors plan"))
                .andExpect(flash().attribute("problems", List.of("Le code 999 n'est pas dans le plan comptable : ajoutez-le d'abord.")));
        assertThat(SystemActor.run("test", () -> accounts.list(club.id()))).hasSize(4);
    }

    @Test
    void anAccountantSeesBalancesButNoActionsAndCannotCreate() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/accounts").with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Banque").doesNotContain("Créer un compte", "Fermer", "Supprimer");
        mvc.perform(post("/accounts").with(csrf()).with(accountant(club)).param("code", "512").param("label", "Autre"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + club.bank().id() + "/close").with(csrf()).with(accountant(club))).andExpect(status().isForbidden());
    }

    @Test
    void anAccountsLedgerShowsOpeningRunningAndClosingBalances() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 15), "Apport", club.bank(), club.income(), 100_000));
        posted(club.draft(day(3, 2), "Carburant", club.expense(), club.bank(), 30_000));
        posted(club.draft(day(3, 20), "Entretien", club.expense(), club.bank(), 20_000));
        draft(club.draft(day(3, 25), "Brouillon", club.expense(), club.bank(), 5_000));

        String page = page(club, "/accounts/" + club.bank().id() + "?from=" + day(2, 1) + "&to=" + day(3, 31));
        assertThat(page).contains("Extrait de compte", "Carburant", "Entretien").doesNotContain(">Apport<", "Brouillon");
        assertThat(page).containsPattern("(?s)Solde d’ouverture</td>\\s*<td class=\"num\">1\u202F000,00</td>");
        assertThat(page).containsPattern("(?s)Carburant</a>.*?<td class=\"num\">700,00</td>");
        assertThat(page).containsPattern("(?s)Solde de clôture</td>\\s*<td class=\"num\">500,00</td>");
    }

    @Test
    void anAccountsLedgerDefaultsToTheCurrentFiscalYearAndPages() throws Exception {
        Books.Club club = club();
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            drafts.add(club.draft(day(1, 1).plusDays(i), "Vol " + i, club.member(), club.income(), 1_000));
        }
        SystemActor.run("test", () -> ledger.postAll(drafts));
        String first = page(club, "/accounts/" + club.member().id());
        assertThat(first).contains("value=\"" + day(1, 1) + "\"", "value=\"" + day(12, 31) + "\"", "Page 1 sur 2", ">Vol 50<")
                .doesNotContain(">Vol 51<");
        String second = page(club, "/accounts/" + club.member().id() + "?page=1");
        assertThat(second).contains(">Vol 51<", "510,00");
    }
}
