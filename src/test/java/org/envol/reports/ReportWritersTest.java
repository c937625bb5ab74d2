package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static Report rows(int count) {
        List<List<Report.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of(Report.Cell.text("ligne " + i)));
        }
        return Report.of("Long", List.of(), List.of(new Column("Libellé", Kind.TEXT, 10)), rows, null);
    }

    @Test
    void aPdfHasAtMostItsLimitOfRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(3).write(rows(3), out);
        assertThat(pdfText(out.toByteArray())).contains("ligne 2");
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new PdfReportWriter(3).write(rows(4), refused)).isInstanceOf(ReportException.class)
                .extracting("key").isEqualTo("reports.tooLong.pdf");
        assertThat(refused.size()).isZero();
    }

    @Test
    void anXlsxHasAtMostItsLimitOfRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxReportWriter(3).write(rows(3), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetAt(0).getRow(5).getCell(0).getStringCellValue()).isEqualTo("ligne 2");
        }
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new XlsxReportWriter(3).write(rows(4), refused)).isInstanceOf(ReportException.class)
                .extracting("key").isEqualTo("reports.tooLong.xlsx");
        assertThat(refused.size()).isZero();
    }

    @Test
    void theLimitsAreWhatExcelAndAReaderTake() {
        assertThat(ReportLimits.XLSX_ROWS_MAX).isLessThan(1_048_576 - 10);
        assertThat(ReportLimits.PDF_ROWS_MAX).isEqualTo(20_000);
    }

    @Test
    void headingsSubtotalsAndTotalsStandOut() throws IOException {
        Report report = new Report("Compte de résultat", List.of(), List.of(new Column("Rubrique", Kind.TEXT, 40),
                new Column("2025", Kind.AMOUNT, 14)), List.of(
                Report.Row.of(Report.Style.HEADING, List.of(Report.Cell.text("PRODUITS"), Report.Cell.blank())),
                Report.Row.detail(List.of(Report.Cell.text("Cotisations"), Report.Cell.amount(8000))),
                Report.Row.of(Report.Style.SUBTOTAL, List.of(Report.Cell.text("Total I"), Report.Cell.amount(8000))),
                Report.Row.of(Report.Style.TOTAL, List.of(Report.Cell.text("Excédent"), Report.Cell.amount(8000)))));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(write(ExportFormat.XLSX, report)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(bold(workbook, sheet.getRow(3).getCell(0))).isTrue();
            assertThat(bold(workbook, sheet.getRow(4).getCell(0))).isFalse();
            assertThat(bold(workbook, sheet.getRow(5).getCell(1))).isTrue();
            assertThat(bold(workbook, sheet.getRow(6).getCell(1))).isTrue();
        }
        assertThat(new String(write(ExportFormat.CSV, report), StandardCharsets.UTF_8))
                .endsWith("Rubrique;2025\r\nPRODUITS;\r\nCotisations;80,00\r\nTotal I;80,00\r\nExcédent;80,00\r\n");
        assertThat(pdfText(write(ExportFormat.PDF, report))).contains("PRODUITS", "Total I", "Excédent", "80,00");
    }

    @Test
    void lazyRowsAreReadAgainForEachWriterAndCheckedForWidth() throws IOException {
        int[] readings = {0};
        Report lazy = new Report("Lazy", List.of(), List.of(new Column("A", Kind.TEXT, 5)), new LazyRows(() -> {
            readings[0]++;
            int[] chunk = {0};
            return () -> chunk[0]++ < 2 ? List.of(Report.Row.detail(List.of(Report.Cell.text("r" + chunk[0])))) : List.of();
        }));
        assertThat(new String(write(ExportFormat.CSV, lazy), StandardCharsets.UTF_8)).endsWith("A\r\nr1\r\nr2\r\n");
        write(ExportFormat.PDF, lazy);
        assertThat(readings[0]).isEqualTo(2);
        Report tooWide = new Report("Lazy", List.of(), List.of(new Column("A", Kind.TEXT, 5)),
                new LazyRows(() -> {
                    boolean[] given = {false};
                    return () -> {
                        if (given[0]) {
                            return List.of();
                        }
                        given[0] = true;
                        return List.of(Report.Row.detail(List.of(Report.Cell.text("a"), Report.Cell.text("b"))));
                    };
                }));
        assertThatThrownBy(() -> write(ExportFormat.CSV, tooWide)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean bold(XSSFWorkbook workbook, Cell cell) {
        return workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
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
