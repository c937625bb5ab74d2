package org.envol.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformity check catches each defect, one small fixture per defect, naming the line and the column. */
class FecCheckTest {

    static final String HEADER = String.join("\t", FecCheck.COLUMNS);
    static final String AN1 = "AN\tÀ-nouveaux\tAN-1\t20250101\t512\tBanque\t\t\tAN-1\t20250101\tOuverture\t1000,00\t0,00\t\t\t20250310\t\t";
    static final String AN2 = "AN\tÀ-nouveaux\tAN-1\t20250101\t110\tReport\t\t\tAN-1\t20250101\tOuverture\t0,00\t1000,00\t\t\t20250310\t\t";
    static final String OD1 = "OD\tDiverses\tOD-1\t20250301\t512\tBanque\t\t\tC-1\t20250301\tCotisation\t100,00\t0,00\t\t\t20250305\t\t";
    static final String OD2 = "OD\tDiverses\tOD-1\t20250301\t411\tAdhérents\t41100000007\tDupont\tC-1\t20250301\tCotisation\t0,00\t100,00\t\t\t20250305\t\t";
    static final String OD3 = "OD\tDiverses\tOD-2\t20250302\t512\tBanque\t\t\tC-2\t20250302\tCotisation\t20,00\t0,00\t\t\t20250306\t\t";
    static final String OD4 = "OD\tDiverses\tOD-2\t20250302\t411\tAdhérents\t41100000007\tDupont\tC-2\t20250302\tCotisation\t0,00\t20,00\t\t\t20250306\t\t";

    final FecCheck check = new FecCheck(null);

    List<FecProblem> check(String... lines) {
        return check.check(new StringReader(String.join("\r\n", lines) + "\r\n"));
    }

    static String replaceField(String line, int column, String value) {
        String[] f = line.split("\t", -1);
        f[column] = value;
        return String.join("\t", f);
    }

    /** The check reports this problem (a defect may have consequences, an entry left unbalanced by a bad amount…). */
    static void assertOne(List<FecProblem> problems, int line, String column, String key, boolean error) {
        assertThat(problems).contains(new FecProblem(line, column, error, "fec.check." + key,
                problems.stream().filter(p -> p.line() == line && p.key().equals("fec.check." + key)).findFirst()
                        .map(FecProblem::args).orElse(List.of())));
    }

    @Test
    void aConformFileHasNoProblemEvenWithTheOpeningEntriesValidatedLast() {
        assertThat(check(HEADER, AN1, AN2, OD1, OD2, OD3, OD4)).isEmpty();
        assertThat(check("\uFEFF" + HEADER, OD1, OD2)).isEmpty();
        assertThat(check(HEADER.replace('\t', '|'), OD1.replace('\t', '|'), OD2.replace('\t', '|'))).isEmpty();
    }

    @Test
    void headerNamesCountAndSeparator() {
        assertOne(check(HEADER.replace("CompteLib", "Libelle"), OD1, OD2), 1, "CompteLib", "header.name", true);
        assertOne(check(HEADER.replace("\tIdevise", ""), OD1, OD2), 1, null, "header.count", true);
        assertOne(check(HEADER.replace('\t', ';'), OD1.replace('\t', ';')), 1, null, "separator", true);
        assertOne(check(""), 1, null, "separator", true);
    }

    @Test
    void everyLineHasEighteenFields() {
        assertOne(check(HEADER, OD1, OD2.replace("\t\t\t20250305", "\t\t20250305")), 3, null, "fields", true);
    }

    @Test
    void mandatoryFieldsAreNotEmpty() {
        assertOne(check(HEADER, replaceField(OD1, FecCheck.LIB, ""), OD2), 2, "EcritureLib", "empty", true);
        assertOne(check(HEADER, replaceField(OD1, FecCheck.VALID_DATE, ""), OD2), 2, "ValidDate", "empty", true);
    }

    @Test
    void amountsUseADecimalComma() {
        assertOne(check(HEADER, replaceField(OD1, FecCheck.DEBIT, "100.00"), OD2), 2, "Debit", "decimal.point", true);
        assertOne(check(HEADER, replaceField(OD1, FecCheck.DEBIT, "1 000,00"), replaceField(OD2, FecCheck.CREDIT, "1000,00")),
                2, "Debit", "number", true);
        assertThat(check(HEADER, replaceField(OD1, FecCheck.DEBIT, "100,00-"), replaceField(OD2, FecCheck.CREDIT, "-100")))
                .isEmpty();
    }

    @Test
    void datesAreValidAaaammjj() {
        assertOne(check(HEADER, replaceField(OD1, FecCheck.PIECE_DATE, "20250230"), replaceField(OD2, FecCheck.PIECE_DATE, "20250230")),
                2, "PieceDate", "date", true);
        assertThat(check(HEADER, replaceField(OD1, FecCheck.DATE_LET, "2025-03-01"), OD2))
                .extracting(FecProblem::column, FecProblem::key).containsExactly(org.assertj.core.groups.Tuple.tuple("DateLet", "fec.check.date"));
    }

