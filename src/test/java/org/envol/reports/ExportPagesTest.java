package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The downloads behind « CSV · Excel · PDF » on the trial balance and statement pages. */
class ExportPagesTest extends PageTestSupport {

    private static String period() {
        return "from=" + day(1, 1) + "&to=" + day(12, 31);
    }

    @Test
    void aTreasurerDownloadsTheTrialBalanceInEachFormat() throws Exception {
        Books.Club club = club();
        posted(club.draft(day(2, 3), "Cotisation", club.member(), club.income(), 123_456));
        String name = "balance-" + club.section().code() + "-" + day(1, 1) + "-" + day(12, 31);

        MvcResult csv = mvc.perform(get("/trial-balance/export?format=csv&" + period()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + name + ".csv\""))
                .andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFCompte;Libellé;").contains("706;Prestations;0,00;0,00;1234,56;-1234,56\r\n");

        MvcResult xlsx = mvc.perform(get("/trial-balance/export?format=xlsx&" + period()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ExportFormat.XLSX.mediaType()))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\""))
                .andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Balance générale");
        }

        MvcResult pdf = mvc.perform(get("/trial-balance/export?format=pdf&" + period()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + name + ".pdf\""))
                .andReturn();
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document).replace('\u00A0', ' ')).contains("Balance générale",
                    "Prestations", "1 234,56");
        }
    }

    @Test
    void theStatementExportHasEveryLineNotJustAPage() throws Exception {
        Books.Club club = club();
        for (int i = 1; i <= 520; i++) {
            posted(club.draft(day(3, 1 + i % 28), "Vol " + i, club.member(), club.income(), 100));
        }
        MvcResult csv = mvc.perform(get("/accounts/" + club.member().id() + "/export?format=csv&" + period())
                        .with(AsUser.member(club.id(), club.member().id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"releve-"
                        + club.section().code() + "-411-" + club.member().id() + "-" + day(1, 1) + "-" + day(12, 31) + ".csv\""))
                .andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        // header, opening balance, 520 lines, closing balance
        assertThat(text.split("\r\n")).hasSize(523);
        assertThat(text).contains("Vol 1;", "Vol 520;").endsWith(";Solde de clôture;;520,00;0,00;520,00\r\n");
    }

    @Test
    void aMemberCannotExportAnotherAccountNorTheTrialBalance() throws Exception {
        Books.Club club = club();
        var member = AsUser.member(club.id(), club.member().id());
        mvc.perform(get("/accounts/" + club.bank().id() + "/export?format=pdf&" + period()).with(member))
                .andExpect(status().isForbidden());
        mvc.perform(get("/trial-balance/export?format=csv&" + period()).with(member))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownFormatIsABadRequest() throws Exception {
        Books.Club club = club();
        mvc.perform(get("/trial-balance/export?format=odt&" + period()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePagesLinkToTheExports() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(get("/trial-balance?" + period()).with(AsUser.treasurer(club.id())))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("/trial-balance/export?format=xlsx&from=" + day(1, 1) + "&to=" + day(12, 31));
        String statement = text(mvc.perform(get("/accounts/" + club.bank().id() + "?" + period())
                .with(AsUser.treasurer(club.id()))).andExpect(status().isOk()).andReturn());
        assertThat(statement).contains("/accounts/" + club.bank().id() + "/export?format=pdf&from=" + day(1, 1));
    }
}
