package org.envol.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook (a window of rows in memory, the rest on disk), so a long
 * statement does not fill the heap. Amounts are numbers (euros) with the format {@code #,##0.00},
 * which Excel shows in the reader's locale ({@code 1 234,56} in French); dates are date cells.
 * Headings, subtotals and totals are bold. More than {@link ReportLimits#XLSX_ROWS_MAX} rows is
 * refused (Excel would not open the file) before anything is written.
 */
class XlsxReportWriter implements ReportWriter {

    private static final int ROWS_IN_MEMORY = 200;

    private final int rowsMax;

    XlsxReportWriter() {
        this(ReportLimits.XLSX_ROWS_MAX);
    }

    /** A writer with another limit, for tests. */
    XlsxReportWriter(int rowsMax) {
        this.rowsMax = rowsMax;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            try {
                fill(workbook, report);
                workbook.write(out);
            } finally {
                // close() alone leaves the rows' temporary file behind
                workbook.dispose();
            }
        }
    }

    private void fill(SXSSFWorkbook workbook, Report report) {
        Styles styles = new Styles(workbook);
        Sheet sheet = workbook.createSheet(sheetName(report.title()));
        int r = 0;
        text(sheet.createRow(r++), 0, report.title(), styles.title);
        for (String line : report.subtitleLines()) {
            text(sheet.createRow(r++), 0, line, null);
        }
        r++;
        int headerRow = r;
        Row header = sheet.createRow(r++);
        List<Report.Column> columns = report.columns();
        for (int c = 0; c < columns.size(); c++) {
            Report.Column column = columns.get(c);
            text(header, c, column.header(), column.kind() == Report.Kind.AMOUNT ? styles.headerRight : styles.header);
            sheet.setColumnWidth(c, Math.min(255, column.width() + 2) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        int rows = 0;
        for (Report.Row row : report.rows()) {
            if (++rows > rowsMax) {
                throw new ReportException("reports.tooLong.xlsx", rowsMax);
            }
            row.requireWidth(columns.size());
            boolean bold = row.style().emphasized();
            cells(sheet.createRow(r++), row.cells(), bold ? styles.totalAmount : styles.amount, styles.date,
                    bold ? styles.header : null);
        }
    }

    private static void cells(Row row, List<Report.Cell> cells, CellStyle amount, CellStyle date, CellStyle text) {
        for (int c = 0; c < cells.size(); c++) {
            Report.Cell cell = cells.get(c);
            if (cell instanceof Report.Amount a) {
                org.apache.poi.ss.usermodel.Cell x = row.createCell(c);
                // cents / 100 is exact to the cent in a double for any amount the ledger allows
                x.setCellValue(a.cents() / 100.0);
                x.setCellStyle(amount);
            } else if (cell instanceof Report.Date d) {
                org.apache.poi.ss.usermodel.Cell x = row.createCell(c);
                x.setCellValue(d.value());
                x.setCellStyle(date);
            } else {
                String value = ((Report.Text) cell).value();
                if (!value.isEmpty()) {
                    text(row, c, value, text);
                }
            }
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Excel refuses some characters in sheet names and more than 31 of them. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return name.isEmpty() ? "Envol" : name.substring(0, Math.min(31, name.length()));
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle headerRight;
        final CellStyle amount;
        final CellStyle totalAmount;
        final CellStyle date;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            short amountFormat = workbook.createDataFormat().getFormat("#,##0.00");
            short dateFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy");
            title = workbook.createCellStyle();
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            headerRight = workbook.createCellStyle();
            headerRight.setFont(bold);
            headerRight.setAlignment(HorizontalAlignment.RIGHT);
            amount = workbook.createCellStyle();
            amount.setDataFormat(amountFormat);
            totalAmount = workbook.createCellStyle();
            totalAmount.setDataFormat(amountFormat);
            totalAmount.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
        }
    }
}
