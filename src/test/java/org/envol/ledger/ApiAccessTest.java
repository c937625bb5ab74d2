package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may do what through the API. The rules are the ledger's; the API must turn each denial
 * into a 403 problem and write nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;
    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    Books.Club a;
    Books.Club b;
    long posted;
    long frozen;
    long inB;

    @BeforeEach
    void books() {
        a = books.club(EntriesApiTest.uniqueCode(), 2025);
        b = books.club(EntriesApiTest.uniqueCode(), 2025);
        SystemActor.run("test", () -> {
            posted = ledger.post(a.draft(LocalDate.of(2025, 2, 1), "Cotisation", a.bank(), a.member(), 12000)).id();
            frozen = ledger.post(a.draft(LocalDate.of(2025, 2, 2), "Vol", a.member(), a.income(), 8000)).id();
            ledger.freeze(List.of(frozen));
            inB = ledger.post(b.draft(LocalDate.of(2025, 2, 1), "Section B", b.bank(), b.income(), 500)).id();
        });
    }

    /** Every write of the API, addressed to club {@code c}, its entries {@code entry} (posted) and {@code validated}. */
    static List<MockHttpServletRequestBuilder> writes(Books.Club c, long entry, long validated) {
        String anEntry = EntriesApiTest.entry("OD", "2025-03-01", "Essai", c.bank().id(), c.income().id(), 100);
        return List.of(
                json(post("/api/v1/sections/" + c.id() + "/entries"), anEntry),
                json(put("/api/v1/entries/" + entry), anEntry),
                delete("/api/v1/entries/" + entry).with(csrf()),
                post("/api/v1/entries/" + entry + "/post").with(csrf()),
                json(post("/api/v1/sections/" + c.id() + "/entries/validate"), "{\"entryIds\": [" + entry + "]}"),
                post("/api/v1/entries/" + validated + "/reverse").with(csrf()),
                json(post("/api/v1/sections/" + c.id() + "/accounts"), "{\"code\": \"411\", \"label\": \"Nouveau membre\"}"),
                json(post("/api/v1/sections/" + c.id() + "/fiscal-years"), "{\"startDate\": \"2026-01-01\", \"endDate\": \"2026-12-31\"}"));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return EntriesApiTest.json(request, body);
    }

    long rows(String table, Books.Club c) {
        return jdbc.sql("select count(*) from " + table + " where section_id = ?").param(c.id()).query(Long.class).single();
    }

    void assertForbidden(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        mvc.perform(request.with(user))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Accès refusé"));
    }

    @Test
    void anAccountantReadsEverythingAndWritesNothing() throws Exception {
        RequestPostProcessor accountant = AsUser.accountant(a.id());
        mvc.perform(get("/api/v1/sections").with(accountant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) a.id())))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) b.id()))));
        for (String read : List.of("/sections/" + a.id() + "/accounts", "/sections/" + a.id() + "/fiscal-years",
                "/sections/" + a.id() + "/entries", "/entries/" + posted, "/accounts/" + a.member().id(),
                "/accounts/" + a.member().id() + "/balance", "/accounts/" + a.member().id() + "/statement?from=2025-01-01&to=2025-12-31",
                "/sections/" + a.id() + "/trial-balance?from=2025-01-01&to=2025-12-31", "/chart")) {
            mvc.perform(get("/api/v1" + read).with(accountant)).andExpect(status().isOk());
        }

        for (MockHttpServletRequestBuilder write : writes(a, posted, frozen)) {
            assertForbidden(write, accountant);
        }
        assertForbidden(json(post("/api/v1/chart"), "{\"code\": \"6288\", \"label\": \"Essai\"}"), accountant);
        assertForbidden(delete("/api/v1/chart/6288").with(csrf()), accountant);

        assertThat(rows("entry", a)).isEqualTo(2);
        assertThat(rows("account", a)).isEqualTo(4);
        assertThat(rows("fiscal_year", a)).isEqualTo(1);
        assertThat(SystemActor.run("test", () -> ledger.reversalOf(frozen))).isEmpty();
        mvc.perform(get("/api/v1/entries/" + posted).with(accountant))
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.label").value("Cotisation"));
    }

    @Test
    void aTreasurerNeitherWritesNorReadsInAnotherSection() throws Exception {
        RequestPostProcessor treasurerOfA = AsUser.treasurer(a.id());
        long frozenInB = SystemActor.run("test", () -> {
            long id = ledger.post(b.draft(LocalDate.of(2025, 2, 3), "Gelée", b.bank(), b.income(), 700)).id();
            ledger.freeze(List.of(id));
            return id;
        });
        for (MockHttpServletRequestBuilder write : writes(b, inB, frozenInB)) {
            assertForbidden(write, treasurerOfA);
        }
        for (String read : List.of("/sections/" + b.id() + "/accounts", "/sections/" + b.id() + "/fiscal-years",
                "/sections/" + b.id() + "/entries", "/entries/" + inB, "/accounts/" + b.bank().id(),
                "/accounts/" + b.bank().id() + "/balance", "/accounts/" + b.bank().id() + "/statement?from=2025-01-01&to=2025-12-31",
                "/sections/" + b.id() + "/trial-balance?from=2025-01-01&to=2025-12-31")) {
            assertForbidden(get("/api/v1" + read), treasurerOfA);
        }
        mvc.perform(get("/api/v1/sections").with(treasurerOfA))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) b.id()))));
        assertThat(rows("entry", b)).isEqualTo(2);
        assertThat(rows("account", b)).isEqualTo(4);

        // the same requests in the treasurer's own section go through
        mvc.perform(json(post("/api/v1/sections/" + a.id() + "/entries"),
                        EntriesApiTest.entry("OD", "2025-03-01", "Essai", a.bank().id(), a.income().id(), 100)).with(treasurerOfA))
                .andExpect(status().isCreated());
    }

    @Test
    void aMemberReadsOnlyHisOwnAccount() throws Exception {
        Account other = SystemActor.run("test", () -> accounts.create(a.id(), "411", "Martin Paul"));
        RequestPostProcessor member = AsUser.member(a.id(), a.member().id());

        mvc.perform(get("/api/v1/accounts/" + a.member().id()).with(member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("Dupont Jean"));
        mvc.perform(get("/api/v1/accounts/" + a.member().id() + "/balance").param("at", "2025-02-01").with(member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanceCents").value(-12000));
        mvc.perform(get("/api/v1/accounts/" + a.member().id() + "/statement").param("to", "2025-12-31").with(member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2025-01-01"))
                .andExpect(jsonPath("$.rows.length()").value(2));
        mvc.perform(get("/api/v1/accounts/" + a.member().id() + "/statement").param("from", "2025-01-01").param("to", "2025-12-31")
                        .with(member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openingCents").value(0))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].amountCents").value(-12000))
                .andExpect(jsonPath("$.rows[1].amountCents").value(8000))
                .andExpect(jsonPath("$.rows[1].runningCents").value(-4000))
                .andExpect(jsonPath("$.rows[1].number").value("OD-1"))
                .andExpect(jsonPath("$.closingCents").value(-4000));

        for (String read : List.of("/accounts/" + other.id(), "/accounts/" + other.id() + "/balance",
                "/accounts/" + other.id() + "/statement?from=2025-01-01&to=2025-12-31", "/sections/" + a.id() + "/entries",
                "/entries/" + posted, "/sections/" + a.id() + "/accounts", "/sections/" + a.id() + "/trial-balance?from=2025-01-01&to=2025-12-31")) {
            assertForbidden(get("/api/v1" + read), member);
        }
        for (MockHttpServletRequestBuilder write : writes(a, posted, frozen)) {
            assertForbidden(write, member);
        }
        mvc.perform(get("/api/v1/sections").with(member)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void withoutSigningInTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/sections").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/entries/" + posted).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/v1/sections/" + a.id() + "/entries"),
                        EntriesApiTest.entry("OD", "2025-03-01", "Essai", a.bank().id(), a.income().id(), 100)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
        assertThat(rows("entry", a)).isEqualTo(2);
    }
}
