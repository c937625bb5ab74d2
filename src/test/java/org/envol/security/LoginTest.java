package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envol.security.SecurityTestSupport.unique;
import static org.envol.security.SecurityTestSupport.uniqueAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SecurityTest
class LoginTest {

    static final String PASSWORD = "correct-horse-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    SecurityTestSupport.MovableClock clock;

    AppUser user(Grant... grants) {
        return SystemActor.run("test", () -> users.create(unique("pilot"), "Pilote", PASSWORD, List.of(grants)));
    }

    /** A sign-in from a given client address (formLogin() cannot set one). */
    ResultActions signIn(String username, String password, String address) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        return mvc.perform(request);
    }

    @Test
    void theRightPasswordSignsIn() throws Exception {
        AppUser u = user();
        mvc.perform(formLogin().user(u.username()).password(PASSWORD))
                .andExpect(authenticated().withUsername(u.username()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theUsernameIsNotCaseSensitive() throws Exception {
        AppUser u = user();
        mvc.perform(formLogin().user(" " + u.username().toUpperCase() + " ").password(PASSWORD))
                .andExpect(authenticated().withUsername(u.username()));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAlike() throws Exception {
        AppUser u = user();
        mvc.perform(formLogin().user(u.username()).password("wrong-password"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(unique("nobody")).password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        AppUser u = user();
        SystemActor.run("test", () -> users.disable(u.id()));
        mvc.perform(formLogin().user(u.username()).password(PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        AppUser u = user();
        mvc.perform(post("/login").param("username", u.username()).param("password", PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", u.username()).param("password", PASSWORD).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
    }

    @Test
    void signOutIsAPostAndLeadsBackToTheSignInPage() throws Exception {
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/login").param("logout", "")).andExpect(content().string(org.hamcrest.Matchers.containsString("Vous êtes déconnecté.")));
    }

    @Test
    void pagesNeedASignInButTheSignInPageAndStylesheetDoNot() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/me/tokens")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/css/envol.css")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Connexion à Envol")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/css/envol.css")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in to Envol")));
    }

    @Test
    void sessionFixationIsPrevented() throws Exception {
        AppUser u = user();
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        // as a browser would: the session id came in a cookie
        var result = mvc.perform(post("/login").session(session).param("username", u.username()).param("password", PASSWORD).with(csrf())
                .with(r -> {
                    r.setRequestedSessionId(before);
                    r.setRequestedSessionIdValid(true);
                    return r;
                })).andExpect(authenticated()).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void fiveFailuresLockTheUsernameForFifteenMinutesEvenWithTheRightPassword() throws Exception {
        AppUser u = user();
        String address = uniqueAddress();
        for (int i = 1; i <= 4; i++) {
            signIn(u.username(), "wrong-password", address).andExpect(redirectedUrl("/login?error"));
        }
        // the fifth failure locks, and says so
        signIn(u.username(), "wrong-password", address).andExpect(redirectedUrl("/login?locked=15"));
        signIn(u.username(), PASSWORD, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked=15"));
        // from elsewhere too: it is the username that is locked
        signIn(u.username(), PASSWORD, uniqueAddress()).andExpect(unauthenticated());
        clock.advance(Duration.ofMinutes(14).plusSeconds(1));
        signIn(u.username(), PASSWORD, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked=1"));
        clock.advance(Duration.ofMinutes(1));
        signIn(u.username(), PASSWORD, address).andExpect(authenticated().withUsername(u.username()));
    }

    @Test
    void fourFailuresDoNotLockAndASuccessClearsThem() throws Exception {
        AppUser u = user();
        String address = uniqueAddress();
        for (int i = 1; i <= 4; i++) {
            signIn(u.username(), "wrong-password", address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(u.username(), PASSWORD, address).andExpect(authenticated());
        for (int i = 1; i <= 4; i++) {
            signIn(u.username(), "wrong-password", address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(u.username(), PASSWORD, address).andExpect(authenticated());
    }

    @Test
    void failuresOlderThanFifteenMinutesAreForgotten() throws Exception {
        AppUser u = user();
        String address = uniqueAddress();
        for (int i = 1; i <= 4; i++) {
            signIn(u.username(), "wrong-password", address);
        }
        clock.advance(Duration.ofMinutes(15));
        signIn(u.username(), "wrong-password", address).andExpect(redirectedUrl("/login?error"));
        signIn(u.username(), PASSWORD, address).andExpect(authenticated());
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddress() throws Exception {
        AppUser u = user();
        String address = uniqueAddress();
        for (int i = 1; i <= SecurityLimits.LOGIN_FAILURES_PER_ADDRESS; i++) {
            signIn(unique("guess"), "wrong-password", address);
        }
        signIn(u.username(), PASSWORD, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked=15"));
        signIn(u.username(), PASSWORD, uniqueAddress()).andExpect(authenticated());
    }

    @Test
    void theSignInPageSaysHowLongTheLockLasts() throws Exception {
        mvc.perform(get("/login").param("locked", "15"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Trop de tentatives de connexion : réessayez dans 15 minutes.")));
        mvc.perform(get("/login").param("locked", "1"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("réessayez dans 1 minute.")));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Identifiant ou mot de passe incorrect.")));
    }

    @Test
    void disablingAUserEndsHisSessionAtOnce() throws Exception {
        AppUser u = user();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(u.username()).password(PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/me/tokens").session(session)).andExpect(status().isOk());
        SystemActor.run("test", () -> users.disable(u.id()));
        mvc.perform(get("/me/tokens").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void aRoleGivenOrTakenAppliesWithoutSigningInAgain() throws Exception {
        AppUser u = user(Grant.clubWide(Role.ADMIN));
        // a second admin, so that this one may lose the role
        SystemActor.run("test", () -> users.create(unique("admin"), null, PASSWORD, List.of(Grant.clubWide(Role.ADMIN))));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(u.username()).password(PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
        SystemActor.run("test", () -> users.revoke(u.id(), Grant.clubWide(Role.ADMIN)));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
        SystemActor.run("test", () -> users.grant(u.id(), Grant.clubWide(Role.ADMIN)));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
    }
}
