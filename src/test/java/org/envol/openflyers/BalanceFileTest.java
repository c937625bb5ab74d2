package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fixtures written by the project: the header is OpenFlyers' (formats.md §2a), the data invented. */
class BalanceFileTest {

    static final String HEADER = "ID;Nom;Profil;Type de compte;Balance\n";

    static BalanceFile read(String text) {
        return BalanceFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    static void refused(String text, String key, Object... args) {
        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(OpenFlyersException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.args()).containsExactly(args);
        });
    }

    @Test
    void eachAccountWithItsBalanceInCentsPositiveInCredit() {
        BalanceFile f = read(HEADER + "359;DUPOND Jean;Pilote;Compte pilote;-125.50\n412;MARTIN Anne;Eleve;Compte pilote;300\n"
                + "77;\"LEROY; Paul\";Pilote;Compte pilote;2.1\n80;VIDE;Pilote;Compte pilote;\n");
        assertThat(f.lines()).containsExactly(
                new BalanceLine(2, "359", "DUPOND Jean", "Pilote", -12550),
                new BalanceLine(3, "412", "MARTIN Anne", "Eleve", 30000),
                new BalanceLine(4, "77", "LEROY; Paul", "Pilote", 210),
                new BalanceLine(5, "80", "VIDE", "Pilote", 0));
    }

    @Test
    void tabsDecimalCommaAndWindows1252() {
        byte[] bytes = "ID\tNom\tProfil\tType de compte\tBalance\r\n9\tGÉRARD Zoé\tPilote\tCompte pilote\t1 234,5\r\n"
                .getBytes(Charset.forName("windows-1252"));
        BalanceFile f = BalanceFile.read(bytes);
        assertThat(f.encoding()).isEqualTo("Windows-1252");
        assertThat(f.lines()).containsExactly(new BalanceLine(2, "9", "GÉRARD Zoé", "Pilote", 123450));
    }

    @Test
    void anotherFileIsRefusedOnLineOne() {
        refused("Grand livre du 01/01/2025  au  31/01/2025\nEdité le 02/02/2025\n", "openflyers.balance.header", 1,
                "ID;Nom;Profil;Type de compte;Balance");
        refused("ID;Nom;Balance\n1;A;2\n", "openflyers.balance.header", 1, "ID;Nom;Profil;Type de compte;Balance");
    }

    @Test
    void badLinesAreRefusedNamingTheirLine() {
        refused(HEADER + "1;A;P;T;10\n2;B;P;T;douze\n", "openflyers.file.amount", 3, "douze");
        refused(HEADER + "1;A;P;T;10\n1;A bis;P;T;3\n", "openflyers.balance.duplicate", 3, "1", 2);
        refused(HEADER + "1;A;P\n", "openflyers.file.fields", 2, 3, 5);
        refused(HEADER + ";A;P;T;1\n", "openflyers.balance.id", 2, "");
        refused("", "openflyers.file.empty", 1);
    }
}
