package org.envol.ledger;

import java.time.LocalDate;
import java.util.List;

/** One page of an account's lines between two dates, with the running balance. */
public record Statement(Account account, LocalDate from, LocalDate to, long openingCents, long closingCents,
        List<Row> rows, int page, int pageSize, long totalRows) {

    public record Row(long entryId, LocalDate date, String journalCode, Integer number, EntryStatus status,
            String entryLabel, String lineLabel, String voucherRef, long amountCents, long runningCents) {

        public String displayNumber() {
            return number == null ? null : journalCode + "-" + number;
        }
    }

    public int pages() {
        return (int) Math.max(1, (totalRows + pageSize - 1) / pageSize);
    }
}
