package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.envol.ledger.BalanceService;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenFlyers API: mappings, balance check, initial balances; refusals as problem details. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenFlyersApiTest {

    static final MockMultipartFile FILE = new MockMultipartFile("file", "balance.csv", "text/csv",
            ("ID;Nom;Profil;Type de compte;Balance\n359;DUPOND Jean;Pilote;Compte pilote;-125.50\n"
                    + "412;MARTIN Anne;Eleve;Compte pilote;300\n").getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;
    @Autowired
    BalanceService balances;

    Books.Club club;
    String base;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
        base = "/api/v1/sections/" + club.id() + "/openflyers";
    }

    @Test
    void mapInitialiseAndCheck() throws Exception {
        mvc.perform(put(base + "/mappings/359").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"DUPOND Jean\", \"accountId\": " + club.member().id() + "}").with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountId").value(club.member().id()));
        mvc.perform(put(base + "/mappings/412").contentType(MediaType.APPLICATION_JSON).content("{\"ignore\": true}")
                .with(AsUser.treasurer(club.id()))).andExpect(status().isOk()).andExpect(jsonPath("$.ignored").value(true));
        mvc.perform(get(base + "/mappings").with(AsUser.accountant(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));

        mvc.perform(multipart(base + "/balances/init").file(FILE).param("date", "2025-01-01").param("allMapped", "true")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("openflyers.init.funds.missing"));
        mvc.perform(multipart(base + "/balances/init").file(FILE).param("date", "2025-01-01").param("accounts", "359")
                        .param("createFunds", "true").with(AsUser.treasurer(club.id())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.initialised[0].openFlyersId").value("359"))
                .andExpect(jsonPath("$.fundsCreated").value(true)).andExpect(jsonPath("$.totalCents").value(-12550));
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), LocalDate.of(2025, 1, 1)))).isEqualTo(12550);
        mvc.perform(multipart(base + "/balances/init").file(FILE).param("date", "2025-01-01").param("allMapped", "true")
                .with(AsUser.treasurer(club.id()))).andExpect(status().isOk()).andExpect(jsonPath("$.initialised.length()").value(0));

        mvc.perform(multipart(base + "/balances/check").file(FILE).param("date", "2025-01-01").with(AsUser.accountant(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.differing").value(0)).andExpect(jsonPath("$.inStep").value(true))
                .andExpect(jsonPath("$.rows[0].envolCents").value(-12550)).andExpect(jsonPath("$.ignored[0].openFlyersId").value("412"));
        mvc.perform(multipart(base + "/balances/check").file(FILE).param("date", "2024-12-31").with(AsUser.accountant(club.id())))
                .andExpect(jsonPath("$.differing").value(1)).andExpect(jsonPath("$.rows[0].differenceCents").value(-12550));
    }

    @Test
    void refusalsAreProblemDetails() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("file", "x.csv", "text/csv", "ID;Nom\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(base + "/balances/check").file(bad).param("date", "2025-01-01").with(AsUser.accountant(club.id())))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("openflyers.balance.header"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Ligne 1 :")));
        mvc.perform(multipart(base + "/balances/init").file(FILE).param("date", "2025-01-01").param("accounts", "359")
                .with(AsUser.accountant(club.id()))).andExpect(status().isForbidden());
        mvc.perform(put(base + "/mappings/359").contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": 1}")
                .with(AsUser.accountant(club.id()))).andExpect(status().isForbidden());
        mvc.perform(put(base + "/mappings/359").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(AsUser.treasurer(club.id()))).andExpect(status().isUnprocessableContent());
    }
}
