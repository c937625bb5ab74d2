package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Home, trial balance, fiscal years and journals. */
class ReferencePagesTest extends PageTestSupport {

    @Autowired
    FiscalYearService years;

    @Autowired
    JournalService journals;

    private String page(Books.Club club, String url) throws Exception {
        return text(mvc.perform(get(url).with(treasurer(club))).andExpect(status().isOk()).andReturn());
    }

    @Test
    void theHomePageCountsEntriesDraftsAndUnvalidatedOnes() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 5), "A", club.member(), club.income(), 1_000));
        draft(club.draft(day(1, 6), "B", club.member(), club.income(), 1_000));
        frozen(club.draft(day(1, 7), "C", club.member(), club.income(), 1_000));
        String page = page(club, "/");
        assertThat(page).containsPattern("<strong>3</strong> <span>écritures</span>")
                .containsPattern("<strong>1</strong> <span>brouillons</span>")
                .containsPattern("(?s)<strong>1</strong>\\s*<span>passées, non validées</span>");
    }

    @Test
    void theTrialBalanceOfTheFiscalYearShowsEachAccountAndTotals() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(1, 5), "Cotisation", club.member(), club.income(), 15_000));
        posted(club.draft(day(2, 5), "Règlement", club.bank(), club.member(), 10_000));
        draft(club.draft(day(2, 6), "Brouillon", club.expense(), club.bank(), 99_999));

        String page = page(club, "/trial-balance");
        assertThat(page).contains("du 01/01/" + YEAR + " au 31/12/" + YEAR).doesNotContain("999,99", "Carburant");
        // 411: debit 150, credit 100, closing 50; 706: credit 150, closing -150
        assertThat(page).containsPattern("(?s)>411</a>.*?<td class=\"num\">150,00</td>\\s*<td class=\"num\">100,00</td>\\s*<td class=\"num\">50,00</td>");
        assertThat(page).containsPattern("(?s)>706</a>.*?<td class=\"num negative\">-150,00</td>");
        assertThat(page).containsPattern("(?s)Totaux</td>\\s*<td class=\"num\">0,00</td>\\s*<td class=\"num\">250,00</td>\\s*<td class=\"num\">250,00</td>");

        String february = page(club, "/trial-balance?from=" + day(2, 1) + "&to=" + day(2, 28));
        // the January movement is February's opening balance
        assertThat(february).containsPattern("(?s)>411</a>.*?<td class=\"num\">150,00</td>\\s*<td class=\"num\"></td>\\s*<td class=\"num\">100,00</td>");
    }

    @Test
    void aTreasurerCreatesTheNextFiscalYearAndAnOverlapIsRefused() throws Exception {
        Books.Club club = club();
        assertThat(page(club, "/fiscal-years")).contains("value=\"" + (YEAR + 1) + "-01-01\"", "value=\"" + (YEAR + 1) + "-12-31\"");
        mvc.perform(post("/fiscal-years").with(csrf()).with(treasurer(club))
                        .param("start", (YEAR + 1) + "-01-01").param("end", (YEAR + 1) + "-12-31"))
                .andExpect(redirectedUrl("/fiscal-years"));
        assertThat(SystemActor.run("test", () -> years.list(club.id()))).extracting(FiscalYear::startDate)
                .containsExactly(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 1, 1, 1));

        mvc.perform(post("/fiscal-years").with(csrf()).with(treasurer(club)).header("Referer", "http://localhost/fiscal-years")
                        .param("start", YEAR + "-06-01").param("end", (YEAR + 1) + "-05-31"))
                .andExpect(flash().attribute("problems", List.of("L'exercice chevauche celui du " + YEAR + "-01-01 au " + YEAR + "-12-31.")));
        mvc.perform(post("/fiscal-years").with(csrf()).with(accountant(club))
                        .param("start", (YEAR + 2) + "-01-01").param("end", (YEAR + 2) + "-12-31"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTreasurerAddsRelabelsClosesAndReopensAJournal() throws Exception {
        Books.Club club = club();
        String code = "J" + Long.toString(club.id(), 36).toUpperCase();
        mvc.perform(post("/journals").with(csrf()).with(treasurer(club)).param("code", code).param("label", "Subventions"))
                .andExpect(redirectedUrl("/journals"));
        mvc.perform(post("/journals/" + code + "/label").with(csrf()).with(treasurer(club)).param("label", "Subventions et bourses"))
                .andExpect(redirectedUrl("/journals"));
        mvc.perform(post("/journals/" + code + "/close").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/journals"));
        assertThat(journals.findByCode(code)).get().extracting(Journal::label, Journal::active)
                .containsExactly("Subventions et bourses", false);
        assertThat(page(club, "/journals")).contains(code, "Rouvrir");
        mvc.perform(post("/journals/" + code + "/reopen").with(csrf()).with(treasurer(club))).andExpect(redirectedUrl("/journals"));
        assertThat(journals.findByCode(code)).get().extracting(Journal::active).isEqualTo(true);

        mvc.perform(post("/journals/" + code + "/close").with(csrf()).with(accountant(club))).andExpect(status().isForbidden());
        assertThat(text(mvc.perform(get("/journals").with(accountant(club))).andReturn())).doesNotContain("Ajouter un journal");
    }
}
