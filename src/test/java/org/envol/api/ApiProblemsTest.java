package org.envol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Rejection;
import org.envol.ledger.RejectionCode;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Malformed requests get a 400 problem that names the field at fault, in the client's language. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ApiProblemsTest.Failing.class, ApiProblemsTest.Page.class})
class ApiProblemsTest {

    /** An endpoint with a bug, to see what a client gets from one. */
    @RestController
    static class Failing {
        @GetMapping("/api/v1/failing")
        String fail() {
            throw new IllegalStateException("secret internal state at org.envol.Something");
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;

    Books.Club club;
    RequestPostProcessor treasurer;

    @BeforeEach
    void club() {
        club = books.club("P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2025);
        treasurer = AsUser.treasurer(club.id());
    }

    MockHttpServletRequestBuilder postEntry(String body) {
        return post("/api/v1/sections/" + club.id() + "/entries").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(csrf()).with(treasurer);
    }

    String entryWith(String date, String secondAmount, String extra) {
        return """
                {"journal": "OD", "date": %s, "label": "Essai",
                 "lines": [{"accountId": %d, "amountCents": 1250}, {"accountId": %d, "amountCents": %s}]%s}
                """.formatted(date, club.bank().id(), club.income().id(), secondAmount, extra);
    }

    static ResultActions badRequest(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Requête invalide"))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.exception").doesNotExist());
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        badRequest(mvc.perform(postEntry("{\"journal\": \"OD\",\n \"date\": }")))
                .andExpect(jsonPath("$.detail").value(containsString("n’est pas un JSON valide (ligne 2")));
    }

    @Test
    void aMissingBodyIsNamed() throws Exception {
        badRequest(mvc.perform(postEntry("")))
                .andExpect(jsonPath("$.detail").value("Le corps de la requête manque : envoyez un document JSON."));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFieldAndWhatWasExpected() throws Exception {
        badRequest(mvc.perform(postEntry(entryWith("\"2025-03-14\"", "\"-12.50\"", ""))))
                .andExpect(jsonPath("$.field").value("lines[1].amountCents"))
                .andExpect(jsonPath("$.detail").value(containsString("« lines[1].amountCents »")))
                .andExpect(jsonPath("$.detail").value(containsString("1250 pour 12,50 €")));
        badRequest(mvc.perform(postEntry(entryWith("\"14/03/2025\"", "-1250", ""))))
                .andExpect(jsonPath("$.field").value("date"))
                .andExpect(jsonPath("$.detail").value(containsString("AAAA-MM-JJ")));
        badRequest(mvc.perform(postEntry(entryWith("\"2025-03-14\"", "-1250", ", \"status\": \"FROZEN\""))))
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.detail").value(containsString("DRAFT, POSTED")));
        badRequest(mvc.perform(postEntry(entryWith("\"2025-03-14\"", "-1250", ", \"lines\": 3"))))
                .andExpect(jsonPath("$.field").value("lines"));
    }

    @Test
    void anIncompleteSourceIsNamed() throws Exception {
        badRequest(mvc.perform(postEntry(entryWith("\"2025-03-14\"", "-1250", ", \"source\": {\"kind\": \"invoice\"}"))))
                .andExpect(jsonPath("$.field").value("source.reference"))
                .andExpect(jsonPath("$.detail").value(containsString("« source.reference »")));
    }

    @Test
    void parametersAreNamedWhenMissingOrInvalid() throws Exception {
        badRequest(mvc.perform(get("/api/v1/sections/" + club.id() + "/trial-balance").param("to", "2025-12-31").with(treasurer)))
                .andExpect(jsonPath("$.field").value("from"))
                .andExpect(jsonPath("$.detail").value("Paramètre « from » manquant ; attendu : une date AAAA-MM-JJ, par ex. 2025-03-14."));
        badRequest(mvc.perform(get("/api/v1/accounts/" + club.bank().id() + "/balance").param("at", "2025-13-01").with(treasurer)))
                .andExpect(jsonPath("$.field").value("at"))
                .andExpect(jsonPath("$.detail").value(containsString("« 2025-13-01 » n’est pas valide")));
        badRequest(mvc.perform(get("/api/v1/entries/abc").with(treasurer)))
                .andExpect(jsonPath("$.field").value("id"));
        badRequest(mvc.perform(get("/api/v1/sections/" + club.id() + "/entries").param("status", "VALIDE").with(treasurer)))
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.detail").value(containsString("DRAFT, POSTED, FROZEN")));
    }

    @Test
    void problemsFollowAcceptLanguage() throws Exception {
        mvc.perform(postEntry(entryWith("\"2025-03-14\"", "\"-12.50\"", "")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value(containsString("Field \"lines[1].amountCents\": invalid value")));
        mvc.perform(get("/api/v1/sections/" + (club.id() + 1000) + "/entries").header("Accept-Language", "en").with(treasurer))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("Your roles do not allow this action."));
        // a language Envol does not speak falls back to French
        mvc.perform(get("/api/v1/entries/abc").header("Accept-Language", "de").with(treasurer))
                .andExpect(jsonPath("$.title").value("Requête invalide"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsCause() throws Exception {
        mvc.perform(get("/api/v1/failing").with(treasurer))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Erreur interne"))
                .andExpect(jsonPath("$.detail").value(containsString("consigné dans le journal du serveur")))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("org.envol"))));
    }

    /** A web page (not a REST controller) that meets a rejection: its errors are the page's business. */
    @Controller
    static class Page {
        @GetMapping("/test-page")
        String page() {
            throw new RejectedException(Rejection.of(RejectionCode.LABEL_MISSING));
        }
    }

    @Test
    void webPagesAreLeftToTheirOwnErrorHandling() throws Exception {
        // the page's own error handling (org.envol.web.PageErrors) answers in HTML, not the API's problem JSON
        mvc.perform(get("/test-page").with(treasurer))
                .andExpect(result -> assertThat(String.valueOf(result.getResponse().getContentType())).doesNotContain("json"));
    }

    @Test
    void anUnknownFieldIsNotSilentlyDropped() throws Exception {
        mvc.perform(postEntry(entryWith("\"2025-03-14\"", "-1250", ", \"voucherReference\": \"F-12\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("voucherReference"));
    }
}
