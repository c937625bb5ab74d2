package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reading the free entry form: amounts with Money's rules, blank lines dropped, what cannot be read named. */
class EntryFormTest {

    private static EntryForm form(String date, String[]... lines) {
        EntryForm form = new EntryForm();
        form.setJournalCode("OD");
        form.setDate(date);
        form.setLabel(" Libellé ");
        for (String[] l : lines) {
            EntryForm.LineForm line = new EntryForm.LineForm();
            line.setAccountId(l[0] == null ? null : Long.valueOf(l[0]));
            line.setDebit(l[1]);
            line.setCredit(l[2]);
            line.setLabel(l[3]);
            form.getLines().add(line);
        }
        form.compact();
        return form;
    }

    @Test
    void readsFrenchAndEnglishAmountsDebitPositiveCreditNegative() {
        EntryForm.Reading r = form("2025-03-14", new String[] {"1", "1 234,56", "", "plein"},
                new String[] {"2", "", "1\u202F234.56", ""}, new String[] {"3", "", "0,5", null}).read(7);
        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().sectionId()).isEqualTo(7);
        assertThat(r.draft().date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(r.draft().label()).isEqualTo("Libellé");
        assertThat(r.draft().lines()).containsExactly(new LineDraft(1L, 123_456, "plein", null), new LineDraft(2L, -123_456, null, null),
                new LineDraft(3L, -50, null, null));
    }

    @Test
    void dropsBlankLinesAndKeepsTwoRows() {
        EntryForm form = form("2025-03-14", new String[] {null, "", "", ""}, new String[] {"1", "5", "", ""},
                new String[] {null, " ", null, ""});
        assertThat(form.getLines()).hasSize(2);
        assertThat(form.getLines().get(0).getAccountId()).isEqualTo(1L);
        assertThat(form.read(1).draft().lines()).hasSize(1);
    }

    @Test
    void namesTheLineOfAnAmountThatIsNotOneAndOfBothSidesFilled() {
        EntryForm.Reading r = form("2025-03-14", new String[] {"1", "12,3,4", "", ""}, new String[] {"2", "5", "5", ""},
                new String[] {"3", "", "1.234,567", ""}).read(1);
        assertThat(r.problems()).containsExactly(
                new EntryForm.Problem("entry.form.amount.invalid", List.of(1, "12,3,4"), 1, "debit"),
                new EntryForm.Problem("entry.form.amount.both", List.of(2), 2, "amount"),
                new EntryForm.Problem("entry.form.amount.invalid", List.of(3, "1.234,567"), 3, "credit"));
        // what could not be read counts as zero, so the ledger can still say what else is wrong
        assertThat(r.draft().lines()).extracting(LineDraft::amountCents).containsExactly(0L, 0L, 0L);
        assertThat(r.amountProblem()).isTrue();
    }

    @Test
    void readsIsoAndFrenchDatesAndNamesAnotherForm() {
        assertThat(form("14/03/2025").read(1).draft().date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(form("").read(1).draft().date()).isNull();
        EntryForm.Reading bad = form("14.03.2025").read(1);
        assertThat(bad.problems()).containsExactly(new EntryForm.Problem("entry.form.date.invalid", List.of("14.03.2025"), 0, "date"));
        assertThat(bad.dateProblem()).isTrue();
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() {
        EntryForm.Reading bad = form("31/02/2025").read(1);
        assertThat(bad.draft().date()).isNull();
        assertThat(bad.dateProblem()).isTrue();
    }

    @Test
    void aStoredEntryIsPrintedAsTheUserWouldTypeItAndReadsBackTheSame() {
        Entry entry = new Entry(9, 7, "BQ", 1, LocalDate.of(2025, 5, 2), "Règlement", "CH-1", new Source("manual", "9"),
                EntryStatus.POSTED, null, null, null, null, null, null, null, "x",
                List.of(new Line(1, 1, 123_456_789, "a", null), new Line(2, 2, -123_456_789, null, null)));
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            EntryForm form = EntryForm.of(entry, locale);
            assertThat(form.read(7).problems()).isEmpty();
            assertThat(form.read(7).draft().lines()).extracting(LineDraft::amountCents).containsExactly(123_456_789L, -123_456_789L);
        }
        assertThat(EntryForm.of(entry, Locale.FRENCH).getLines().get(0).getDebit()).isEqualTo("1 234 567,89");
    }
}
