package org.envol.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.envol.ledger.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's own rules, without a database: amounts, dates, column names, character sets. */
class FecReaderTest {

    static final long INVALID = Long.MIN_VALUE;

    @Test
    void amountsTakeACommaOrAPointAndASignFirstOrLast() {
        assertThat(FecReader.cents("1234,56")).isEqualTo(123456);
        assertThat(FecReader.cents("1234.56")).isEqualTo(123456);
        assertThat(FecReader.cents("12,5")).isEqualTo(1250);
        assertThat(FecReader.cents("12")).isEqualTo(1200);
        assertThat(FecReader.cents("")).isZero();
        assertThat(FecReader.cents("-3,10")).isEqualTo(-310);
        assertThat(FecReader.cents("3,10-")).isEqualTo(-310);
        assertThat(FecReader.cents("+3,10")).isEqualTo(310);
        assertThat(FecReader.cents("1,2300")).as("decimals past the second: zeros only").isEqualTo(123);
        for (String bad : new String[] {"1,234", "1 234,56", "1.234,56", "12,3,4", "-3,10-", ",5", "5,", "abc", "--1", "1e3"}) {
            assertThat(FecReader.cents(bad)).as(bad).isEqualTo(INVALID);
        }
    }

    @Test
    void amountsStopAtTheLedgersLimit() {
        String max = Long.toString(Limits.AMOUNT_MAX_CENTS / 100);
        assertThat(FecReader.cents(max)).isEqualTo(Limits.AMOUNT_MAX_CENTS);
        assertThat(FecReader.cents(max + ",01")).isEqualTo(INVALID);
        assertThat(FecReader.cents("1234567890123456")).as("16 digits").isEqualTo(INVALID);
    }

    @Test
    void datesAreRealAaaammjjDates() {
        assertThat(FecReader.parseDate("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[] {"20250229", "20251301", "2025-01-31", "31012025", "2025013", "202501311", "2025O131"}) {
            assertThat(FecReader.parseDate(bad)).as(bad).isNull();
        }
    }

    @Test
    void columnNamesIgnoreCaseAccentsAndPunctuation() {
        assertThat(FecReader.normalise(" Crédit ")).isEqualTo("credit");
        assertThat(FecReader.normalise("Ecriture_Num")).isEqualTo("ecriturenum");
        assertThat(FecReader.legalName("comptenum")).isEqualTo("CompteNum");
    }

    @Test
    void theCharacterSetIsDecidedOnTheBytes(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("f.txt");
        Files.write(p, "Reçu €".getBytes(StandardCharsets.UTF_8));
        assertThat(FecCharset.detect(p).name()).isEqualTo("UTF-8");
        Files.write(p, "Reçu €".getBytes(FecCharset.ISO_8859_15));
        assertThat(FecCharset.detect(p).name()).isEqualTo("ISO-8859-15");
        Files.write(p, "Cœur €".getBytes(FecCharset.WINDOWS_1252));
        assertThat(FecCharset.detect(p).name()).isEqualTo("Windows-1252");
        Files.write(p, "\uFEFFplain".getBytes(StandardCharsets.UTF_8));
        assertThat(FecCharset.detect(p).name()).isEqualTo("UTF-8 (BOM)");
        Files.write(p, "plain ascii".getBytes(StandardCharsets.US_ASCII));
        assertThat(FecCharset.detect(p).charset()).isEqualTo(StandardCharsets.UTF_8);
    }
}
