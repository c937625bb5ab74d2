package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envol.security.SecurityTestSupport.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.test.web.servlet.MvcResult;

@SecurityTest
class SecurityPagesTest {

    static final String PASSWORD = "correct-horse-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    EnvolUserDetailsService details;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Books books;

    AppUser user(Grant... grants) {
        return SystemActor.run("test", () -> users.create(unique("page"), "Jeanne Page", PASSWORD, List.of(grants)));
    }

    MockHttpSession signIn(AppUser u) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(u.username()).password(PASSWORD)).andReturn().getRequest().getSession();
    }

    AppUser reload(AppUser u) {
        return SystemActor.run("test", () -> users.get(u.username()));
    }

    @Test
    void anAdminSeesTheUsersAndCreatesOne() throws Exception {
        MockHttpSession admin = signIn(user(Grant.clubWide(Role.ADMIN)));
        AppUser listed = user(Grant.clubWide(Role.ACCOUNTANT));
        mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(listed.username())))
                .andExpect(content().string(containsString("Vérificateur")));
        String name = unique("created");
        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", name).param("displayName", "Paul Créé")
                        .param("password", "a-good-password").param("admin", "true"))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("notice", "Utilisateur « " + name + " » créé."));
        String page = mvc.perform(get("/admin/users").session(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page.split("Utilisateur « " + name + " » créé.", -1)).as("the notice, once (the layout's)").hasSize(2);
        AppUser created = SystemActor.run("test", () -> users.get(name));
        assertThat(created.displayName()).isEqualTo("Paul Créé");
        assertThat(created.isAdmin()).isTrue();
        assertThat(encoder.matches("a-good-password", details.loadUserByUsername(name).getPassword())).isTrue();
    }

    @Test
    void aRefusalIsShownAndTheFormKeepsWhatWasTyped() throws Exception {
        MockHttpSession admin = signIn(user(Grant.clubWide(Role.ADMIN)));
        String name = unique("short");
        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", name).param("password", "short"))
                .andExpect(flash().attribute("error", "Mot de passe trop court : il faut au moins 10 caractères."))
                .andExpect(flash().attribute("draftUsername", name));
        // the redirect shows it, once
        mvc.perform(get("/admin/users").session(admin))
                .andExpect(content().string(containsString("Mot de passe trop court")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));
        mvc.perform(get("/admin/users").session(admin)).andExpect(content().string(not(containsString("Mot de passe trop court"))));
        assertThat(SystemActor.run("test", () -> users.find(name))).isEmpty();
    }

    @Test
    void anAdminGrantsRevokesLinksAndDisables() throws Exception {
        MockHttpSession admin = signIn(user(Grant.clubWide(Role.ADMIN)));
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        AppUser u = user();
        mvc.perform(post("/admin/users/{id}/grant", u.id()).session(admin).with(csrf()).param("role", "MEMBER")
                .param("sectionId", String.valueOf(club.id()))).andExpect(flash().attribute("notice", "Rôle donné."));
        mvc.perform(post("/admin/users/{id}/grant", u.id()).session(admin).with(csrf()).param("role", "ACCOUNTANT").param("sectionId", ""));
        assertThat(reload(u).grants()).containsExactlyInAnyOrder(Grant.inSection(club.id(), Role.MEMBER), Grant.clubWide(Role.ACCOUNTANT));
        mvc.perform(post("/admin/users/{id}/revoke", u.id()).session(admin).with(csrf()).param("role", "ACCOUNTANT").param("sectionId", ""));
        assertThat(reload(u).grants()).containsExactly(Grant.inSection(club.id(), Role.MEMBER));
        mvc.perform(post("/admin/users/{id}/accounts", u.id()).session(admin).with(csrf()).param("accountId", String.valueOf(club.member().id())))
                .andExpect(flash().attribute("notice", "Compte rattaché."));
        mvc.perform(post("/admin/users/{id}/accounts", u.id()).session(admin).with(csrf()).param("accountId", "abc"))
                .andExpect(flash().attribute("error", containsString("Compte inconnu")));
        assertThat(reload(u).accountIds()).containsExactly(club.member().id());
        mvc.perform(get("/admin/users").session(admin)).andExpect(content().string(containsString(club.member().display())));
        mvc.perform(post("/admin/users/{id}/disable", u.id()).session(admin).with(csrf()));
        assertThat(reload(u).enabled()).isFalse();
        mvc.perform(post("/admin/users/{id}/password", u.id()).session(admin).with(csrf()).param("password", "reset-password-1"))
                .andExpect(flash().attribute("notice", "Mot de passe changé."));
        assertThat(encoder.matches("reset-password-1", details.loadUserByUsername(u.username()).getPassword())).isTrue();
    }

    @Test
    void aTreasurerCannotManageUsers() throws Exception {
        MockHttpSession treasurer = signIn(user(Grant.clubWide(Role.TREASURER)));
        mvc.perform(get("/admin/users").session(treasurer)).andExpect(status().isForbidden());
        String name = unique("forbidden");
        mvc.perform(post("/admin/users").session(treasurer).with(csrf()).param("username", name).param("password", "a-good-password"))
                .andExpect(status().isForbidden());
        assertThat(SystemActor.run("test", () -> users.find(name))).isEmpty();
    }

    @Test
    void aUserCreatesATokenSeesItOnceAndRevokesIt() throws Exception {
        AppUser u = user(Grant.clubWide(Role.MEMBER));
        MockHttpSession session = signIn(u);
        mvc.perform(get("/me/tokens").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("Aucun jeton.")));
        MvcResult created = mvc.perform(post("/me/tokens").session(session).with(csrf()).param("name", "tableur"))
                .andExpect(redirectedUrl("/me/tokens")).andReturn();
        IssuedToken issued = (IssuedToken) created.getFlashMap().get("issued");
        assertThat(issued.secret()).startsWith("envol_");
        assertThat(tokens.authenticate(issued.secret())).contains(u.username());
        // the page the browser is sent to shows it, and the notice once (the layout's)
        String page = mvc.perform(get("/me/tokens").session(session))
                .andExpect(content().string(containsString(issued.secret())))
                .andExpect(content().string(containsString("il ne sera plus jamais affiché")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("Jeton « tableur » créé.", -1)).as("the notice, once (the layout's)").hasSize(2);
        // the next visit lists the token by name only
        mvc.perform(get("/me/tokens").session(session)).andExpect(content().string(containsString("tableur")))
                .andExpect(content().string(not(containsString(issued.secret()))));
        mvc.perform(post("/me/tokens/{id}/revoke", issued.token().id()).session(session).with(csrf()))
                .andExpect(flash().attribute("notice", "Jeton révoqué : il ne fonctionne plus."));
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void aUserCannotRevokeSomeoneElsesToken() throws Exception {
        AppUser owner = user();
        IssuedToken theirs = SystemActor.run("test", () -> tokens.create(owner.username(), "theirs"));
        MockHttpSession intruder = signIn(user());
        mvc.perform(post("/me/tokens/{id}/revoke", theirs.token().id()).session(intruder).with(csrf()))
                .andExpect(flash().attribute("error", "Jeton inconnu : n° " + theirs.token().id() + "."));
        assertThat(tokens.authenticate(theirs.secret())).contains(owner.username());
    }

    @Test
    void otherFeaturesTestsMayUseSpringSecuritysMockUsersOnPages() throws Exception {
        // a mock user is not in the database: the session re-check leaves it alone
        mvc.perform(get("/me/tokens").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("mock"))).andExpect(status().isOk()).andExpect(content().string(containsString("Aucun jeton.")));
    }

    @Test
    void pagesSpeakEnglishOnRequest() throws Exception {
        MockHttpSession session = signIn(user());
        mvc.perform(get("/me/tokens").session(session).param("lang", "en"))
                .andExpect(content().string(containsString("My API tokens")));
    }
}
