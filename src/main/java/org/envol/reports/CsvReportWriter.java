package org.envol.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.envol.ledger.Money;

/**
 * CSV as French Excel opens it with a double click: UTF-8 with a byte order mark (else Excel reads
 * ANSI and garbles accents), {@code ;} separator, decimal comma without grouping, dd/MM/yyyy, CRLF.
 * Only the table is written (header, rows — headings and totals are rows too) so that the file can be
 * read back by a program. Rows are written as they come: no length limit.
 */
class CsvReportWriter implements ReportWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote('"')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        csv.printRecord(report.columns().stream().map(Report.Column::header).toList());
        int columns = report.columns().size();
        for (Report.Row row : report.rows()) {
            csv.printRecord(values(row.requireWidth(columns).cells()));
        }
        csv.flush();
    }

    private static List<String> values(List<Report.Cell> row) {
        List<String> values = new ArrayList<>(row.size());
        for (Report.Cell cell : row) {
            if (cell instanceof Report.Amount a) {
                values.add(Money.plain(a.cents()));
            } else if (cell instanceof Report.Date d) {
                values.add(DAY.format(d.value()));
            } else {
                values.add(((Report.Text) cell).value());
            }
        }
        return values;
    }
}
