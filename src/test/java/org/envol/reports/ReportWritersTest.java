package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envol.reports.Report.Column;
import org.envol.reports.Report.Kind;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 7);

    private static Report report(int extraRows) {
        List<List<Report.Cell>> rows = new ArrayList<>();
        rows.add(List.of(Report.Cell.date(DAY), Report.Cell.text("Cotisation « été » ; dite \"pleine\""),
                Report.Cell.amount(123456)));
        rows.add(List.of(Report.Cell.date(DAY), Report.Cell.text("Remboursement"), Report.Cell.amount(-5)));
        for (int i = 0; i < extraRows; i++) {
            rows.add(List.of(Report.Cell.date(DAY.plusDays(i)), Report.Cell.text("Vol n° " + i), Report.Cell.amount(i)));
        }
        return Report.of("Balance générale", List.of("Section PLANEUR · Vol à voile", "Du 01/01/2025 au 31/12/2025"),
                List.of(new Column("Date", Kind.DATE, 10), new Column("Libellé", Kind.TEXT, 40),
                        new Column("Montant", Kind.AMOUNT, 14)),
                rows, List.of(Report.Cell.blank(), Report.Cell.text("Totaux"), Report.Cell.amount(123451)));
    }

    private static byte[] write(ExportFormat format, Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, out);
        return out.toByteArray();
    }

    @Test
    void csvOpensInFrenchExcel() throws IOException {
        byte[] bytes = write(ExportFormat.CSV, report(0));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("Date;Libellé;Montant\r\n"
                + "07/03/2025;\"Cotisation « été » ; dite \"\"pleine\"\"\";1234,56\r\n"
                + "07/03/2025;Remboursement;-0,05\r\n"
                // commons-csv quotes an empty first field so that a record is never an empty line
                + "\"\";Totaux;1234,51\r\n");
    }

    @Test
    void xlsxHasNumbersAndDatesUnderABoldFrozenHeader() throws IOException {
        byte[] bytes = write(ExportFormat.XLSX, report(0));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Balance générale");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Section PLANEUR · Vol à voile");
            Row header = sheet.getRow(4);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Libellé");
            assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);

            Row first = sheet.getRow(5);
            Cell amount = first.getCell(2);
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(1234.56);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Cotisation « été » ; dite \"pleine\"");
            Cell date = first.getCell(0);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
            assertThat(sheet.getRow(6).getCell(2).getNumericCellValue()).isEqualTo(-0.05);
            assertThat(sheet.getRow(7).getCell(2).getNumericCellValue()).isEqualTo(1234.51);
        }
    }

    @Test
    void pdfShowsFrenchTextAndAmounts() throws IOException {
        String text = pdfText(write(ExportFormat.PDF, report(0)));
        assertThat(text).contains("Balance générale", "Section PLANEUR · Vol à voile", "Cotisation « été » ; dite \"pleine\"",
                "1 234,56", "-0,05", "1 234,51", "page 1 / 1");
    }

    @Test
    void pdfRepeatsTheHeaderAndNumbersEveryPage() throws IOException {
        byte[] bytes = write(ExportFormat.PDF, report(150));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = normalized(stripper.getText(document));
                assertThat(page).contains("Libellé", "page " + p + " / " + pages);
            }
            assertThat(normalized(new PDFTextStripper().getText(document))).contains("Vol n° 149", "Totaux");
        }
    }

    @Test
    void pdfReplacesWhatHelveticaCannotWrite() throws IOException {
        Report report = Report.of("Relevé ✈ 日本", List.of(), List.of(new Column("Libellé", Kind.TEXT, 10)),
                List.of(List.of(Report.Cell.text("Planeur ✈"))), null);
        assertThat(pdfText(write(ExportFormat.PDF, report))).contains("Relevé ? ??", "Planeur ?");
    }

    private static String pdfText(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return normalized(new PDFTextStripper().getText(document));
        }
    }

    /** Spaces as a reader sees them: the no-break space French amounts are grouped with is a space. */
    private static String normalized(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
