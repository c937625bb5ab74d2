package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFlyersFileTest {

    static final Charset CP1252 = Charset.forName("windows-1252");

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withBom(String text) {
        byte[] body = utf8(text);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    static OpenFlyersException refusal(byte[] bytes) {
        try {
            OpenFlyersFile.read(bytes);
        } catch (OpenFlyersException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void semicolonOrTabBetweenFieldsDecidedOnTheFirstLine() {
        OpenFlyersFile semi = OpenFlyersFile.read(utf8("a;b;c\n1;2;3\n"));
        assertThat(semi.separator()).isEqualTo(';');
        assertThat(semi.rows().get(1).fields()).containsExactly("1", "2", "3");
        OpenFlyersFile tab = OpenFlyersFile.read(utf8("a\tb\tc\r\n1\t2;x\t3\r\n"));
        assertThat(tab.separator()).isEqualTo('\t');
        assertThat(tab.rows().get(1).fields()).containsExactly("1", "2;x", "3");
    }

    @Test
    void utf8WithOrWithoutBomAndWindows1252() {
        OpenFlyersFile plain = OpenFlyersFile.read(utf8("Nom\nDÉBÂT Zoé\n"));
        assertThat(plain.encoding()).isEqualTo("UTF-8");
        assertThat(plain.rows().get(1).get(0)).isEqualTo("DÉBÂT Zoé");
        OpenFlyersFile bom = OpenFlyersFile.read(withBom("Nom\nDÉBÂT Zoé\n"));
        assertThat(bom.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(bom.rows().get(0).get(0)).isEqualTo("Nom");
        OpenFlyersFile ansi = OpenFlyersFile.read("Nom\nŒUVRE Zoé 12 €\n".getBytes(CP1252));
        assertThat(ansi.encoding()).isEqualTo("Windows-1252");
        assertThat(ansi.rows().get(1).get(0)).isEqualTo("ŒUVRE Zoé 12 €");
    }

    @Test
    void aQuotedFieldMayHoldTheSeparatorAndLineNumbersCountBlankLines() {
        OpenFlyersFile f = OpenFlyersFile.read(utf8("a;b\n\n\"DUPOND; Jean\";\"x \"\"y\"\"\"\n;;\n3;4"));
        assertThat(f.rows()).extracting(OpenFlyersFile.Row::line).containsExactly(1, 3, 5);
        assertThat(f.rows().get(1).fields()).containsExactly("DUPOND; Jean", "x \"y\"");
    }

    @Test
    void amountsWithDecimalCommaOrPointTrailingZerosStrippedAndThousandsSpaces() {
        assertThat(OpenFlyersFile.amount("2.1", 4)).isEqualTo(210);
        assertThat(OpenFlyersFile.amount("2,1", 4)).isEqualTo(210);
        assertThat(OpenFlyersFile.amount("-125.50", 4)).isEqualTo(-12550);
        assertThat(OpenFlyersFile.amount("1 234,56", 4)).isEqualTo(123456);
        assertThat(OpenFlyersFile.amount("300", 4)).isEqualTo(30000);
        for (String bad : List.of("12.345", "abc", "1,2,3", "")) {
            assertThatThrownBy(() -> OpenFlyersFile.amount(bad, 7))
                    .isInstanceOfSatisfying(OpenFlyersException.class, e -> {
                        assertThat(e.key()).isEqualTo("openflyers.file.amount");
                        assertThat(e.args()).containsExactly(7, bad);
                    });
        }
    }

    @Test
    void emptyFilesAndUnclosedQuotesAreRefusedNamingTheLine() {
        assertThat(refusal(new byte[0]).key()).isEqualTo("openflyers.file.empty");
        OpenFlyersException blank = refusal(utf8("\n ; \n\n"));
        assertThat(blank.key()).isEqualTo("openflyers.file.empty");
        assertThat(blank.args()).containsExactly(1);
        OpenFlyersException quote = refusal(utf8("a;b\n1;2\n\"open;3\n4;5\n"));
        assertThat(quote.key()).isEqualTo("openflyers.file.malformed");
        assertThat(quote.args()).containsExactly(3);
    }

    @Test
    void tooManyLinesIsRefusedNamingTheFirstOneOver() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= OpenFlyersFile.LINES_MAX; i++) {
            b.append("1;2\n");
        }
        OpenFlyersException e = refusal(utf8(b.toString()));
        assertThat(e.key()).isEqualTo("openflyers.file.tooManyLines");
        assertThat(e.args()).containsExactly(OpenFlyersFile.LINES_MAX + 1, OpenFlyersFile.LINES_MAX);
    }
}
