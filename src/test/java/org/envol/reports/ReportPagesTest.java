package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.testing.AsUser;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The « Rapports » pages on {@link ReportLedger}: each report on screen, its downloads, and who may see what. */
class ReportPagesTest extends PageTestSupport {

    /** French amounts are grouped with a narrow no-break space. */
    private static final String NNBSP = "\u202F";
    private static final String YEAR_2025 = "from=2025-01-01&to=2025-12-31";

    @Autowired
    ReportLedger ledger;

    ReportLedger.Club club;
    RequestPostProcessor treasurer;

    @BeforeEach
    void setUp() {
        club = ledger.create();
        treasurer = AsUser.treasurer(club.sectionA());
    }

    private String page(String url, RequestPostProcessor user) throws Exception {
        return text(mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn());
    }

    @Test
    void theMenuAndTheListOfReports() throws Exception {
        String index = page("/reports", treasurer);
        assertThat(index).contains("Rapports", "Soldes pilotes", "Compte de résultat", "Bilan", "Grand livre", "Journaux",
                "Extrait de compte", "href=\"/reports\"").doesNotContain("toutes sections");
        String clubWide = page("/reports", AsUser.with("verif", Authorities.section(null, Role.ACCOUNTANT)));
        assertThat(clubWide).contains("/reports/balance-sheet?scope=all");
        assertThat(page("/reports?lang=en", treasurer)).contains("Member balances", "Income statement");
    }

    @Test
    void theTrialBalanceByAccountAndByCode() throws Exception {
        String byAccount = page("/reports/trial-balance?" + YEAR_2025, treasurer);
        assertThat(byAccount).contains("Balance générale", "Martin Anne", "-120,00", "902,34", "/accounts/" + club.bank().id());
        String byCode = page("/reports/trial-balance?" + YEAR_2025 + "&by=2", treasurer);
        assertThat(byCode).contains("Balance par code à 2 chiffres", "Total classe 4 · Comptes de tiers", "380,00",
                "class=\"subtotal\"", "class=\"total\"");
    }

    @Test
    void theIncomeStatementAndTheBalanceSheet() throws Exception {
        String income = page("/reports/income-statement?" + YEAR_2025, treasurer);
        assertThat(income).contains("Compte de résultat", "Excédent ou déficit", "82,34", "150,00", "Bénévolat",
                "class=\"heading\"");
        String english = page("/reports/income-statement?" + YEAR_2025 + "&lang=en", treasurer);
        assertThat(english).contains("Income statement", "Surplus or deficit", "Operating income", "82.34");
        String sheet = page("/reports/balance-sheet?at=2025-12-31", treasurer);
        assertThat(sheet).contains("Bilan", "Résultat de l’exercice (excédent ou déficit)", "82,34", "1" + NNBSP + "502,34",
                "31/12/2024");
    }

    @Test
    void memberBalancesWithAThreshold() throws Exception {
        String all = page("/reports/member-balances?at=2025-12-31", treasurer);
        assertThat(all).contains("Dupont Jean", "Martin Anne");
        String owing = page("/reports/member-balances?at=2025-12-31&threshold=100,00", treasurer);
        assertThat(owing).contains("Dupont Jean", "500,00").doesNotContain("Martin Anne");
        MvcResult wrong = mvc.perform(get("/reports/member-balances?threshold=beaucoup").with(treasurer))
                .andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(text(wrong)).contains("« beaucoup » n’est pas un montant");
    }

