package org.envol.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.envol.ledger.Entry;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.YearEnd;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /closing/{year}}: preview, bank confirmations, validation, reopening; who sees and does what; French and English. */
class ClosingPageTest extends PageTestSupport {

    static final String ACTIVE_SECTION = "org.envol.web.ActiveSection";

    @Autowired
    FiscalYearService years;

    Books.Club club;
    String page;

    @BeforeEach
    void setUp() {
        club = books.club("C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2024);
        frozen(club.draft(LocalDate.of(2024, 3, 1), "Vols de mars", club.member(), club.income(), 50_000));
        frozen(club.draft(LocalDate.of(2024, 3, 10), "Règlement", club.bank(), club.member(), 40_000));
        frozen(club.draft(LocalDate.of(2024, 4, 1), "Carburant", club.expense(), club.bank(), 12_000));
        page = "/closing/" + club.year().id();
    }

    MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(admin()).sessionAttr(ACTIVE_SECTION, club.id());
    }

    void confirmBank() throws Exception {
        mvc.perform(post(page + "/banks/" + club.bank().id()).param("balanceCents", "28000").with(csrf()).with(treasurer(club)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Solde de 512 Banque au 31/12/2024 confirmé : 280,00 €."));
    }

    void validate() throws Exception {
        mvc.perform(post(page).param("carry", "retained").param("createAccounts", "true").with(csrf()).with(treasurer(club)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page + "?carry=retained"))
                .andExpect(flash().attribute("notice", "Exercice du 01/01/2024 au 31/12/2024 clôturé : 2 écriture(s) de clôture validée(s)."));
    }

    @Test
    void aTreasurerSeesThePreviewTheChecklistAndConfirmsTheBank() throws Exception {
        String html = text(mvc.perform(get(page).with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Clôture 2024").contains("Excédent de l’exercice").contains("380,00 €")
                .contains("Résultat de l’exercice 2024").contains("6061 Carburant").contains("706 Prestations")
                .contains("120 Résultat de l'exercice (excédent)").contains("à créer")
                .contains("La clôture créera le compte 120 Résultat de l'exercice (excédent).")
                .contains("À-nouveaux 2025 (clôture 2024)")
                .contains("Solde de 512 Banque au 31/12/2024 : 280,00 € — à confirmer avec le relevé bancaire.")
                .contains("Le relevé montre 280,00 € : confirmer")
                .contains("Toutes les écritures de l’exercice sont validées (gelées).")
                .contains("L’exercice suivant (du 01/01/2025 au 31/12/2025) sera créé")
                .contains("name=\"createAccounts\"").contains("Valider la clôture").contains("disabled");
        confirmBank();
        html = text(mvc.perform(get(page).with(treasurer(club))).andReturn());
        assertThat(html).contains("Solde de 512 Banque au 31/12/2024 confirmé : 280,00 € (tresorier,")
                .doesNotContain("Le relevé montre").doesNotContain("disabled");
        // the prior result's choice is a GET of the same page
        assertThat(text(mvc.perform(get(page).param("carry", "funds").with(treasurer(club))).andReturn()))
                .contains("value=\"funds\" checked");
    }

    @Test
    void aBlockedValidationComesBackWithTheChecklistFailuresAndWritesNothing() throws Exception {
        int entries = entries(club).size();
        mvc.perform(post(page).param("carry", "retained").param("createAccounts", "true").with(csrf()).with(treasurer(club)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of(
                        "Clôture refusée : 1 point(s) de la liste de contrôle ne sont pas satisfaits. Rien n’a été écrit.",
                        "Solde de 512 Banque au 31/12/2024 : 280,00 € — à confirmer avec le relevé bancaire.")));
        assertThat(entries(club)).hasSize(entries);
        mvc.perform(post(page + "/banks/" + club.bank().id()).param("balanceCents", "1").with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("problems", List.of("Les comptes montrent 280,00 € pour 512 Banque au 31/12/2024,"
                        + " et non 0,01 € : rapprochez le relevé bancaire et corrigez les écritures avant de confirmer.")));
    }

    @Test
    void validationPostsTheEntriesAndThePageThenShowsThemWithLinks() throws Exception {
        confirmBank();
        validate();
        Entry result = SystemActor.run("test", () -> search.bySource(club.id(), YearEnd.result(club.year().id())).orElseThrow());
        String html = text(mvc.perform(get(page).with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("L’exercice du 01/01/2024 au 31/12/2024 est clôturé")
                .contains("href=\"/entries/" + result.id() + "\"").contains(result.displayNumber()).contains("AN-1")
                .doesNotContain("Valider la clôture").doesNotContain("name=\"reason\"");
        // once
        mvc.perform(post(page).param("carry", "retained").param("createAccounts", "true").with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("problems", List.of("L’exercice du 01/01/2024 au 31/12/2024 est déjà clôturé :"
                        + " la clôture n’a lieu qu’une fois (un administrateur peut le rouvrir).")));
    }

    @Test
    void validationNeedsCsrf() throws Exception {
        mvc.perform(post(page).param("carry", "retained").with(treasurer(club))).andExpect(status().isForbidden());
        assertThat(SystemActor.run("test", () -> years.find(club.year().id()).orElseThrow().closed())).isFalse();
    }

    @Test
    void anAccountantReadsThePreviewButCannotValidateNorConfirm() throws Exception {
        String html = text(mvc.perform(get(page).with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Liste de contrôle").doesNotContain("Valider la clôture").doesNotContain("Le relevé montre")
                .doesNotContain("href=\"/closing\"");
        mvc.perform(post(page).param("createAccounts", "true").with(csrf()).with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/banks/" + club.bank().id()).param("balanceCents", "28000").with(csrf()).with(accountant(club)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMemberAndAnotherSectionsTreasurerMayNot() throws Exception {
        mvc.perform(get(page).with(AsUser.member(club.id(), club.member().id()))).andExpect(status().isForbidden());
        Books.Club other = books.club("O" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2024);
        mvc.perform(get(page).with(treasurer(other))).andExpect(status().isForbidden());
        mvc.perform(post(page).param("createAccounts", "true").with(csrf()).with(treasurer(other))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/banks/" + club.bank().id()).param("balanceCents", "28000").with(csrf()).with(treasurer(other)))
                .andExpect(status().isForbidden());
        assertThat(SystemActor.run("test", () -> years.find(club.year().id()).orElseThrow().closed())).isFalse();
    }

    @Test
    void anAdminReopensWithAReasonATreasurerMayNot() throws Exception {
        confirmBank();
        validate();
        String html = text(mvc.perform(asAdmin(get(page))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Rouvrir l’exercice").contains("name=\"reason\"");
        mvc.perform(post(page + "/reopen").param("reason", "oubli").with(csrf()).with(treasurer(club))).andExpect(status().isForbidden());
        mvc.perform(asAdmin(post(page + "/reopen").param("reason", " ").with(csrf())))
                .andExpect(flash().attribute("problems", List.of(
                        "Indiquez pourquoi l’exercice est rouvert : le motif est inscrit au journal d’audit.")));
        mvc.perform(asAdmin(post(page + "/reopen").param("reason", "Facture oubliée").param("reverse", "true").with(csrf())))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice",
                        "Exercice du 01/01/2024 au 31/12/2024 rouvert ; 2 écriture(s) de clôture contre-passée(s) et validée(s)."));
        assertThat(SystemActor.run("test", () -> years.find(club.year().id()).orElseThrow().closed())).isFalse();
        assertThat(text(mvc.perform(get(page).with(treasurer(club))).andReturn())).contains("Valider la clôture");
        assertThat(text(mvc.perform(get("/audit").with(treasurer(club))).andReturn()))
                .contains("Réouverture (motif)").contains("Facture oubliée").contains("Clôture de l’exercice")
                .contains("Solde bancaire confirmé");
    }

    @Test
    void aYearOfAnotherSectionThanTheActiveOneIsNotFound() throws Exception {
        Books.Club other = books.club("O" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2024);
        mvc.perform(get("/closing/" + other.year().id()).with(admin()).sessionAttr(ACTIVE_SECTION, club.id()))
                .andExpect(status().isNotFound());
    }

    @Test
    void inEnglish() throws Exception {
        String html = text(mvc.perform(get(page).param("lang", "en").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("Closing 2024").contains("Checklist").contains("Surplus of the year").contains("380.00 €")
                .contains("Balance of 512 Banque on 31/12/2024: 280.00 € — to confirm against the bank statement.")
                .contains("Validate the closing")
                // the books stay in French
                .contains("Résultat de l’exercice 2024");
    }

    @Test
    void theMenuAndTheFiscalYearsPageLeadToTheYearToClose() throws Exception {
        mvc.perform(get("/closing").with(treasurer(club))).andExpect(redirectedUrl(page));
        String years = text(mvc.perform(get("/fiscal-years").with(treasurer(club))).andReturn());
        assertThat(years).contains("href=\"" + page + "\"").contains("href=\"/closing\"");
    }
}
