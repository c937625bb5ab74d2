package org.envol.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.envol.ledger.Money;

/**
 * PDF on A4 with the standard Helvetica (WinAnsi: é è à ç € and the other French letters, nothing
 * to embed). A character outside WinAnsi becomes « ? » rather than failing the export. The table
 * header is repeated on each page; pages are numbered « page n / N » once all are laid out.
 * Headings, subtotals and totals are bold, a rule above subtotals and totals. A report longer than
 * {@link ReportLimits#PDF_ROWS_MAX} rows is refused before anything is written.
 */
class PdfReportWriter implements ReportWriter {

    private static final float MARGIN = 36;
    private static final float FONT_SIZE = 8;
    private static final float ROW_HEIGHT = 11;
    private static final float CELL_PADDING = 3;
    private static final float BOTTOM = 50;
    private static final float GUTTER = 8;

    private final int rowsMax;

    PdfReportWriter() {
        this(ReportLimits.PDF_ROWS_MAX);
    }

    /** A writer with another limit, for tests. */
    PdfReportWriter(int rowsMax) {
        this.rowsMax = rowsMax;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        // the rows are read once, up to the limit: the widths need them all before the first page
        List<Line> lines = new ArrayList<>();
        for (Report.Row row : report.rows()) {
            if (lines.size() == rowsMax) {
                throw new ReportException("reports.tooLong.pdf", rowsMax);
            }
            lines.add(new Line(row.style(), cells(row.requireWidth(report.columns().size()).cells())));
        }
        try (PDDocument document = new PDDocument()) {
            new Layout(document, report, lines).run();
            document.save(out);
        }
    }

    /** A row as printed: its style and the text of each cell. */
    private record Line(Report.Style style, List<String> texts) {
    }

    private static List<String> cells(List<Report.Cell> row) {
        List<String> texts = new ArrayList<>(row.size());
        for (Report.Cell cell : row) {
            if (cell instanceof Report.Amount a) {
                texts.add(Money.format(a.cents(), Locale.FRENCH));
            } else if (cell instanceof Report.Date d) {
                texts.add(DAY.format(d.value()));
            } else {
                texts.add(((Report.Text) cell).value());
            }
        }
        return texts;
    }

    private static final class Layout {
        private final PDDocument document;
        private final Report report;
        private final List<Line> lines;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final float[] widths;
        private PDPageContentStream content;
        private float y;

        Layout(PDDocument document, Report report, List<Line> lines) throws IOException {
            this.document = document;
            this.report = report;
            this.lines = lines;
            this.widths = widths();
        }

        /**
         * Dates and amounts get the width of their widest cell; the text columns share the rest by
         * their usual widths, a short one (a journal code) taking only what it needs.
         */
        private float[] widths() throws IOException {
            List<Report.Column> columns = report.columns();
            float[] needed = new float[columns.size()];
            for (int i = 0; i < needed.length; i++) {
                needed[i] = width(columns.get(i).header(), bold, FONT_SIZE);
            }
            for (Line row : lines) {
                for (int i = 0; i < needed.length; i++) {
                    needed[i] = Math.max(needed[i], width(encodable(row.texts().get(i), bold), bold, FONT_SIZE));
                }
            }
            float[] result = new float[needed.length];
            float left = PDRectangle.A4.getWidth() - 2 * MARGIN;
            float weights = 0;
            for (int i = 0; i < needed.length; i++) {
                needed[i] += 2 * CELL_PADDING;
                if (columns.get(i).kind() == Report.Kind.TEXT) {
                    weights += columns.get(i).width();
                } else {
                    // a gutter, so that amounts side by side read as separate figures
                    result[i] = needed[i] + GUTTER;
                    left -= result[i];
                }
            }
            // a text column narrower than an equal share keeps its width; the long ones share the rest
            int texts = 0;
            for (Report.Column c : columns) {
                texts += c.kind() == Report.Kind.TEXT ? 1 : 0;
            }
            float equalShare = Math.max(0, left) / Math.max(1, texts);
            for (int i = 0; i < needed.length; i++) {
                if (columns.get(i).kind() == Report.Kind.TEXT && needed[i] <= equalShare) {
                    result[i] = needed[i];
                    left -= needed[i];
                    weights -= columns.get(i).width();
                }
            }
            for (int i = 0; i < needed.length; i++) {
                if (columns.get(i).kind() == Report.Kind.TEXT && result[i] == 0) {
                    result[i] = Math.max(0, left) * columns.get(i).width() / Math.max(1, weights);
                }
            }
            return result;
        }

        void run() throws IOException {
            newPage();
            line(report.title(), bold, 14, 20);
            for (String subtitle : report.subtitleLines()) {
                line(subtitle, regular, 9, 12);
            }
            y -= 8;
            header();
            for (Line line : lines) {
                if (y - ROW_HEIGHT < BOTTOM) {
                    newPage();
                    header();
                }
                if (line.style() == Report.Style.SUBTOTAL || line.style() == Report.Style.TOTAL) {
                    rule();
                }
                row(line.texts(), line.style().emphasized() ? bold : regular);
            }
            content.close();
            numberPages();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void line(String text, PDType1Font font, float size, float height) throws IOException {
            y -= height;
            show(fit(text, font, size, PDRectangle.A4.getWidth() - 2 * MARGIN), font, size, MARGIN, y);
        }

        private void header() throws IOException {
            List<String> headers = new ArrayList<>();
            for (Report.Column c : report.columns()) {
                headers.add(c.header());
            }
            row(headers, bold);
            rule();
        }

        private void rule() throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y - 3);
            content.lineTo(PDRectangle.A4.getWidth() - MARGIN, y - 3);
            content.stroke();
        }

        private void row(List<String> texts, PDType1Font font) throws IOException {
            y -= ROW_HEIGHT;
            float x = MARGIN;
            for (int i = 0; i < texts.size(); i++) {
                String text = fit(texts.get(i), font, FONT_SIZE, widths[i] - 2 * CELL_PADDING);
                boolean right = report.columns().get(i).kind() == Report.Kind.AMOUNT;
                float textX = right ? x + widths[i] - CELL_PADDING - width(text, font, FONT_SIZE) : x + CELL_PADDING;
                show(text, font, FONT_SIZE, textX, y);
                x += widths[i];
            }
        }

        private void numberPages() throws IOException {
            int count = document.getNumberOfPages();
            for (int n = 1; n <= count; n++) {
                PDPage page = document.getPage(n - 1);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = "page " + n + " / " + count;
                    float x = PDRectangle.A4.getWidth() - MARGIN - width(text, regular, FONT_SIZE);
                    footer.beginText();
                    footer.setFont(regular, FONT_SIZE);
                    footer.newLineAtOffset(x, MARGIN - 10);
                    footer.showText(text);
                    footer.endText();
                }
            }
        }

        private void show(String text, PDType1Font font, float size, float x, float atY) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        }

        /** The text in what the font can encode, cut with « … » to the width. */
        private String fit(String text, PDType1Font font, float size, float max) throws IOException {
            String s = encodable(text, font);
            if (width(s, font, size) <= max) {
                return s;
            }
            while (!s.isEmpty() && width(s + "…", font, size) > max) {
                s = s.substring(0, s.length() - 1);
            }
            return s + "…";
        }

        private static float width(String text, PDType1Font font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }

    /** WinAnsi has the no-break space but not the narrow one French amounts group with. */
    static String encodable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = cp == '\u202F' ? "\u00A0" : Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
