package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envol.security.SecurityTestSupport.as;
import static org.envol.security.SecurityTestSupport.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.envol.testing.AsUser;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@SecurityTest
class ApiTokensTest {

    static final String PASSWORD = "correct-horse-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityTestSupport.MovableClock clock;

    AppUser user(Grant... grants) {
        return SystemActor.run("test", () -> users.create(unique("api"), null, PASSWORD, List.of(grants)));
    }

    IssuedToken token(AppUser user) {
        return SystemActor.run("test", () -> tokens.create(user.username(), "script"));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void withoutATokenTheApiAnswers401AsProblemDetailsInFrench() throws Exception {
        mvc.perform(get("/api/v1/test/whoami"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Authentification requise"))
                .andExpect(jsonPath("$.detail", containsString("Authorization: Bearer")))
                .andExpect(jsonPath("$.instance").value("/api/v1/test/whoami"));
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
                .andExpect(jsonPath("$.title").value("Authentication required"));
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(jsonPath("$.title").value("Authentification requise"));
    }

    @Test
    void aValidTokenActsAsItsUserWithTheUsersRoles() throws Exception {
        AppUser u = user(Grant.clubWide(Role.ACCOUNTANT));
        IssuedToken issued = token(u);
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(issued.secret())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(u.username()))
                .andExpect(jsonPath("$.authorities", hasItem("SECTION_ALL_ACCOUNTANT")));
        // the API keeps no session: no cookie comes back
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(issued.secret())))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void unknownMalformedOrOtherSchemeTokensAnswer401() throws Exception {
        String[] bad = {bearer("envol_" + "A".repeat(43)), bearer("nonsense"), bearer(""), "Basic dXNlcjpwYXNz"};
        for (String header : bad) {
            mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, header))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Jeton refusé"))
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
        }
    }

    @Test
    void aRevokedTokenOrADisabledUsersTokenAnswers401() throws Exception {
        AppUser u = user();
        IssuedToken revoked = token(u);
        IssuedToken kept = token(u);
        SystemActor.run("test", () -> tokens.revoke(revoked.token().id()));
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(revoked.secret())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(kept.secret()))).andExpect(status().isOk());
        SystemActor.run("test", () -> users.disable(u.id()));
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(kept.secret())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDeniedActAnswers403AsProblemDetails() throws Exception {
        IssuedToken issued = token(user(Grant.clubWide(Role.TREASURER)));
        mvc.perform(get("/api/v1/test/admin").header(HttpHeaders.AUTHORIZATION, bearer(issued.secret())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        IssuedToken admin = token(user(Grant.clubWide(Role.ADMIN)));
        mvc.perform(get("/api/v1/test/admin").header(HttpHeaders.AUTHORIZATION, bearer(admin.secret()))).andExpect(status().isOk());
    }

    @Test
    void theApiNeedsNoCsrfTokenButASessionCookieDoesNotOpenIt() throws Exception {
        IssuedToken issued = token(user());
        // POST without CSRF: not 403 for CSRF, the request reaches the (absent) endpoint
        mvc.perform(post("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(issued.secret())))
                .andExpect(status().is(org.hamcrest.Matchers.not(403)));
        mvc.perform(get("/api/v1/test/whoami").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(unique("x"), PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void otherFeaturesTestsMayUseSpringSecuritysMockUsersOnTheApi() throws Exception {
        mvc.perform(get("/api/v1/test/whoami").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("mock").authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("SECTION_ALL_TREASURER"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("mock"))
                .andExpect(jsonPath("$.authorities", hasItem("SECTION_ALL_TREASURER")));
    }

    @Test
    void theOpenApiDocumentAndItsViewerAreForSignedInUsersOnly() throws Exception {
        // nobody signed in: to the sign-in page, nothing of the API shown
        mvc.perform(get("/api/openapi.json")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/swagger-ui/index.html")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/openapi.json").header(HttpHeaders.AUTHORIZATION, bearer("envol_not-a-token")))
                .andExpect(status().isUnauthorized());
        // a script with its token
        IssuedToken t = token(user(Grant.clubWide(Role.ACCOUNTANT)));
        mvc.perform(get("/api/openapi.json").header(HttpHeaders.AUTHORIZATION, bearer(t.secret())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists());
        // a signed-in browser: the viewer and the document it loads
        var member = AsUser.member(1, 1);
        String viewer = mvc.perform(get("/api/docs").with(member)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(get(viewer).with(member)).andExpect(status().isOk());
        mvc.perform(get("/api/openapi.json").with(member)).andExpect(status().isOk());
    }

    @Test
    void tokensAreRandomPrefixedAndStoredOnlyAsTheirHash() {
        AppUser u = user();
        IssuedToken a = token(u);
        IssuedToken b = token(u);
        assertThat(a.secret()).startsWith("envol_").hasSize(6 + 43).matches("envol_[A-Za-z0-9_-]{43}").isNotEqualTo(b.secret());
        List<String> stored = jdbc.sql("select token_hash from api_token where user_id = ?").param(u.id()).query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrder(ApiTokenService.sha256(a.secret()), ApiTokenService.sha256(b.secret()))
                .allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(a.toString()).doesNotContain(a.secret());
    }

    @Test
    void useIsRecorded() throws Exception {
        IssuedToken issued = token(user());
        assertThat(issued.token().lastUsedAt()).isNull();
        clock.advance(Duration.ofMinutes(3));
        mvc.perform(get("/api/v1/test/whoami").header(HttpHeaders.AUTHORIZATION, bearer(issued.secret()))).andExpect(status().isOk());
        OffsetDateTime lastUsed = SystemActor.run("test", () -> tokens.list(issued.token().username())).get(0).lastUsedAt();
        assertThat(lastUsed.toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void aUserManagesHisOwnTokensOnly() {
        AppUser me = user();
        AppUser other = user();
        IssuedToken mine = as(me.username(), List.of(), () -> tokens.createMine("mine"));
        IssuedToken theirs = token(other);
        assertThat(as(me.username(), List.of(), tokens::mine)).extracting(ApiToken::id).containsExactly(mine.token().id());
        assertThatThrownBy(() -> as(me.username(), List.of(), () -> tokens.create(other.username(), "sneaky")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(me.username(), List.of(), () -> tokens.list(other.username()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(me.username(), List.of(), tokens::all)).isInstanceOf(AccessDeniedException.class);
        // someone else's token looks unknown
        assertThatThrownBy(() -> as(me.username(), List.of(), () -> tokens.revoke(theirs.token().id())))
                .isInstanceOfSatisfying(UserRejectedException.class, e -> assertThat(e.code()).isEqualTo(UserRejection.TOKEN_UNKNOWN));
        assertThat(as(me.username(), List.of(), () -> tokens.revoke(mine.token().id())).active()).isFalse();
        assertThat(tokens.authenticate(theirs.secret())).contains(other.username());
    }

    @Test
    void aTokenNeedsANameWithinItsLimitAndAUserHasAtMostTwentyActiveTokens() {
        AppUser u = user();
        assertThat(rejection(() -> tokens.create(u.username(), " "))).isEqualTo(UserRejection.TOKEN_NAME_MISSING);
        SystemActor.run("test", () -> tokens.create(u.username(), "n".repeat(SecurityLimits.TOKEN_NAME_MAX)));
        assertThat(rejection(() -> tokens.create(u.username(), "n".repeat(SecurityLimits.TOKEN_NAME_MAX + 1))))
                .isEqualTo(UserRejection.TOKEN_NAME_TOO_LONG);
        for (int i = 2; i <= SecurityLimits.ACTIVE_TOKENS_PER_USER_MAX; i++) {
            token(u);
        }
        assertThat(rejection(() -> tokens.create(u.username(), "one too many"))).isEqualTo(UserRejection.TOKEN_LIMIT);
        long first = SystemActor.run("test", () -> tokens.list(u.username())).get(0).id();
        SystemActor.run("test", () -> tokens.revoke(first));
        token(u);
    }

    @Test
    void tokenChangesAreAuditedWithoutTheToken() {
        IssuedToken issued = token(user());
        SystemActor.run("test", () -> tokens.revoke(issued.token().id()));
        List<String> values = jdbc.sql("select coalesce(before_value, '') || coalesce(after_value, '') from audit_event"
                + " where object_type = 'api_token' and object_id = ? order by id").param(String.valueOf(issued.token().id()))
                .query(String.class).list();
        assertThat(values).hasSize(2).noneMatch(v -> v.contains(issued.secret()) || v.contains(ApiTokenService.sha256(issued.secret())));
    }

    static UserRejection rejection(Runnable act) {
        try {
            SystemActor.run("test", act);
        } catch (UserRejectedException e) {
            return e.code();
        }
        throw new AssertionError("expected a rejection");
    }

    @PostgresTest
    static class OnPostgres extends ApiTokensTest {
    }
}
