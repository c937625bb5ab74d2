package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The entries API end to end: the life of an entry, and what the ledger refuses. */
@SpringBootTest
@AutoConfigureMockMvc
class EntriesApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;
    @Autowired
    FiscalYearService years;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerService ledger;

    static String uniqueCode() {
        return "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String entry(String journal, String date, String label, long debitAccount, long creditAccount, long cents) {
        return """
                {"journal": "%s", "date": "%s", "label": "%s", "voucherRef": "CHQ 1",
                 "lines": [{"accountId": %d, "amountCents": %d},
                           {"accountId": %d, "amountCents": %d, "label": "contrepartie"}]}
                """.formatted(journal, date, label, debitAccount, cents, creditAccount, -cents);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }

    static long idOf(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    long entriesOf(Books.Club club) {
        return jdbc.sql("select count(*) from entry where section_id = ?").param(club.id()).query(Long.class).single();
    }

    @Test
    void anEntryLivesFromCreationToReversal() throws Exception {
        Books.Club club = books.club(uniqueCode(), 2025);
        RequestPostProcessor treasurer = AsUser.treasurer(club.id());
        String base = "/api/v1/sections/" + club.id();

        // create: posted by default, with its source
        String created = mvc.perform(json(post(base + "/entries"), """
                        {"journal": "BQ", "date": "2025-03-14", "label": "Cotisation 2025 Dupont", "voucherRef": "CHQ 1234567",
                         "source": {"kind": "api-test", "reference": "R1"},
                         "lines": [{"accountId": %d, "amountCents": 15000},
                                   {"accountId": %d, "amountCents": -15000, "label": "Dupont", "analyticCode": "COT"}]}
                        """.formatted(club.bank().id(), club.member().id())).with(treasurer))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.number").value(nullValue()))
                .andExpect(jsonPath("$.source.kind").value("api-test"))
                .andExpect(jsonPath("$.lines[1].amountCents").value(-15000))
                .andExpect(jsonPath("$.lines[1].analyticCode").value("COT"))
                .andReturn().getResponse().getContentAsString();
        long id = idOf(created);

        mvc.perform(get("/api/v1/entries/" + id).with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("Cotisation 2025 Dupont"))
                .andExpect(jsonPath("$.date").value("2025-03-14"))
                .andExpect(jsonPath("$.journal").value("BQ"))
                .andExpect(jsonPath("$.voucherRef").value("CHQ 1234567"))
                .andExpect(jsonPath("$.lines[0].accountId").value(club.bank().id()))
                .andExpect(jsonPath("$.lines[0].amountCents").value(15000));

        // a draft, kept out of the balances until posted
        String draft = mvc.perform(json(post(base + "/entries"), entry("OD", "2025-04-02", "Carburant avril",
                        club.expense().id(), club.income().id(), 4000).replace("}]}", "}], \"status\": \"DRAFT\"}")).with(treasurer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        long draftId = idOf(draft);

        // the general journal, filtered
        mvc.perform(get(base + "/entries").param("from", "2025-03-01").param("to", "2025-03-31").param("journal", "BQ")
                        .param("account", Long.toString(club.member().id())).param("text", "dupont").param("status", "POSTED")
                        .with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get(base + "/entries").param("status", "DRAFT").with(treasurer))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(draftId));
        mvc.perform(get(base + "/entries").param("journal", "VT").with(treasurer))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get(base + "/entries").param("size", "1").param("page", "1").with(treasurer))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(draftId));

        mvc.perform(post("/api/v1/entries/" + draftId + "/post").with(csrf()).with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("POSTED"));

        // validate: numbers given once; a second time they are reported as already frozen
        mvc.perform(json(post(base + "/entries/validate"), "{\"entryIds\": [%d, %d]}".formatted(id, draftId)).with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frozen.length()").value(2))
                .andExpect(jsonPath("$.frozen[?(@.id == %d)].number".formatted(id)).value("BQ-1"))
                .andExpect(jsonPath("$.frozen[?(@.id == %d)].number".formatted(draftId)).value("OD-1"))
                .andExpect(jsonPath("$.alreadyFrozen.length()").value(0));
        mvc.perform(json(post(base + "/entries/validate"), "{\"entryIds\": [%d]}".formatted(id)).with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frozen.length()").value(0))
                .andExpect(jsonPath("$.alreadyFrozen[0]").value(id));
        mvc.perform(get("/api/v1/entries/" + id).with(treasurer))
                .andExpect(jsonPath("$.status").value("FROZEN"))
                .andExpect(jsonPath("$.number").value("BQ-1"))
                .andExpect(jsonPath("$.hash").isString())
                .andExpect(jsonPath("$.frozenAt").isString());

        // frozen: neither replaced nor deleted
        mvc.perform(json(put("/api/v1/entries/" + id), entry("BQ", "2025-03-14", "Changé", club.bank().id(), club.member().id(), 100))
                        .with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_FROZEN"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("BQ-1 est validée (gelée)")))
                .andExpect(jsonPath("$.detail").value(containsString("passez une contre-passation")));
        mvc.perform(delete("/api/v1/entries/" + id).with(csrf()).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_FROZEN"));

        mvc.perform(get(base + "/trial-balance").param("from", "2025-01-01").param("to", "2025-12-31").with(treasurer))
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].closingCents".formatted(club.bank().id())).value(15000))
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].closingCents".formatted(club.member().id())).value(-15000));

        // reversal: the linked counter-entry, every line negated
        MvcResult reversed = mvc.perform(json(post("/api/v1/entries/" + id + "/reverse"), "{\"date\": \"2025-03-20\"}")
                        .with(treasurer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reversalOf").value(id))
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.date").value("2025-03-20"))
                .andExpect(jsonPath("$.source.kind").value("reversal"))
                .andExpect(jsonPath("$.lines[0].amountCents").value(-15000))
                .andExpect(jsonPath("$.lines[1].amountCents").value(15000))
                .andReturn();
        assertThat(reversed.getResponse().getHeader("Location"))
                .endsWith("/api/v1/entries/" + idOf(reversed.getResponse().getContentAsString()));

        mvc.perform(get(base + "/trial-balance").param("from", "2025-01-01").param("to", "2025-12-31").with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].debitCents".formatted(club.bank().id())).value(15000))
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].creditCents".formatted(club.bank().id())).value(15000))
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].closingCents".formatted(club.bank().id())).value(0))
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].closingCents".formatted(club.member().id())).value(0))
                .andExpect(jsonPath("$.rows[?(@.accountId == %d)].closingCents".formatted(club.expense().id())).value(4000))
                .andExpect(jsonPath("$.totals.debitCents").value(34000))
                .andExpect(jsonPath("$.totals.creditCents").value(34000))
                .andExpect(jsonPath("$.totals.closingCents").value(0));
        mvc.perform(get("/api/v1/accounts/" + club.member().id() + "/balance").param("at", "2025-03-19").with(treasurer))
                .andExpect(jsonPath("$.balanceCents").value(-15000));
        mvc.perform(get("/api/v1/accounts/" + club.member().id() + "/balance").param("at", "2025-03-20").with(treasurer))
                .andExpect(jsonPath("$.balanceCents").value(0));
    }

    @Test
    void aReversalWithoutBodyTakesTheEntrysDateAndNamesIt() throws Exception {
        Books.Club club = books.club(uniqueCode(), 2025);
        long id = SystemActor.run("test", () -> {
            long posted = ledger.post(club.draft(LocalDate.of(2025, 6, 3), "Vol F-ABCD", club.member(), club.income(), 9000)).id();
            ledger.freeze(List.of(posted));
            return posted;
        });
        mvc.perform(post("/api/v1/entries/" + id + "/reverse").with(csrf()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.date").value("2025-06-03"))
                .andExpect(jsonPath("$.label").value("Contre-passation OD-1 : Vol F-ABCD"))
                .andExpect(jsonPath("$.reversalOf").value(id));
        mvc.perform(post("/api/v1/entries/" + id + "/reverse").with(csrf()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_ALREADY_REVERSED"));
    }

    @Test
    void aDraftCanBeReplacedAndDeleted() throws Exception {
        Books.Club club = books.club(uniqueCode(), 2025);
        RequestPostProcessor treasurer = AsUser.treasurer(club.id());
        long id = idOf(mvc.perform(json(post("/api/v1/sections/" + club.id() + "/entries"),
                        entry("OD", "2025-05-01", "Brouillon", club.bank().id(), club.income().id(), 1000)
                                .replace("}]}", "}], \"status\": \"DRAFT\"}")).with(treasurer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        mvc.perform(json(put("/api/v1/entries/" + id), entry("VT", "2025-05-02", "Corrigé", club.member().id(), club.income().id(), 2500))
                        .with(treasurer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.label").value("Corrigé"))
                .andExpect(jsonPath("$.journal").value("VT"))
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.lines[0].amountCents").value(2500));

        mvc.perform(delete("/api/v1/entries/" + id).with(csrf()).with(treasurer)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/entries/" + id).with(treasurer))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_UNKNOWN"));
        assertThat(entriesOf(club)).isZero();
    }

    @Test
    void theLedgerRefusesBadEntriesWithEveryReasonAndWritesNothing() throws Exception {
        Books.Club club = books.club(uniqueCode(), 2025);
        Books.Club other = books.club(uniqueCode(), 2025);
        SystemActor.run("test", () -> years.close(years.create(club.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).id()));
        RequestPostProcessor treasurer = AsUser.treasurer(club.id());
        String entries = "/api/v1/sections/" + club.id() + "/entries";

        mvc.perform(json(post(entries), """
                        {"journal": "OD", "date": "2025-03-14", "label": "Déséquilibrée",
                         "lines": [{"accountId": %d, "amountCents": 1000}, {"accountId": %d, "amountCents": -900}]}
                        """.formatted(club.bank().id(), club.income().id())).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.title").value("Demande refusée"))
                .andExpect(jsonPath("$.instance").value(entries))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("UNBALANCED"))
                .andExpect(jsonPath("$.errors[0].line").doesNotExist())
                .andExpect(jsonPath("$.detail").value(containsString("n'est pas équilibrée")))
                .andExpect(jsonPath("$.trace").doesNotExist());

        // every reason at once, with the line at fault
        mvc.perform(json(post(entries), """
                        {"journal": "OD", "date": "2025-03-14", "label": "Comptes",
                         "lines": [{"accountId": 987654321, "amountCents": 1000}, {"accountId": %d, "amountCents": -1000}]}
                        """.formatted(other.income().id())).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LINE_ACCOUNT_UNKNOWN"))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[1].code").value("LINE_ACCOUNT_OTHER_SECTION"))
                .andExpect(jsonPath("$.errors[1].line").value(2))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("Ligne 2")));

        mvc.perform(json(post(entries), entry("OD", "2024-06-01", "Exercice clos", club.bank().id(), club.income().id(), 500))
                        .with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("FISCAL_YEAR_CLOSED"));
        mvc.perform(json(post(entries), entry("OD", "2030-01-01", "Sans exercice", club.bank().id(), club.income().id(), 500))
                        .with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("NO_FISCAL_YEAR"));
        // an absent amount is zero, which the ledger refuses
        mvc.perform(json(post(entries), """
                        {"journal": "OD", "date": "2025-03-14", "label": "Sans montant",
                         "lines": [{"accountId": %d}, {"accountId": %d, "amountCents": 0}]}
                        """.formatted(club.bank().id(), club.income().id())).with(treasurer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LINE_ZERO"))
                .andExpect(jsonPath("$.errors[1].code").value("LINE_ZERO"));

        // the messages follow Accept-Language
        mvc.perform(json(post(entries), entry("OD", "2030-01-01", "Sans exercice", club.bank().id(), club.income().id(), 500))
                        .header("Accept-Language", "en-GB,en;q=0.8").with(treasurer))
                .andExpect(jsonPath("$.title").value("Request refused"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("No fiscal year of the section contains")));

        assertThat(entriesOf(club)).isZero();
        assertThat(entriesOf(other)).isZero();
    }

    @Test
    void validatingIsBoundToTheSectionInThePath() throws Exception {
        Books.Club a = books.club(uniqueCode(), 2025);
        Books.Club b = books.club(uniqueCode(), 2025);
        RequestPostProcessor both = AsUser.with("both", "SECTION_" + a.id() + "_TREASURER", "SECTION_" + b.id() + "_TREASURER");
        long inA = idOf(mvc.perform(json(post("/api/v1/sections/" + a.id() + "/entries"),
                entry("OD", "2025-02-01", "A", a.bank().id(), a.income().id(), 100)).with(both)).andReturn().getResponse().getContentAsString());
        long inB = idOf(mvc.perform(json(post("/api/v1/sections/" + b.id() + "/entries"),
                entry("OD", "2025-02-01", "B", b.bank().id(), b.income().id(), 100)).with(both)).andReturn().getResponse().getContentAsString());

        mvc.perform(json(post("/api/v1/sections/" + a.id() + "/entries/validate"), "{\"entryIds\": [%d, %d]}".formatted(inA, inB))
                        .with(both))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_OTHER_SECTION"))
                .andExpect(jsonPath("$.errors[0].reference").value(Long.toString(inB)));
        mvc.perform(get("/api/v1/entries/" + inA).with(both)).andExpect(jsonPath("$.status").value("POSTED"));
        mvc.perform(get("/api/v1/entries/" + inB).with(both)).andExpect(jsonPath("$.status").value("POSTED"));
    }

    @Test
    void validatingTakesAtMostItsLimitOfEntries() throws Exception {
        Books.Club club = books.club(uniqueCode(), 2025);
        String validate = "/api/v1/sections/" + club.id() + "/entries/validate";
        String atLimit = LongStream.rangeClosed(1, EntriesApi.VALIDATE_IDS_MAX).map(i -> -i).mapToObj(Long::toString)
                .collect(Collectors.joining(","));
        // at the limit the request is read (and these ids do not exist); one past it, refused as malformed
        mvc.perform(json(post(validate), "{\"entryIds\": [" + atLimit + "]}").with(AsUser.treasurer(club.id())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].code").value("ENTRY_UNKNOWN"));
        mvc.perform(json(post(validate), "{\"entryIds\": [" + atLimit + ",-99999]}").with(AsUser.treasurer(club.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("entryIds"));
    }

    @PostgresTest
    static class OnPostgres extends EntriesApiTest {
    }
}
