package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.envol.platform.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** {@code envol report NAME --section CODE … --format … [--out FILE]} on {@link ReportLedger}. */
@SpringBootTest
class ReportCommandTest {

    @Autowired
    Commands commands;
    @Autowired
    ReportLedger ledger;
    @MockitoBean
    StandardOutput standardOutput;

    @TempDir
    Path dir;

    ReportLedger.Club club;
    String a;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        club = ledger.create();
        a = club.a().section().code();
        when(standardOutput.open()).thenReturn(stdout);
    }

    /** Exit code, what was printed, what was printed on the error output. */
    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aTrialBalanceToStandardOutputInCsv() {
        Run run = run("report", "trial-balance", "--section", a, "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv");
        assertThat(run.code()).isZero();
        byte[] bytes = stdout.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("512;Banque;1050,00;212,34;360,00;902,34\r\n")
                .endsWith(";Totaux;0,00;2052,34;2052,34;0,00\r\n");
    }

    @Test
    void eachReportToAFile() throws Exception {
        String[][] reports = {
            {"trial-balance", "--at", "2025-12-31", "--by", "2"},
            {"income-statement", "--at", "2025-12-31"},
            {"balance-sheet", "--at", "2025-12-31"},
            {"member-balances", "--at", "2025-12-31", "--threshold", "100"},
            {"general-ledger", "--from", "2025-01-01", "--to", "2025-12-31"},
            {"journal", "--from", "2025-01-01", "--to", "2025-12-31", "--journal", "OD"},
            {"statement", "--account", Long.toString(club.dupont().id()), "--to", "2025-12-31"}};
        for (String[] r : reports) {
            for (String format : new String[] {"csv", "xlsx", "pdf"}) {
                Path file = dir.resolve(r[0] + "." + format);
                String[] args = concat(new String[] {"report", r[0], "--section", a, "--format", format, "--out", file.toString()},
                        Arrays.copyOfRange(r, 1, r.length));
                Run run = run(args);
                assertThat(run.code()).as(String.join(" ", args) + " " + run.err()).isZero();
                assertThat(run.out()).contains("Rapport écrit : " + file);
                byte[] bytes = Files.readAllBytes(file);
                switch (format) {
                    case "csv" -> assertThat(bytes[0]).isEqualTo((byte) 0xEF);
                    case "xlsx" -> {
                        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
                            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
                        }
                    }
                    default -> {
                        try (PDDocument document = Loader.loadPDF(bytes)) {
                            assertThat(new PDFTextStripper().getText(document)).contains("page 1 /");
                        }
                    }
                }
            }
        }
        String income = Files.readString(dir.resolve("income-statement.csv"));
        assertThat(income).contains("Excédent ou déficit;82,34;150,00");
        assertThat(Files.readString(dir.resolve("member-balances.csv"))).contains("411;Dupont Jean;500,00;").doesNotContain("Martin");
        assertThat(Files.readString(dir.resolve("statement.csv"))).endsWith(";Solde de clôture;;450,00;50,00;500,00\r\n");
    }

    @Test
    void intoADirectoryTheFileTakesItsName() {
        Run run = run("report", "balance-sheet", "--section", a, "--at", "2025-12-31", "--format", "pdf", "--out", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(dir.resolve("bilan-" + a + "-2025-12-31.pdf")).exists();
    }

    @Test
    void allSectionsConsolidated() {
        Run run = run("report", "balance-sheet", "--section", "ALL", "--at", "2025-12-31", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(new String(stdout.toByteArray(), StandardCharsets.UTF_8)).contains("Total de l’actif (I + II);");
    }

    @Test
    void mistakesExitNonZeroWithTheirMessageAndWriteNothing() {
        Path file = dir.resolve("x.csv");
        assertThat(run("report", "cash-flow", "--section", a, "--format", "csv", "--out", file.toString()))
                .satisfies(r -> assertThat(r.code()).isEqualTo(1))
                .satisfies(r -> assertThat(r.err()).contains("Rapport inconnu : cash-flow"));
        assertThat(run("report", "trial-balance", "--section", "NOPE", "--format", "csv").err()).contains("Section inconnue : NOPE");
        assertThat(run("report", "trial-balance", "--section", a, "--format", "odt").err()).contains("Format inconnu : odt");
        assertThat(run("report", "journal", "--section", a, "--format", "csv", "--journal", "ZZ").err())
                .contains("Journal inconnu : ZZ");
        assertThat(run("report", "general-ledger", "--section", "ALL", "--format", "csv").err()).contains("se fait par section");
        assertThat(run("report", "statement", "--section", a, "--format", "csv").err()).contains("--account ID");
        assertThat(run("report", "trial-balance", "--section", a, "--from", "2025-12-31", "--to", "2025-01-01", "--format", "csv",
                "--out", file.toString()).code()).isEqualTo(1);
        assertThat(run("report", "member-balances", "--section", a, "--threshold", "beaucoup", "--format", "csv").code()).isEqualTo(1);
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
        assertThat(stdout.toByteArray()).isEmpty();
        // picocli itself refuses a missing option
        assertThat(run("report", "trial-balance", "--format", "csv").code()).isNotZero();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
