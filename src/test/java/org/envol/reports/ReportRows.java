package org.envol.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a built report in tests: its rows as texts and amounts. */
final class ReportRows {

    private ReportRows() {
    }

    static List<Report.Row> rows(Report report) {
        List<Report.Row> out = new ArrayList<>();
        report.rows().forEach(out::add);
        return out;
    }

    /** A cell as text: the amount in cents, the ISO date, the text. */
    static String text(Report.Cell cell) {
        if (cell instanceof Report.Amount a) {
            return Long.toString(a.cents());
        }
        if (cell instanceof Report.Date d) {
            return d.value().toString();
        }
        return ((Report.Text) cell).value();
    }

    /** Each row as its cells' texts joined by « | »: {@code 512|Banque|105000|21234|36000|90234}. */
    static List<String> lines(Report report) {
        List<String> out = new ArrayList<>();
        for (Report.Row row : report.rows()) {
            out.add(String.join("|", row.cells().stream().map(ReportRows::text).toList()));
        }
        return out;
    }

    /** The amounts of each row by the text of its first text cell that is not blank (the financial statements' label). */
    static Map<String, List<Long>> amountsByLabel(Report report) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (Report.Row row : report.rows()) {
            String label = null;
            List<Long> amounts = new ArrayList<>();
            for (Report.Cell c : row.cells()) {
                if (c instanceof Report.Amount a) {
                    amounts.add(a.cents());
                } else if (label == null && c instanceof Report.Text t && !t.value().isBlank()) {
                    label = t.value();
                }
            }
            out.put(label, amounts);
        }
        return out;
    }
}
