package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The free entry form and the page of one entry: what a treasurer does, and what others may not. */
class EntryPagesTest extends PageTestSupport {

    /** The form as a browser posts it: two lines, amounts typed in French; {@code changes} replace fields. */
    private static MockHttpServletRequestBuilder entryForm(String url, Books.Club club, String label, String debit, String credit,
            String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sectionId", Long.toString(club.id()));
        fields.put("journalCode", "OD");
        fields.put("date", day(3, 14).toString());
        fields.put("label", label);
        fields.put("voucherRef", "F-77");
        fields.put("lines[0].accountId", Long.toString(club.expense().id()));
        fields.put("lines[0].debit", debit);
        fields.put("lines[0].credit", "");
        fields.put("lines[0].label", "plein");
        fields.put("lines[1].accountId", Long.toString(club.bank().id()));
        fields.put("lines[1].debit", "");
        fields.put("lines[1].credit", credit);
        fields.put("lines[1].label", "");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void postingTheFormCreatesTheEntryThenShownInTheJournal() throws Exception {
        Books.Club club = club();
        MvcResult result = mvc.perform(entryForm("/entries/new", club, "Carburant mars", "1 234,56", "1234,56")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Écriture enregistrée."))
                .andReturn();

        Entry entry = entry(redirectId(result));
        assertThat(entry.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(entry.label()).isEqualTo("Carburant mars");
        assertThat(entry.voucherRef()).isEqualTo("F-77");
        assertThat(entry.date()).isEqualTo(day(3, 14));
        assertThat(entry.createdBy()).isEqualTo("tresorier");
        assertThat(entry.lines()).extracting(Line::accountId, Line::amountCents, Line::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(club.expense().id(), 123_456L, "plein"),
                        org.assertj.core.groups.Tuple.tuple(club.bank().id(), -123_456L, null));

        String journal = text(mvc.perform(get("/journal").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(journal).contains("Carburant mars", "1\u202F234,56", "6061 Carburant", "512 Banque");
    }

    @Test
    void anUnbalancedEntryIsShownAgainWithTheFrenchMessageAndNothingIsWritten() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(entryForm("/entries/new", club, "Carburant avril", "100", "90,5")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(status().isUnprocessableContent())
                .andReturn());

        assertThat(page).contains("L'écriture n'est pas équilibrée : écart de 9,50 € (débits − crédits).");
        // the user's input is all there, to be corrected
        assertThat(page).contains("value=\"Carburant avril\"", "value=\"100\"", "value=\"90,5\"", "value=\"F-77\"", "value=\"plein\"");
        assertThat(page).containsPattern("class=\"totals invalid\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void everyRejectionIsShownAndTheFieldsAtFaultAreMarked() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(entryForm("/entries/new", club, "", "100", "90", "lines[1].accountId", "")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(status().isUnprocessableContent())
                .andReturn());

        assertThat(page).contains("Le libellé de l'écriture manque.", "Ligne 2 : choisissez un compte.",
                "L'écriture n'est pas équilibrée : écart de 10,00 €");
        assertThat(page).contains("href=\"#line-2\"", "href=\"#entry-label\"");
        assertThat(page).containsPattern("id=\"line-2\" data-line class=\"at-fault\"");
        assertThat(page).containsPattern("id=\"entry-label\"[^>]*class=\"invalid\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void anAmountThatIsNotOneIsNamedWithItsLineAndTheOtherProblemsStillShow() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(entryForm("/entries/new", club, "", "100", "12,3,4")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(status().isUnprocessableContent())
                .andReturn());

        assertThat(page).contains("Ligne 2 : « 12,3,4 » n’est pas un montant ; attendu par ex. 1 234,56.",
                "Le libellé de l'écriture manque.");
        // the unread amount would only repeat itself as an imbalance or a zero line
        assertThat(page).doesNotContain("n'est pas équilibrée", "Ligne 2 : le montant est nul");
        assertThat(page).containsPattern("name=\"lines\\[1\\]\\.credit\" value=\"12,3,4\"[^>]*class=\"amount invalid\"|class=\"amount invalid\"[^>]*name=\"lines\\[1\\]\\.credit\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void aLineWithBothDebitAndCreditIsRefused() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(entryForm("/entries/new", club, "Double", "100", "100", "lines[0].credit", "5")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(page).contains("Ligne 1 : saisissez un débit ou un crédit, pas les deux.");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void blankLinesAreDroppedSoThatLineNumbersMatchTheMessages() throws Exception {
        Books.Club club = club();
        // a blank row between the two filled ones: the second filled row is line 2 of the entry
        String page = text(mvc.perform(post("/entries/new").with(csrf()).with(treasurer(club))
                        .param("sectionId", Long.toString(club.id())).param("journalCode", "OD")
                        .param("date", day(3, 1).toString()).param("label", "Trou")
                        .param("lines[0].accountId", Long.toString(club.bank().id())).param("lines[0].debit", "10")
                        .param("lines[1].accountId", "").param("lines[1].debit", "").param("lines[1].credit", "")
                        .param("lines[2].accountId", "").param("lines[2].credit", "10")
                        .param("action", "post"))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(page).contains("Ligne 2 : choisissez un compte.");
        assertThat(page).contains("name=\"lines[1].credit\" value=\"10\"").doesNotContain("lines[2]");
    }

    @Test
    void addLineWithoutScriptGivesTheFormBackOneLineLonger() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(entryForm("/entries/new", club, "Trois lignes", "10", "10")
                        .param("addLine", "1").with(treasurer(club)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("id=\"line-3\"", "value=\"Trois lignes\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void aDraftIsSavedThenPostedFromItsPage() throws Exception {
        Books.Club club = club();
        long id = redirectId(mvc.perform(entryForm("/entries/new", club, "Brouillon", "10", "10")
                        .param("action", "draft").with(treasurer(club)))
                .andExpect(status().is3xxRedirection()).andReturn());
        assertThat(entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(text(mvc.perform(get("/entries/" + id).with(treasurer(club))).andReturn()))
                .contains("brouillon", "Passer l’écriture", "Valider (geler)", "Modifier");

        mvc.perform(post("/entries/" + id + "/post").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/entries/" + id));
        assertThat(entry(id).status()).isEqualTo(EntryStatus.POSTED);
    }

    @Test
    void anEntryIsChangedThroughTheSameForm() throws Exception {
        Books.Club club = club();
        Entry entry = posted(club.draft(day(2, 1), "Avant", club.bank(), club.income(), 5_000));
        mvc.perform(entryForm("/entries/" + entry.id() + "/edit", club, "Après", "20", "20")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(redirectedUrl("/entries/" + entry.id()));
        Entry after = entry(entry.id());
        assertThat(after.label()).isEqualTo("Après");
        assertThat(after.lines()).extracting(Line::amountCents).containsExactly(2_000L, -2_000L);
    }

    @Test
    void validatingFromTheEntryPageGivesItsNumber() throws Exception {
        Books.Club club = club();
        Entry entry = posted(club.draft(day(2, 1), "À geler", club.bank(), club.income(), 5_000));
        mvc.perform(post("/entries/" + entry.id() + "/freeze").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/entries/" + entry.id()))
                .andExpect(flash().attribute("notice", "Écriture validée (gelée) : numéro OD-1."));
        Entry frozen = entry(entry.id());
        assertThat(frozen.frozen()).isTrue();
        String page = text(mvc.perform(get("/entries/" + entry.id()).with(treasurer(club))).andReturn());
        assertThat(page).contains("OD-1", "validée", frozen.hash(), "Contre-passer").doesNotContain("/edit\"");
    }

    @Test
    void aFrozenEntryCannotBeChangedAndTheUserIsToldWhy() throws Exception {
        Books.Club club = club();
        Entry entry = frozen(club.draft(day(2, 1), "Gelée", club.bank(), club.income(), 5_000));
        String frozenMessage = "L'écriture OD-1 est validée (gelée) : elle ne peut plus être modifiée ni supprimée ; passez une contre-passation.";

        mvc.perform(get("/entries/" + entry.id() + "/edit").with(treasurer(club)))
                .andExpect(redirectedUrl("/entries/" + entry.id()))
                .andExpect(flash().attribute("problems", List.of(frozenMessage)));

        String page = text(mvc.perform(entryForm("/entries/" + entry.id() + "/edit", club, "Changée", "20", "20")
                        .param("action", "post").with(treasurer(club)))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains(frozenMessage);
        assertThat(entry(entry.id())).isEqualTo(entry);

        mvc.perform(post("/entries/" + entry.id() + "/delete").with(csrf()).with(treasurer(club))
                        .header("Referer", "http://localhost/entries/" + entry.id()))
                .andExpect(redirectedUrl("/entries/" + entry.id()))
                .andExpect(flash().attribute("problems", List.of(frozenMessage)));
        assertThat(entry(entry.id())).isEqualTo(entry);
    }

    @Test
    void reversingAFrozenEntryCreatesTheLinkedCounterEntry() throws Exception {
        Books.Club club = club();
        Entry entry = frozen(club.draft(day(2, 1), "Erreur", club.bank(), club.income(), 5_000));

        long reversalId = redirectId(mvc.perform(post("/entries/" + entry.id() + "/reverse").with(csrf()).with(treasurer(club))
                        .param("date", "").param("label", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Contre-passation enregistrée."))
                .andReturn());

        Entry reversal = entry(reversalId);
        assertThat(reversal.reversalOf()).isEqualTo(entry.id());
        assertThat(reversal.date()).isEqualTo(entry.date());
        assertThat(reversal.lines()).extracting(Line::amountCents).containsExactly(-5_000L, 5_000L);
        assertThat(text(mvc.perform(get("/entries/" + reversalId).with(treasurer(club))).andReturn()))
                .contains("Contre-passation de", "href=\"/entries/" + entry.id() + "\"");
        assertThat(text(mvc.perform(get("/entries/" + entry.id()).with(treasurer(club))).andReturn()))
                .contains("Contre-passée par", "href=\"/entries/" + reversalId + "\"")
                .doesNotContain("/reverse\"");
    }

    @Test
    void aDraftIsDeleted() throws Exception {
        Books.Club club = club();
        Entry entry = draft(club.draft(day(2, 1), "À jeter", club.bank(), club.income(), 5_000));
        mvc.perform(post("/entries/" + entry.id() + "/delete").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/journal"));
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void anAccountantReadsEntriesButGetsForbiddenOnTheFormAndOnEveryAct() throws Exception {
        Books.Club club = club();
        Entry entry = posted(club.draft(day(2, 1), "Lue", club.bank(), club.income(), 5_000));

        String page = text(mvc.perform(get("/entries/" + entry.id()).with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Lue").doesNotContain("Valider (geler)", "Supprimer", "/edit\"");

        String denied = text(mvc.perform(get("/entries/new").with(accountant(club))).andExpect(status().isForbidden()).andReturn());
        assertThat(denied).contains("Accès refusé", "Seuls les trésoriers de la section");
        mvc.perform(get("/entries/" + entry.id() + "/edit").with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(entryForm("/entries/new", club, "Interdite", "10", "10").param("action", "post").with(accountant(club)))
                .andExpect(status().isForbidden());
        mvc.perform(entryForm("/entries/new", club, "Interdite", "10", "xx").param("action", "post").with(accountant(club)))
                .andExpect(status().isForbidden());
        for (String act : List.of("edit", "post", "freeze", "reverse", "delete")) {
            mvc.perform(post("/entries/" + entry.id() + "/" + act).with(csrf()).with(accountant(club))
                    .param("journalCode", "OD")).andExpect(status().isForbidden());
        }
        assertThat(entries(club)).containsExactly(entry);
    }

    @Test
    void aTreasurerOfAnotherSectionCannotPostIntoThisOne() throws Exception {
        Books.Club club = club();
        Books.Club other = club();
        mvc.perform(entryForm("/entries/new", club, "Intrus", "10", "10").param("action", "post").with(treasurer(other)))
                .andExpect(status().isForbidden());
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void anUnknownEntryIsNotFound() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/entries/987654321").with(treasurer(club))).andExpect(status().isNotFound()).andReturn());
        assertThat(page).contains("Introuvable", "Écriture inconnue (");
    }
}
