package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sections, chart of accounts, accounts and fiscal years through the API. */
@SpringBootTest
@AutoConfigureMockMvc
class ReferenceApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;
    @Autowired
    LedgerService ledger;

    @Test
    void sectionsAreListedForThoseWhoReadThem() throws Exception {
        Books.Club club = books.club(EntriesApiTest.uniqueCode(), 2025);
        mvc.perform(get("/api/v1/sections").with(AsUser.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == %d)].code".formatted(club.id())).value(club.section().code()))
                .andExpect(jsonPath("$[?(@.id == %d)].name".formatted(club.id())).value(club.section().name()));
    }

    @Test
    void theChartCanBeReadExtendedAndPruned() throws Exception {
        RequestPostProcessor treasurer = AsUser.treasurer(books.club(EntriesApiTest.uniqueCode(), 2025).id());
        String code = "6Z" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        mvc.perform(get("/api/v1/chart").with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '411')].chartVersion").value("ANC-2018-06"))
                .andExpect(jsonPath("$[?(@.code == '411')].accountClass").value(4));
        mvc.perform(EntriesApiTest.json(post("/api/v1/chart"), "{\"code\": \"%s\", \"label\": \"Essai\"}".formatted(code)).with(treasurer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.chartVersion").value("CLUB"));
        mvc.perform(get("/api/v1/chart").with(treasurer)).andExpect(jsonPath("$[*].code", hasItem(code)));
        mvc.perform(EntriesApiTest.json(post("/api/v1/chart"), "{\"code\": \"%s\", \"label\": \"Encore\"}".formatted(code)).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CHART_CODE_TAKEN"));
        mvc.perform(EntriesApiTest.json(post("/api/v1/chart"), "{\"code\": \"9AB\", \"label\": \"Classe 9\"}").with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CHART_CODE_INVALID"));

        mvc.perform(delete("/api/v1/chart/411").with(csrf()).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CHART_CODE_IN_USE"));
        mvc.perform(delete("/api/v1/chart/" + code).with(csrf()).with(treasurer)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/chart/" + code).with(csrf()).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CHART_CODE_UNKNOWN"));
    }

    @Test
    void accountsComeWithTheirBalanceToday() throws Exception {
        LocalDate today = LocalDate.now();
        Books.Club club = books.club(EntriesApiTest.uniqueCode(), today.getYear());
        RequestPostProcessor treasurer = AsUser.treasurer(club.id());
        SystemActor.run("test", () -> ledger.post(club.draft(today, "Vente", club.bank(), club.income(), 2500)));

        mvc.perform(get("/api/v1/sections/" + club.id() + "/accounts").with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[?(@.id == %d)].balanceCents".formatted(club.bank().id())).value(2500))
                .andExpect(jsonPath("$[?(@.id == %d)].balanceCents".formatted(club.income().id())).value(-2500))
                .andExpect(jsonPath("$[?(@.id == %d)].balanceCents".formatted(club.member().id())).value(0));
        mvc.perform(get("/api/v1/accounts/" + club.bank().id()).with(treasurer))
                .andExpect(jsonPath("$.code").value("512"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.balanceCents").value(2500));
        mvc.perform(get("/api/v1/accounts/" + club.bank().id() + "/balance").with(treasurer))
                .andExpect(jsonPath("$.at").value(today.toString()))
                .andExpect(jsonPath("$.balanceCents").value(2500));

        MvcResult created = mvc.perform(EntriesApiTest.json(post("/api/v1/sections/" + club.id() + "/accounts"),
                        "{\"code\": \"411\", \"label\": \"Martin Paul\"}").with(treasurer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sectionId").value(club.id()))
                .andExpect(jsonPath("$.balanceCents").value(0))
                .andReturn();
        long id = EntriesApiTest.idOf(created.getResponse().getContentAsString());
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/accounts/" + id);
        mvc.perform(get("/api/v1/accounts/" + id).with(treasurer)).andExpect(jsonPath("$.label").value("Martin Paul"));
        mvc.perform(EntriesApiTest.json(post("/api/v1/sections/" + club.id() + "/accounts"),
                        "{\"code\": \"411\", \"label\": \"Martin Paul\"}").with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("ACCOUNT_TAKEN"));
        // a code missing from the chart is a refusal, not a missing resource
        mvc.perform(EntriesApiTest.json(post("/api/v1/sections/" + club.id() + "/accounts"),
                        "{\"code\": \"999\", \"label\": \"Hors plan\"}").with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CHART_CODE_UNKNOWN"));
    }

    @Test
    void unknownThingsAre404() throws Exception {
        mvc.perform(get("/api/v1/accounts/987654321").with(AsUser.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Introuvable"))
                .andExpect(jsonPath("$.errors[0].code").value("ACCOUNT_UNKNOWN"));
        mvc.perform(EntriesApiTest.json(post("/api/v1/sections/987654321/entries"),
                        EntriesApiTest.entry("OD", "2025-01-02", "Nulle part", 1, 2, 100)).with(AsUser.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].code").value("SECTION_UNKNOWN"));
        mvc.perform(get("/api/v1/entries/987654321").with(AsUser.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_UNKNOWN"));
    }

    @Test
    void fiscalYearsAreListedAndOpened() throws Exception {
        Books.Club club = books.club(EntriesApiTest.uniqueCode(), 2025);
        RequestPostProcessor treasurer = AsUser.treasurer(club.id());
        String years = "/api/v1/sections/" + club.id() + "/fiscal-years";
        mvc.perform(EntriesApiTest.json(post(years), "{\"startDate\": \"2026-01-01\", \"endDate\": \"2026-12-31\"}").with(treasurer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.startDate").value("2026-01-01"))
                .andExpect(jsonPath("$.closed").value(false));
        mvc.perform(EntriesApiTest.json(post(years), "{\"startDate\": \"2026-06-01\", \"endDate\": \"2027-05-31\"}").with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("FISCAL_YEAR_OVERLAP"));
        mvc.perform(get(years).with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].startDate").value("2025-01-01"))
                .andExpect(jsonPath("$[1].endDate").value("2026-12-31"));
    }
}
