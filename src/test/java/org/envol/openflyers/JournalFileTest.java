package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalFileTest {

    /** A general ledger of two accounts (a member and the flight income) sharing two flows, so each flow appears twice. */
    static final String LEDGER = """
            Grand livre du 01/03/2025  au  31/03/2025
            Edité le 02/04/2025
            Nom de compte;DUPONT Jean
            Compte d'export;411jdupont
            Numéro de compte OF;317
            Date;;Compte;Libellé;Mouvements;Flux;Date;Libellé;Débit;Crédit
            ;;;Vol F-GXYZ;x;1001;05/03/2025;Vol F-GXYZ 1h00;150,00;0,00
            Heures de vol;706;70611;;x
            ;;;Approvisionnement;x;1002;10/03/2025;"Virement; mars";0,00;2.1
            Banque;512;512;;x
            Total;;;;;;;;150,00;2,10
            Solde au 31/03/2025;;;;;;;;147,90;
            Nom de compte;Heures de vol
            Compte d'export;70611
            Numéro de compte OF;706
            Date;;Compte;Libellé;Mouvements;Flux;Date;Libellé;Débit;Crédit
            ;;;Vol F-GXYZ;x;1001;05/03/2025;Vol F-GXYZ 1h00;0,00;150,00
            DUPONT Jean;317;411jdupont;;x
            """;

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static JournalFile read(String text) {
        return JournalFile.read(bytes(text, StandardCharsets.UTF_8));
    }

    @Test
    void aGeneralLedgerGivesEachFlowOnceWithItsTwoSides() {
        JournalFile file = read(LEDGER);
        assertThat(file.layout()).isEqualTo(JournalFile.Layout.GENERAL_LEDGER);
        assertThat(file.from()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(file.to()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(file.flows()).containsExactly(
                new JournalFlow("1001", LocalDate.of(2025, 3, 5), "Vol F-GXYZ 1h00", 15000, new JournalFlow.Side("317", "DUPONT Jean"),
                        new JournalFlow.Side("706", "Heures de vol"), 7),
                new JournalFlow("1002", LocalDate.of(2025, 3, 10), "Virement; mars", 210, new JournalFlow.Side("512", "Banque"),
                        new JournalFlow.Side("317", "DUPONT Jean"), 9));
    }

    @Test
    void tabsWindows1252BomCrLfAndDecimalPointAreTheSameFile() {
        JournalFile plain = read(LEDGER);
        assertThat(JournalFile.read(bytes(LEDGER.replace(';', '\t').replace("\"Virement\t mars\"", "\"Virement; mars\""),
                StandardCharsets.UTF_8)).flows()).isEqualTo(plain.flows());
        JournalFile cp = JournalFile.read(bytes(LEDGER, Charset.forName("windows-1252")));
        assertThat(cp.encoding()).isEqualTo("Windows-1252");
        assertThat(cp.flows()).isEqualTo(plain.flows());
        byte[] utf8 = bytes(LEDGER.replace("\n", "\r\n").replace("150,00", "150.00"), StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        JournalFile withBom = JournalFile.read(bom);
        assertThat(withBom.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(withBom.flows()).isEqualTo(plain.flows());
    }

    @Test
    void aFlowThatDisagreesWithItsOtherAppearanceIsRefusedNamingBothLines() {
        String text = LEDGER.replace(";;;Vol F-GXYZ;x;1001;05/03/2025;Vol F-GXYZ 1h00;0,00;150,00",
                ";;;Vol F-GXYZ;x;1001;05/03/2025;Vol F-GXYZ 1h00;0,00;160,00");
        assertThat(problems(text)).containsExactly(JournalProblem.at(17, "openflyers.journal.flow.disagrees", "1001", 7));
    }

    @Test
    void everyProblemIsNamedByItsLine() {
        String text = LEDGER
                .replace("05/03/2025;Vol F-GXYZ 1h00;150,00", "35/03/2025;Vol F-GXYZ 1h00;150,00")
                .replace("\"Virement; mars\";0,00;2.1", "\"Virement; mars\";0,00;2,1,0")
                .replace("Total;;;;", "Bizarre;;;;")
                .replace("DUPONT Jean;317;411jdupont;;x", "");
        assertThat(problems(text)).containsExactly(
                JournalProblem.at(7, "openflyers.journal.date", "35/03/2025"),
                JournalProblem.at(9, "openflyers.journal.amount", "crédit", "2,1,0"),
                JournalProblem.at(11, "openflyers.journal.line.unknown", "Bizarre 150,00 2,10"),
                JournalProblem.at(18, "openflyers.journal.counterpart", 17));
    }

    @Test
    void aMovementOutsideABlockAnUnclosedQuoteAndABadHeader() {
        assertThat(problems("Grand livre du 01/03/2025 au 31/03/2025\n;;;Vol;x;1001;05/03/2025;Vol;1,00;0,00\nBanque;512;512;;x\n"))
                .containsExactly(JournalProblem.at(2, "openflyers.journal.movement.noBlock"));
        assertThat(problems(LEDGER.replace("\"Virement; mars\"", "\"Virement; mars")))
                .containsExactly(JournalProblem.at(9, "openflyers.journal.quote"));
        assertThat(problems("Grand livre du 01/03/2025 au 31/02/2025\n")).containsExactly(
                JournalProblem.at(1, "openflyers.journal.header.period", "Grand livre du 01/03/2025 au 31/02/2025"));
        assertThat(problems("Balance;des;comptes\n")).containsExactly(
                JournalProblem.at(1, "openflyers.journal.file.unknown", "Balance;des;comptes"));
        assertThat(problems("")).containsExactly(JournalProblem.at(1, "openflyers.journal.file.empty"));
    }

    static final String FEC = """
            VEN|Journal des ventes|9574|20190701|411|411claratte|||56|20190701|Heures de vol|200,00|0,00|||20190702||
            VEN|Journal des ventes|9574|20190701|706|70611|||||Heures de vol|0,00|200,00|||20190702||
            BQ|Banque|9575|20190703|512|Banque|||||Virement|50.5|0|||20190703||
            BQ|Banque|9575|20190703|411|411claratte|||||Virement|0|50.5|||20190703||
            """;

    @Test
    void theOpenFlyersFecGivesFlowsByEntryNumberTheExportAccountStandingForTheId() {
        JournalFile file = read(FEC);
        assertThat(file.layout()).isEqualTo(JournalFile.Layout.FEC);
        assertThat(file.flows()).containsExactly(
                new JournalFlow("9574", LocalDate.of(2019, 7, 1), "Heures de vol", 20000, new JournalFlow.Side("411claratte", "411claratte"),
                        new JournalFlow.Side("70611", "70611"), 1),
                new JournalFlow("9575", LocalDate.of(2019, 7, 3), "Virement", 5050, new JournalFlow.Side("512", "Banque"),
                        new JournalFlow.Side("411claratte", "411claratte"), 3));
        assertThat(read("JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate"
                + "|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n" + FEC).flows())
                .extracting(JournalFlow::number, JournalFlow::amountCents, JournalFlow::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9574", 20000L, 2), org.assertj.core.groups.Tuple.tuple("9575", 5050L, 4));
    }

    @Test
    void aFecFlowOfThreeLinesOrABadLineIsRefused() {
        String text = FEC + "BQ|Banque|9575|20190703|706|70611|||||Virement|0|1|||20190703||\nBQ|Banque|9576|2019-07-03|512\n";
        assertThat(problems(text)).containsExactly(
                JournalProblem.at(6, "openflyers.journal.fec.columns", 5),
                JournalProblem.at(3, "openflyers.journal.fec.twoLines", "9575", 3));
    }

    static List<JournalProblem> problems(String text) {
        try {
            read(text);
        } catch (JournalFileException e) {
            return e.problems();
        }
        throw new AssertionError("no problem found");
    }

    @Test
    void aRefusedFileSaysHowManyProblems() {
        assertThatThrownBy(() -> read("x|y\n")).isInstanceOfSatisfying(JournalFileException.class,
                e -> assertThat(e.args()).containsExactly(1));
    }
}
