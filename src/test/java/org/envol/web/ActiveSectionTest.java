package org.envol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The section switcher, pages without a section, language, and the error pages. */
class ActiveSectionTest extends PageTestSupport {

    /** Treasurer of one section, accountant of another. */
    private static RequestPostProcessor twoSections(Books.Club treasurerOf, Books.Club accountantOf) {
        return user("multi").authorities(new SimpleGrantedAuthority("SECTION_" + treasurerOf.id() + "_TREASURER"),
                new SimpleGrantedAuthority("SECTION_" + accountantOf.id() + "_ACCOUNTANT"));
    }

    @Test
    void theSwitcherOffersOnlyTheSectionsTheUserReads() throws Exception {
        Books.Club a = club();
        Books.Club b = club();
        Books.Club hidden = club();
        String page = text(mvc.perform(get("/").with(twoSections(a, b))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<option value=\"" + a.id() + "\"", "<option value=\"" + b.id() + "\"")
                .doesNotContain("<option value=\"" + hidden.id() + "\"", hidden.section().name());
    }

    @Test
    void switchingChangesTheActiveSectionForTheSessionAndGoesBack() throws Exception {
        Books.Club a = club();
        Books.Club b = club();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/section").session(session).with(csrf()).with(twoSections(a, b)).param("sectionId", Long.toString(a.id())))
                .andExpect(redirectedUrl("/"));
        assertThat(text(mvc.perform(get("/").session(session).with(twoSections(a, b))).andReturn()))
                .contains("Section " + a.section().name() + "</h1>", "Saisir une écriture");

        mvc.perform(post("/section").session(session).with(csrf()).with(twoSections(a, b))
                        .param("sectionId", Long.toString(b.id())).header("Referer", "http://localhost/journal?status=DRAFT"))
                .andExpect(redirectedUrl("/journal?status=DRAFT"));

        String home = text(mvc.perform(get("/").session(session).with(twoSections(a, b))).andReturn());
        // accountant there: the section's figures, no entry form
        assertThat(home).contains("Section " + b.section().name() + "</h1>").doesNotContain("Saisir une écriture");
        assertThat(text(mvc.perform(get("/journal").session(session).with(twoSections(a, b))).andReturn()))
                .contains("Grand journal · " + b.section().name());
    }

    @Test
    void untilOneIsChosenTheFirstReadableSectionIsActive() throws Exception {
        Books.Club a = club();
        Books.Club b = club();
        Books.Club first = a.section().code().compareTo(b.section().code()) < 0 ? a : b;
        assertThat(text(mvc.perform(get("/").with(twoSections(a, b))).andReturn()))
                .contains("Section " + first.section().name() + "</h1>");
    }

    @Test
    void aSectionTheUserDoesNotReadIsRefusedAndTheActiveOneStays() throws Exception {
        Books.Club a = club();
        Books.Club other = club();
        MockHttpSession session = new MockHttpSession();
        String page = text(mvc.perform(post("/section").session(session).with(csrf()).with(treasurer(a))
                        .param("sectionId", Long.toString(other.id())).header("Referer", "http://localhost/"))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(page).contains("Accès refusé");
        assertThat(text(mvc.perform(get("/").session(session).with(treasurer(a))).andReturn()))
                .contains("Section " + a.section().name() + "</h1>");
    }

    @Test
    void theRedirectAfterSwitchingNeverLeavesTheSite() throws Exception {
        Books.Club a = club();
        mvc.perform(post("/section").with(csrf()).with(treasurer(a)).param("sectionId", Long.toString(a.id()))
                        .header("Referer", "https://evil.example/steal?x=1"))
                .andExpect(redirectedUrl("/steal?x=1"));
        mvc.perform(post("/section").with(csrf()).with(treasurer(a)).param("sectionId", Long.toString(a.id())))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aUserWhoReadsNoSectionIsToldSo() throws Exception {
        String home = text(mvc.perform(get("/").with(user("nobody").roles("MEMBER"))).andExpect(status().isOk()).andReturn());
        assertThat(home).contains("Aucune section", "ne donne accès aux livres d’aucune section").doesNotContain("section-switcher");
        String journal = text(mvc.perform(get("/journal").with(user("nobody").roles("MEMBER"))).andExpect(status().isForbidden()).andReturn());
        assertThat(journal).contains("Aucune section");
        mvc.perform(get("/entries/new").with(user("nobody").roles("MEMBER"))).andExpect(status().isForbidden());
    }

    @Test
    void englishIsAvailableWithLangEn() throws Exception {
        Books.Club a = club();
        String journal = text(mvc.perform(get("/journal?lang=en").with(treasurer(a))).andExpect(status().isOk()).andReturn());
        assertThat(journal).contains("<html lang=\"en\">", "General journal", "Chart of accounts", "Sign out")
                .doesNotContain("Grand journal");
        String form = text(mvc.perform(get("/entries/new?lang=en").with(treasurer(a))).andReturn());
        assertThat(form).contains("Save as draft", "Add a line", "Line label");
        String french = text(mvc.perform(get("/journal").with(treasurer(a))).andReturn());
        assertThat(french).contains("<html lang=\"fr\">", "Grand journal", "Se déconnecter");
    }

    @Test
    void theLanguageLinksKeepTheFilters() throws Exception {
        Books.Club a = club();
        String journal = text(mvc.perform(get("/journal?text=vol&status=DRAFT").with(treasurer(a))).andReturn());
        assertThat(journal).contains("href=\"/journal?text=vol&status=DRAFT&lang=en\"");
    }
}
