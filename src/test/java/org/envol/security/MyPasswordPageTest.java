package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envol.security.SecurityTestSupport.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.envol.testing.Books;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** « Mon mot de passe » (/me/password): any signed-in user, members included, changes his or her own password. */
@SecurityTest
class MyPasswordPageTest {

    static final String PASSWORD = "correct-horse-42";
    static final String NEW_PASSWORD = "a-brand-new-one-7";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    EnvolUserDetailsService details;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Books books;

    /** A member of a section who owns his or her 411 account, as the members feature makes them. */
    AppUser member() {
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        return SystemActor.run("test", () -> {
            AppUser u = users.create(unique("member"), "Claire Membre", PASSWORD, List.of(Grant.inSection(club.id(), Role.MEMBER)));
            return users.linkAccount(u.id(), club.member().id());
        });
    }

    MockHttpSession signIn(AppUser u) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(u.username()).password(PASSWORD))
                .andExpect(authenticated().withUsername(u.username())).andReturn().getRequest().getSession();
    }

    MockHttpServletRequestBuilder change(MockHttpSession session, String current, String next, String confirmation) {
        return post("/me/password").session(session).param("currentPassword", current).param("newPassword", next)
                .param("confirmation", confirmation);
    }

    boolean hasPassword(AppUser u, String password) {
        return encoder.matches(password, details.loadUserByUsername(u.username()).getPassword());
    }

    @Test
    void aMemberSeesTheFormAndTheMenuLinksToIt() throws Exception {
        MockHttpSession session = signIn(member());
        mvc.perform(get("/me/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Changer mon mot de passe")))
                .andExpect(content().string(containsString("Mot de passe actuel")))
                .andExpect(content().string(containsString("name=\"currentPassword\"")))
                .andExpect(content().string(containsString("name=\"newPassword\"")))
                .andExpect(content().string(containsString("name=\"confirmation\"")))
                .andExpect(content().string(containsString("Au moins 10 caractères")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/me/password\">Mon mot de passe</a>")));
    }

    @Test
    void thePageSpeaksEnglishOnRequest() throws Exception {
        MockHttpSession session = signIn(member());
        mvc.perform(get("/me/password").session(session).param("lang", "en"))
                .andExpect(content().string(containsString("Change my password")))
                .andExpect(content().string(containsString("Current password")))
                .andExpect(content().string(containsString(">My password</a>")));
    }

    @Test
    void aVisitorIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/me/password")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aMemberChangesHisOrHerPasswordAndSignsInWithTheNewOne() throws Exception {
        AppUser u = member();
        MockHttpSession session = signIn(u);
        mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/me/password"))
                .andExpect(flash().attribute("notice", "Mot de passe changé : utilisez-le dès votre prochaine connexion."));
        // the page the browser is sent to shows the notice
        mvc.perform(get("/me/password").session(session)).andExpect(content().string(containsString("Mot de passe changé")));
        assertThat(hasPassword(u, NEW_PASSWORD)).isTrue();
        assertThat(hasPassword(u, PASSWORD)).isFalse();
        mvc.perform(formLogin().user(u.username()).password(NEW_PASSWORD)).andExpect(authenticated().withUsername(u.username()));
    }

    @Test
    void theUsersOtherSessionsEndWhileThisOneGoesOn() throws Exception {
        AppUser u = member();
        MockHttpSession here = signIn(u);
        MockHttpSession elsewhere = signIn(u); // e.g. a browser left signed in at the club house
        mvc.perform(get("/").session(elsewhere)).andExpect(status().isOk());
        mvc.perform(change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).with(csrf())).andExpect(redirectedUrl("/me/password"));
        mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/").session(here)).andExpect(status().isOk());
        mvc.perform(get("/me/password").session(here)).andExpect(status().isOk());
    }

    @Test
    void anAdminsResetEndsTheUsersSessions() throws Exception {
        AppUser u = member();
        MockHttpSession session = signIn(u);
        SystemActor.run("test", () -> {
            users.changePassword(u.id(), NEW_PASSWORD);
            return null;
        });
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() throws Exception {
        AppUser u = member();
        MockHttpSession session = signIn(u);
        mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isForbidden());
        assertThat(hasPassword(u, PASSWORD)).isTrue();
    }

    @Test
    void aWrongCurrentPasswordIsShownAndKeepsTheOldPassword() throws Exception {
        AppUser u = member();
        MockHttpSession session = signIn(u);
        mvc.perform(change(session, "not-my-password", NEW_PASSWORD, NEW_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/me/password"))
                .andExpect(flash().attribute("problems", List.of("Mot de passe actuel incorrect : rien n’a été changé.")));
        // shown once, above the form, and what was typed does not come back
        mvc.perform(get("/me/password").session(session))
                .andExpect(content().string(containsString("Mot de passe actuel incorrect")))
                .andExpect(content().string(not(containsString("not-my-password"))))
                .andExpect(content().string(not(containsString(NEW_PASSWORD))));
        mvc.perform(get("/me/password").session(session)).andExpect(content().string(not(containsString("Mot de passe actuel incorrect"))));
        assertThat(hasPassword(u, PASSWORD)).isTrue();
        assertThat(hasPassword(u, NEW_PASSWORD)).isFalse();
    }

    @Test
    void eachRefusalSaysWhatIsWrong() throws Exception {
        AppUser u = member();
        MockHttpSession session = signIn(u);
        mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "?").with(csrf()))
                .andExpect(flash().attribute("problems", List.of("Le nouveau mot de passe et sa confirmation diffèrent : rien n’a été changé.")));
        mvc.perform(change(session, PASSWORD, "short", "short").with(csrf()))
                .andExpect(flash().attribute("problems", List.of("Mot de passe trop court : il faut au moins 10 caractères.")));
        // a field left out is an empty one, refused as such
        mvc.perform(post("/me/password").session(session).with(csrf()).param("newPassword", NEW_PASSWORD).param("confirmation", NEW_PASSWORD))
                .andExpect(flash().attribute("problems", List.of("Mot de passe actuel incorrect : rien n’a été changé.")));
        mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "?").with(csrf()).param("lang", "en"))
                .andExpect(flash().attribute("problems", List.of("The new password and its confirmation differ: nothing was changed.")));
        assertThat(hasPassword(u, PASSWORD)).isTrue();
    }

    @Test
    void repeatedWrongCurrentPasswordsLockTheSignInToo() throws Exception {
        AppUser u = member();
        MockHttpSession session = signIn(u);
        for (int i = 1; i < SecurityLimits.LOGIN_FAILURES_PER_USERNAME; i++) {
            mvc.perform(change(session, "guess-" + i, NEW_PASSWORD, NEW_PASSWORD).with(csrf()))
                    .andExpect(flash().attribute("problems", List.of("Mot de passe actuel incorrect : rien n’a été changé.")));
        }
        mvc.perform(change(session, "guess-5", NEW_PASSWORD, NEW_PASSWORD).with(csrf()))
                .andExpect(flash().attribute("problems", List.of(
                        "Trop d’essais avec un mot de passe actuel incorrect : réessayez dans 15 minutes."
                                + " D’ici là, la connexion avec cet identifiant est bloquée aussi.")));
        // from another address, with the right password
        mvc.perform(post("/login").param("username", u.username()).param("password", PASSWORD).with(csrf()).with(r -> {
            r.setRemoteAddr(SecurityTestSupport.uniqueAddress());
            return r;
        })).andExpect(redirectedUrl("/login?locked=15"));
        assertThat(hasPassword(u, PASSWORD)).isTrue();
    }
}
