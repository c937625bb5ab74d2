package org.envol.interchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A FEC file as {@link FecReader} read it: its entries grouped by (JournalCode, EcritureNum), the
 * accounts and journals they use, and the problems found, each with its line number. Knows
 * nothing of the books: {@link FecImport} maps it onto a section.
 */
final class FecBook {

    /** An account as the file names it: general number and label, subsidiary number and label (member, supplier). */
    record FecAccount(String number, String label, String auxNumber, String auxLabel, int firstLine) {

        boolean subsidiary() {
            return !auxNumber.isEmpty();
        }
    }

    /** One line of an entry: the file's line number, the account (index in {@link #accounts}), the signed amount, its label when it differs from the entry's. */
    record FecLine(int lineNo, int account, long amountCents, String label) {
    }

    /** One entry: the lines sharing a JournalCode and an EcritureNum. */
    static final class FecEntry {
        final String journalCode;
        final String number;
        final LocalDate date;
        final String pieceRef;
        /** The first line's EcritureLib, or the first that is not blank. */
        String label;
        final int firstLine;
        final List<FecLine> lines = new ArrayList<>(4);
        long debitCents;
        long creditCents;

        FecEntry(String journalCode, String number, LocalDate date, String pieceRef, String label, int firstLine) {
            this.journalCode = journalCode;
            this.number = number;
            this.date = date;
            this.pieceRef = pieceRef;
            this.label = label;
            this.firstLine = firstLine;
        }
    }

    String charset;
    boolean header = true;
    /** Lines of the file, header included. */
    int lines;
    /** Lines that became entry lines (lines at zero left out). */
    int entryLines;
    final List<FecAccount> accounts = new ArrayList<>();
    /** JournalCode → JournalLib, as first seen. */
    final Map<String, String> journals = new LinkedHashMap<>();
    final List<FecEntry> entries = new ArrayList<>();
    final FecProblems problems = new FecProblems();
}
