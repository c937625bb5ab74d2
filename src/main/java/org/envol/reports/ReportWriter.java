package org.envol.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;

/** Writes a report to a stream in one file format; the stream is left open. */
interface ReportWriter {

    /** Dates in every format, as French readers write them. */
    DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    void write(Report report, OutputStream out) throws IOException;
}
