package org.envol.guided;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Entry;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.envol.web.ActiveSection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The « Saisie guidée » pages: what a treasurer sees and posts, the refusals on their fields, and who may not. */
class GuidedPagesTest extends PageTestSupport {

    @Autowired
    AccountService accounts;

    record Extra(Account cash, Account cheques, Account liaison) {
    }

    Extra extra(Books.Club club) {
        return SystemActor.run("test", () -> new Extra(accounts.create(club.id(), "530", "Caisse"),
                accounts.create(club.id(), "5112", "Chèques à encaisser"), accounts.create(club.id(), "467", "Liaison")));
    }

    /** The options of the select whose id is given. */
    static String select(String page, String id) {
        Matcher m = Pattern.compile("<select[^>]*id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("select " + id).isTrue();
        return m.group(1);
    }

    /** The member payment form as a browser posts it; {@code changes} replace fields (name, value…). */
    static MockHttpServletRequestBuilder payment(Books.Club club, String amount, long treasuryId, long memberId, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("date", day(3, 14).toString());
        fields.put("amount", amount);
        fields.put("accounts[treasury]", Long.toString(treasuryId));
        fields.put("accounts[member]", Long.toString(memberId));
        fields.put("paymentMode", "CHEQUE");
        fields.put("reference", "1234567");
        fields.put("label", "");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/guided/member-payment").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theIndexListsEveryScreenAndTheMenuLinksIt() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/guided").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Saisie guidée", "Règlement d’un membre", "Dépense", "Recette", "Remboursement d’un membre qui part",
                "Bourse pour un membre", "Paiement d’un fournisseur", "Virement entre banque et caisse", "Remise de chèques en banque",
                "Virement entre sections", "href=\"/entries/new\"");
        for (GuidedKind k : GuidedKind.values()) {
            assertThat(page).contains("href=\"/guided/" + k.slug() + "\"");
        }
        assertThat(text(mvc.perform(get("/").with(treasurer(club))).andReturn())).contains("href=\"/guided\"");
    }

    @Test
    void everyScreenRendersWithOneSelectPerAccountAndWhatItPosts() throws Exception {
        Books.Club club = club();
        extra(club);
        for (GuidedKind k : GuidedKind.values()) {
            String page = text(mvc.perform(get("/guided/" + k.slug()).with(treasurer(club))).andExpect(status().isOk()).andReturn());
            assertThat(page).as(k.slug()).contains("id=\"guided-legs\"");
            // (a transfer between sections shows its accounts once the other section is chosen: tested below)
            for (Slot slot : k.betweenSections() ? List.<Slot>of() : k.slots()) {
                assertThat(page).as(k.slug() + " " + slot.name()).contains("id=\"guided-" + slot.name() + "\"");
            }
        }
    }

    @Test
    void anAccountantSeesNoLinkAndIsRefusedTheScreensAndThePosting() throws Exception {
        Books.Club club = club();
        assertThat(text(mvc.perform(get("/").with(accountant(club))).andReturn())).doesNotContain("href=\"/guided\"");
        mvc.perform(get("/guided").with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(get("/guided/member-payment").with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(payment(club, "10", club.bank().id(), club.member().id()).with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(payment(club, "10", club.bank().id(), club.member().id()).with(AsUser.member(club.id(), club.member().id())))
                .andExpect(status().isForbidden());
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void theFormOffersOnlyTheAccountsThatFit() throws Exception {
        Books.Club club = club();
        extra(club);
        String page = text(mvc.perform(get("/guided/member-payment").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        String members = select(page, "guided-member");
        assertThat(members).contains("411 Dupont Jean").doesNotContain("6061", "706", "512");
        String treasury = select(page, "guided-treasury");
        assertThat(treasury).contains("512 Banque", "530 Caisse", "5112 Chèques à encaisser").doesNotContain("411", "6061", "467");
        assertThat(select(page, "guided-paymentMode")).contains("Chèque", "Virement", "Espèces", "Carte bancaire");
    }

    @Test
    void aPaymentIsPostedThenTheFormComesBackWithANoticeAndALinkToTheEntry() throws Exception {
        Books.Club club = club();
        MvcResult result = mvc.perform(payment(club, "120,50", club.bank().id(), club.member().id()).with(treasurer(club)))
                .andExpect(redirectedUrl("/guided/member-payment"))
                .andExpect(flash().attribute("notice", "Écriture enregistrée."))
                .andReturn();
        List<Entry> written = entries(club);
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.label()).isEqualTo("Règlement Dupont Jean");
            assertThat(e.voucherRef()).isEqualTo("1234567");
            assertThat(e.journalCode()).isEqualTo("BQ");
            assertThat(e.lines()).extracting(l -> l.amountCents()).containsExactly(12_050L, -12_050L);
        });
        String page = text(mvc.perform(get("/guided/member-payment").flashAttrs(result.getFlashMap()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Écriture enregistrée.", "href=\"/entries/" + written.get(0).id() + "\"",
                "Voir l’écriture " + written.get(0).id() + " : Règlement Dupont Jean");
    }

    @Test
    void anUnreadableAmountIsShownOnItsFieldWithTheInputKept() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(payment(club, "12,3,4", club.bank().id(), club.member().id(), "reference", "")
                        .with(treasurer(club)))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains("L’opération n’a pas été enregistrée", "« 12,3,4 » n’est pas un montant ; attendu par ex. 1 234,56.",
                "Le numéro du chèque manque.", "href=\"#guided-amount\"", "href=\"#guided-reference\"");
        assertThat(page).containsPattern("<input id=\"guided-amount\" class=\"amount invalid\"[^>]*value=\"12,3,4\"");
        assertThat(page).containsPattern("id=\"guided-reference\"[^>]*class=\"invalid\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void anAccountThatDoesNotFitIsShownOnItsSelect() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(payment(club, "10", club.bank().id(), club.expense().id()).with(treasurer(club)))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains("Compte du membre (411) : Le compte 6061 Carburant ne convient pas ici : il faut un compte 411.", "href=\"#guided-member\"");
        assertThat(page).containsPattern("<select[^>]*id=\"guided-member\"[^>]*class=\"invalid\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void aDateOutsideTheFiscalYearIsSaidOnTheDate() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(payment(club, "10", club.bank().id(), club.member().id(), "date", (YEAR - 1) + "-06-01").with(treasurer(club)))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains("Aucun exercice de la section ne contient la date", "href=\"#guided-date\"");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void inEnglish() throws Exception {
        Books.Club club = club();
        assertThat(text(mvc.perform(get("/guided").param("lang", "en").with(treasurer(club))).andReturn()))
                .contains("Guided entry", "Member payment", "Transfer between sections");
        String page = text(mvc.perform(payment(club, "douze", club.bank().id(), club.member().id()).param("lang", "en")
                        .with(treasurer(club)))
                .andExpect(status().isUnprocessableContent()).andReturn());
        assertThat(page).contains("The operation was not saved", "“douze” is not an amount; expected e.g. 1,234.56.",
                "Member account (411)");
    }

    @Test
    void theRefundScreenShowsEachMembersCredit() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(2, 1), "Avance", club.bank(), club.member(), 20_000));
        String page = text(mvc.perform(get("/guided/member-refund").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(select(page, "guided-member")).contains("411 Dupont Jean — crédit 200,00 €");
        mvc.perform(post("/guided/member-refund").with(csrf()).with(treasurer(club)).param("date", day(3, 1).toString())
                        .param("amount", "").param("accounts[member]", Long.toString(club.member().id()))
                        .param("accounts[treasury]", Long.toString(club.bank().id())))
                .andExpect(redirectedUrl("/guided/member-refund"));
        assertThat(entries(club)).hasSize(2).last().satisfies(e ->
                assertThat(e.lines()).extracting(l -> l.amountCents()).containsExactly(20_000L, -20_000L));
    }

    @Test
    void aTransferBetweenSectionsAsksForTheOtherSectionThenPostsInBoth() throws Exception {
        Books.Club here = club();
        Books.Club there = club();
        Extra hereExtra = extra(here);
        Extra thereExtra = extra(there);
        var both = AsUser.with("tresorier", "SECTION_" + here.id() + "_TREASURER", "SECTION_" + there.id() + "_TREASURER");

        String first = text(mvc.perform(get("/guided/section-transfer").sessionAttr(ActiveSection.class.getName(), here.id()).with(both))
                .andExpect(status().isOk()).andReturn());
        assertThat(select(first, "guided-targetSection")).contains(there.section().name()).doesNotContain(here.section().name());
        assertThat(first).doesNotContain("id=\"guided-liaison\"");

        String form = text(mvc.perform(get("/guided/section-transfer").param("target", Long.toString(there.id()))
                        .sessionAttr(ActiveSection.class.getName(), here.id()).with(both))
                .andExpect(status().isOk()).andReturn());
        assertThat(select(form, "guided-liaison")).contains("467 Liaison");
        assertThat(select(form, "guided-targetTreasury")).contains("512 Banque", "530 Caisse").doesNotContain("467");

        mvc.perform(post("/guided/section-transfer").with(csrf()).with(both).sessionAttr(ActiveSection.class.getName(), here.id())
                        .param("targetSectionId", Long.toString(there.id())).param("date", day(4, 2).toString()).param("amount", "250")
                        .param("accounts[liaison]", Long.toString(hereExtra.liaison().id()))
                        .param("accounts[treasury]", Long.toString(here.bank().id()))
                        .param("accounts[targetTreasury]", Long.toString(there.bank().id()))
                        .param("accounts[targetLiaison]", Long.toString(thereExtra.liaison().id())))
                .andExpect(redirectedUrl("/guided/section-transfer?target=" + there.id()))
                .andExpect(flash().attribute("notice", "2 écritures enregistrées ensemble."));
        assertThat(entries(here)).singleElement().satisfies(e -> assertThat(e.lines()).extracting(l -> l.accountId())
                .containsExactly(hereExtra.liaison().id(), here.bank().id()));
        assertThat(entries(there)).singleElement().satisfies(e -> assertThat(e.lines()).extracting(l -> l.accountId())
                .containsExactly(there.bank().id(), thereExtra.liaison().id()));
    }

    @Test
    void aTreasurerOfOneSectionIsToldHeCannotTransfer() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/guided/section-transfer").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Vous n’écrivez dans aucune autre section");
    }

    @Test
    void anUnknownScreenIsNotFound() throws Exception {
        mvc.perform(get("/guided/nonsense").with(treasurer(club()))).andExpect(status().isNotFound());
    }
}