    @Test
    void theJournalsAndTheGeneralLedger() throws Exception {
        String journal = page("/reports/journal?" + YEAR_2025 + "&journal=OD", treasurer);
        assertThat(journal).contains("Journal OD", "Cotisation Martin", "Total de la page", "280,00",
                "Mois 01/2025 : 2 écritures",
                "/reports/journal?from=2025-01-01&to=2025-12-31&journal=OD&month=2025-08");
        String august = page("/reports/journal?" + YEAR_2025 + "&journal=OD&month=2025-08", treasurer);
        assertThat(august).contains("Virement vers B", "100,00").doesNotContain("Cotisation Martin");
        String general = page("/reports/journal?" + YEAR_2025, treasurer);
        assertThat(general).contains("Grand journal", "(tout le rapport, pas seulement cette page)");
        String ledgerPage = page("/reports/general-ledger?" + YEAR_2025, treasurer);
        assertThat(ledgerPage).contains("Grand livre", "Total 512 · Banque", "Aller au compte");
        mvc.perform(get("/reports/journal?" + YEAR_2025 + "&journal=ZZ").with(treasurer)).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theStatementIsTheAccountPage() throws Exception {
        mvc.perform(get("/reports/statement?account=" + club.dupont().id() + "&to=2025-12-31").with(treasurer))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/accounts/" + club.dupont().id() + "?to=2025-12-31"));
        mvc.perform(get("/reports/nothing").with(treasurer)).andExpect(status().isNotFound());
    }

    @Test
    void everyReportDownloadsInEachFormat() throws Exception {
        String[] urls = {"trial-balance?" + YEAR_2025, "trial-balance?" + YEAR_2025 + "&by=3", "income-statement?" + YEAR_2025,
            "balance-sheet?at=2025-12-31", "member-balances?at=2025-12-31", "general-ledger?" + YEAR_2025, "journal?" + YEAR_2025};
        for (String url : urls) {
            MvcResult csv = mvc.perform(get("/reports/" + url + "&format=csv").with(treasurer)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8")).andReturn();
            byte[] bytes = csv.getResponse().getContentAsByteArray();
            assertThat(Arrays.copyOf(bytes, 3)).as(url).containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(url).contains(";").contains("\r\n");
            assertThat(csv.getResponse().getHeader("Content-Disposition")).as(url).startsWith("attachment; filename=\"")
                    .contains(club.a().section().code()).endsWith(".csv\"");

            MvcResult xlsx = mvc.perform(get("/reports/" + url + "&format=xlsx").with(treasurer)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", ExportFormat.XLSX.mediaType())).andReturn();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).as(url).isNotBlank();
            }

            MvcResult pdf = mvc.perform(get("/reports/" + url + "&format=pdf").with(treasurer)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf")).andReturn();
            try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
                assertThat(new PDFTextStripper().getText(document)).as(url).contains("page 1 /");
            }
        }
    }

    @Test
    void theDownloadsHoldTheFigures() throws Exception {
        MvcResult csv = mvc.perform(get("/reports/income-statement?" + YEAR_2025 + "&format=csv").with(treasurer)).andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFRubrique;2025;2024\r\n").contains("\r\nExcédent ou déficit;82,34;150,00\r\n");
        assertThat(csv.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"compte-de-resultat-" + club.a().section().code() + "-2025-01-01-2025-12-31.csv\"");

        MvcResult xlsx = mvc.perform(get("/reports/balance-sheet?at=2025-12-31&format=xlsx").with(treasurer)).andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Bilan");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Total de l’actif (I + II)")) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1502.34);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1150.0);
                    assertThat(workbook.getFontAt(row.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }

        MvcResult pdf = mvc.perform(get("/reports/member-balances?at=2025-12-31&format=pdf").with(treasurer)).andReturn();
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document).replace('\u00A0', ' ')).contains("Soldes pilotes", "Dupont Jean",
                    "500,00", "Martin Anne", "120,00");
        }
    }

    @Test
    void aMemberSeesNoReportAndNotAnotherStatement() throws Exception {
        RequestPostProcessor member = AsUser.member(club.sectionA(), club.dupont().id());
        mvc.perform(get("/reports/member-balances").with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/member-balances?format=csv").with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/accounts/" + club.martin().id() + "/export?format=csv&" + YEAR_2025).with(member))
                .andExpect(status().isForbidden());
        mvc.perform(get("/accounts/" + club.dupont().id() + "/export?format=csv&" + YEAR_2025).with(member))
                .andExpect(status().isOk());
    }

    @Test
    void aSectionTreasurerCannotConsolidate() throws Exception {
        mvc.perform(get("/reports/trial-balance?scope=all").with(treasurer)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/trial-balance?scope=all&format=csv").with(treasurer)).andExpect(status().isForbidden());
        String clubWide = page("/reports/balance-sheet?scope=all&at=2025-12-31", AsUser.with("verif",
                Authorities.section(null, Role.ACCOUNTANT)));
        assertThat(clubWide).contains("Consolidé : sections", club.a().section().code(), club.b().section().code());
        MvcResult notForLines = mvc.perform(get("/reports/general-ledger?scope=all").with(AsUser.admin()))
                .andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(text(notForLines)).contains("se fait par section");
    }
}
