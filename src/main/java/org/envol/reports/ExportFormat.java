package org.envol.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats a report is exported to, with their media type and writer. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8", new CsvReportWriter()),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new XlsxReportWriter()),
    PDF("pdf", "application/pdf", new PdfReportWriter());

    private final String extension;
    private final String mediaType;
    private final ReportWriter writer;

    ExportFormat(String extension, String mediaType, ReportWriter writer) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.writer = writer;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public void write(Report report, OutputStream out) throws IOException {
        writer.write(report, out);
    }

    /** The format named in a link ({@code csv}, {@code xlsx}, {@code pdf}), any case. */
    public static Optional<ExportFormat> named(String name) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
