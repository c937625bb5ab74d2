package org.envol.guided;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The guided entries through the REST API: same service, refusals by field as problem details. */
@SpringBootTest
@AutoConfigureMockMvc
class GuidedApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;
    @Autowired
    EntrySearch search;

    static MockHttpServletRequestBuilder payment(Books.Club club, long amountCents, long memberId) {
        return post("/api/v1/sections/" + club.id() + "/guided/member-payment").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"date": "2025-03-14", "amountCents": %d, "paymentMode": "CHEQUE", "reference": "1234567",
                         "accounts": {"treasury": %d, "member": %d}}""".formatted(amountCents, club.bank().id(), memberId));
    }

    long count(Books.Club club) {
        return SystemActor.run("test", () -> search.search(EntryFilter.all(club.id()), 0, 1).total());
    }

    @Test
    void theKindsSayWhichAccountsTheyAccept() throws Exception {
        mvc.perform(get("/api/v1/guided").with(AsUser.accountant(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("member-payment"))
                .andExpect(jsonPath("$[0].accounts[1].name").value("member"))
                .andExpect(jsonPath("$[0].accounts[1].prefixes[0]").value("411"))
                .andExpect(jsonPath("$[0].paymentMode").value(true))
                .andExpect(jsonPath("$[8].kind").value("section-transfer"))
                .andExpect(jsonPath("$[8].betweenSections").value(true));
    }

    @Test
    void aTreasurerPostsAPaymentAndGetsTheEntry() throws Exception {
        Books.Club club = books.club(2025);
        mvc.perform(payment(club, 12_050, club.member().id()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.entries[0].journal").value("BQ"))
                .andExpect(jsonPath("$.entries[0].voucherRef").value("1234567"))
                .andExpect(jsonPath("$.entries[0].lines[0].accountId").value(club.bank().id()))
                .andExpect(jsonPath("$.entries[0].lines[0].amountCents").value(12_050))
                .andExpect(jsonPath("$.entries[0].lines[1].amountCents").value(-12_050));
        assertThat(count(club)).isEqualTo(1);
    }

    @Test
    void aRefusalNamesItsFieldAndCodeAndWritesNothing() throws Exception {
        Books.Club club = books.club(2025);
        mvc.perform(payment(club, -5, club.expense().id()).with(AsUser.treasurer(club.id())).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Request refused"))
                .andExpect(jsonPath("$.errors[0].field").value("amountCents"))
                .andExpect(jsonPath("$.errors[0].code").value("AMOUNT_NOT_POSITIVE"))
                .andExpect(jsonPath("$.errors[1].field").value("member"))
                .andExpect(jsonPath("$.errors[1].code").value("ACCOUNT_NOT_ALLOWED"))
                .andExpect(jsonPath("$.errors[1].message").value("Account 6061 Carburant does not fit here: a 411 account is needed."));
        assertThat(count(club)).isZero();
    }

    @Test
    void anAccountantIsForbiddenAndAnUnknownKindIsNotFound() throws Exception {
        Books.Club club = books.club(2025);
        mvc.perform(payment(club, 100, club.member().id()).with(AsUser.accountant(club.id()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/sections/" + club.id() + "/guided/nonsense").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(AsUser.treasurer(club.id()))).andExpect(status().isNotFound());
        assertThat(count(club)).isZero();
    }
}
