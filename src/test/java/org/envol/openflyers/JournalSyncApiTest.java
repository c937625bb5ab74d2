package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/v1/sections/{id}/openflyers/journal/sync|delete}: sync, re-sync writing nothing, refusals, treasurers only. */
@SpringBootTest
@AutoConfigureMockMvc
class JournalSyncApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Books books;
    @Autowired
    AccountMappings mappings;
    @Autowired
    BalanceService balances;

    Books.Club club;
    String base;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
        base = "/api/v1/sections/" + club.id() + "/openflyers/journal";
        SystemActor.run("t", () -> {
            mappings.map(club.id(), "317", "DUPONT Jean", club.member().id());
            return mappings.map(club.id(), "706", "Heures de vol", club.income().id());
        });
    }

    static MockMultipartFile ledger(String amount) {
        String text = "Grand livre du 01/03/2025 au 31/03/2025\nNom de compte;DUPONT Jean\nNuméro de compte OF;317\n"
                + ";;;;x;1001;05/03/2025;Vol F-GXYZ;" + amount + ";0,00\nHeures de vol;706;70611;;x\n"
                + ";;;;x;1002;06/03/2025;Vol F-GABC;10,00;0,00\nHeures de vol;706;70611;;x\n";
        return new MockMultipartFile("file", "grand-livre.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    long memberBalance() {
        return SystemActor.run("t", () -> balances.balanceCents(club.member().id(), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aJobSyncsResyncsWithoutWritingAndDeletesThePeriod() throws Exception {
        mvc.perform(multipart(base + "/sync").file(ledger("150,00")).param("from", "2025-03-01").param("to", "2025-03-31")
                        .param("dryRun", "true").with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.flows[0].flow").value("1001")).andExpect(jsonPath("$.flows[0].state").value("NEW"))
                .andExpect(jsonPath("$.flows[0].amountCents").value(15000))
                .andExpect(jsonPath("$.flows[0].debitAccountId").value(club.member().id()))
                .andExpect(jsonPath("$.created").value(0));
        assertThat(memberBalance()).isZero();

        mvc.perform(multipart(base + "/sync").file(ledger("150,00")).param("from", "2025-03-01").param("to", "2025-03-31")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(false)).andExpect(jsonPath("$.created").value(2));
        assertThat(memberBalance()).isEqualTo(16000);

        // the same file again: every flow unchanged, nothing written
        mvc.perform(multipart(base + "/sync").file(ledger("150,00")).param("from", "2025-03-01").param("to", "2025-03-31")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.flows[0].state").value("UNCHANGED"))
                .andExpect(jsonPath("$.flows[1].state").value("UNCHANGED"))
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.replaced").value(0))
                .andExpect(jsonPath("$.deleted").value(0)).andExpect(jsonPath("$.reversed").value(0));
        assertThat(memberBalance()).isEqualTo(16000);

        // a changed amount replaces its entry
        mvc.perform(multipart(base + "/sync").file(ledger("175,50")).param("from", "2025-03-01").param("to", "2025-03-31")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.flows[0].state").value("CHANGED"))
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.replaced").value(1));
        assertThat(memberBalance()).isEqualTo(18550);

        mvc.perform(post(base + "/delete").param("from", "2025-03-01").param("to", "2025-03-31").param("dryRun", "true")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true)).andExpect(jsonPath("$.flows.length()").value(2));
        assertThat(memberBalance()).isEqualTo(18550);
        mvc.perform(post(base + "/delete").param("from", "2025-03-01").param("to", "2025-03-31").with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deleted").value(2));
        assertThat(memberBalance()).isZero();
    }

    @Test
    void aBadFileIsA422WithItsLinesAndAccountantsAreForbidden() throws Exception {
        mvc.perform(multipart(base + "/sync").file(ledger("15x")).param("from", "2025-03-01").param("to", "2025-03-31")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.code").value("openflyers.journal.file.invalid"))
                .andExpect(jsonPath("$.errors", hasItem(org.hamcrest.Matchers.startsWith("Ligne 4 : Montant débit « 15x » invalide"))));
        assertThat(memberBalance()).isZero();

        mvc.perform(multipart(base + "/sync").file(ledger("150,00")).param("from", "2025-03-01").param("to", "2025-03-31")
                .with(AsUser.accountant(club.id()))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/delete").param("from", "2025-03-01").param("to", "2025-03-31").with(AsUser.accountant(club.id())))
                .andExpect(status().isForbidden());
        assertThat(memberBalance()).isZero();
    }

    /** As with the balances API, a refusal's message key is in {@code code}, for a job to test without reading French. */
    @Test
    void aRefusalCarriesItsCode() throws Exception {
        mvc.perform(multipart(base + "/sync").file(ledger("150,00")).param("from", "2025-02-01").param("to", "2025-03-31")
                        .with(AsUser.treasurer(club.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("openflyers.journal.period.outsideFile"))
                .andExpect(jsonPath("$.errors.length()").value(1));
        mvc.perform(post(base + "/delete").param("from", "2025-03-31").param("to", "2025-03-01").with(AsUser.treasurer(club.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("openflyers.journal.period.invalid"));
        assertThat(memberBalance()).isZero();
    }
}