    @Test
    void anEntryIsBalancedAndConsistent() {
        assertOne(check(HEADER, OD1, replaceField(OD2, FecCheck.CREDIT, "90,00")), 2, "EcritureNum", "entry.unbalanced", true);
        assertOne(check(HEADER, OD1, replaceField(OD2, FecCheck.PIECE_REF, "C-9")), 3, "PieceRef", "entry.inconsistent", true);
        assertOne(check(HEADER, OD1, replaceField(OD2, FecCheck.DATE, "20250302")), 3, "EcritureDate", "entry.inconsistent", true);
        assertOne(check(HEADER, OD1, replaceField(OD2, FecCheck.PIECE_DATE, "20250302")), 3, "PieceDate", "entry.inconsistent", true);
        assertThat(check(HEADER, OD1, replaceField(OD2, FecCheck.JOURNAL_CODE, "BQ")))
                .extracting(FecProblem::column).contains("JournalCode");
        assertOne(check(HEADER, OD1, OD3, OD4, OD2), 5, "EcritureNum", "entry.split", true);
    }

    @Test
    void debitAndCreditNotBothSetNorBothZero() {
        assertOne(check(HEADER, replaceField(OD1, FecCheck.CREDIT, "0"), replaceField(replaceField(OD2, FecCheck.DEBIT, "0,00"),
                FecCheck.CREDIT, "100,00"), replaceField(replaceField(OD3, FecCheck.DEBIT, "0,00"), FecCheck.CREDIT, "0,00"),
                replaceField(replaceField(OD4, FecCheck.DEBIT, "0,00"), FecCheck.CREDIT, "0,00")).subList(0, 1), 4, null, "both.zero", false);
        List<FecProblem> both = check(HEADER, replaceField(OD1, FecCheck.CREDIT, "5,00"), replaceField(OD2, FecCheck.DEBIT, "5,00"));
        assertThat(both).extracting(FecProblem::line, FecProblem::key, FecProblem::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "fec.check.both.set", false),
                org.assertj.core.groups.Tuple.tuple(3, "fec.check.both.set", false));
    }

    @Test
    void accountNumbersStartWithThreeDigits() {
        assertOne(check(HEADER, replaceField(OD1, FecCheck.COMPTE, "51A"), OD2), 2, "CompteNum", "account", true);
    }

    @Test
    void numberingIsContinuousPerJournal() {
        String od3 = OD3.replace("OD-2", "OD-3");
        String od4 = OD4.replace("OD-2", "OD-3");
        assertOne(check(HEADER, OD1, OD2, od3, od4), 4, "EcritureNum", "numbering", true);
        // journals interleave freely: each keeps its own sequence
        assertThat(check(HEADER, AN1, AN2, OD1, OD2, replaceField(replaceField(OD1, FecCheck.JOURNAL_CODE, "BQ"), FecCheck.NUM, "BQ-1")
                .replace("OD-1", "BQ-1"), replaceField(OD2, FecCheck.JOURNAL_CODE, "BQ").replace("OD-1", "BQ-1"), OD3, OD4)).isEmpty();
    }

    @Test
    void validationDatesNeverGoBackAfterTheOpeningEntries() {
        String od3 = replaceField(OD3, FecCheck.VALID_DATE, "20250304");
        String od4 = replaceField(OD4, FecCheck.VALID_DATE, "20250304");
        assertOne(check(HEADER, OD1, OD2, od3, od4), 4, "ValidDate", "validation.order", true);
        // opening entries placed after others do not get the exemption
        assertOne(check(HEADER, OD1, OD2, replaceField(AN1, FecCheck.VALID_DATE, "20250301"),
                replaceField(AN2, FecCheck.VALID_DATE, "20250301")), 4, "ValidDate", "validation.order", true);
    }

    /** The Montant/Sens variant (X): columns 12 and 13 are the amount and D/C or +1/-1. */
    static String sense(String line, String direction) {
        String[] f = line.split("\t", -1);
        boolean debit = !f[11].equals("0,00");
        f[11] = debit ? f[11] : f[12];
        f[12] = direction == null ? (debit ? "D" : "C") : direction;
        return String.join("\t", f);
    }

    @Test
    void theMontantSensVariantIsCheckedToo() {
        String header = HEADER.replace("Debit\tCredit", "Montant\tSens");
        assertThat(check(header, sense(OD1, null), sense(OD2, null), sense(OD3, "+1"), sense(OD4, "-1"))).isEmpty();
        List<FecProblem> bad = check(header, sense(OD1, "X"), sense(OD2, null));
        assertOne(bad, 2, "Sens", "sense", true);
        assertOne(check(header, sense(OD1, "C"), sense(OD2, null)), 2, "EcritureNum", "entry.unbalanced", true);
        assertOne(check(header, replaceField(sense(OD1, null), 11, "12.5"), sense(OD2, null)), 2, "Montant", "decimal.point", true);
    }

    @Test
    void aFileInIso885915IsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("fec.txt");
        java.nio.file.Files.write(file, (String.join("\r\n", HEADER, OD1.replace("Cotisation", "Reçu 10 €"),
                OD2.replace("Cotisation", "Reçu 10 €")) + "\r\n").getBytes(FecCharset.ISO_8859_15));
        assertThat(check.check(file)).isEmpty();
        java.nio.file.Files.write(file, (String.join("\r\n", HEADER, OD1, OD2.replace("100,00", "99,00")) + "\r\n")
                .getBytes(FecCharset.ISO_8859_15));
        assertThat(check.check(file)).extracting(FecProblem::key).contains("fec.check.entry.unbalanced");
    }
}
