package org.envol.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envol.openflyers.AccountMappings;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.envol.testing.Books;
import org.envol.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenFlyers journal sync screen in a real browser: a treasurer uploads the general ledger,
 * maps the member's OpenFlyers account inline, applies the new flows, re-uploads the same file
 * (nothing changes), then a file with a changed amount, and finds the new amount on the
 * member's statement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenFlyersJournalBrowserTest {

    static final int YEAR = 2025;

    @LocalServerPort
    int port;
    @Autowired
    Books books;
    @Autowired
    UserService users;
    @Autowired
    AccountMappings mappings;

    @TempDir
    Path dir;

    /** OpenFlyers' general ledger for March: DUPONT Jean (317) owes two flights billed to « Heures de vol » (706). */
    Path ledgerFile(String name, String firstFlight) throws IOException {
        String text = "Grand livre du 01/03/" + YEAR + " au 31/03/" + YEAR + "\n"
                + "Nom de compte;DUPONT Jean\nNuméro de compte OF;317\n"
                + ";;;;x;1001;05/03/" + YEAR + ";Vol F-GXYZ;" + firstFlight + ";0,00\nHeures de vol;706;70611;;x\n"
                + ";;;;x;1002;06/03/" + YEAR + ";Vol F-GABC;10,00;0,00\nHeures de vol;706;70611;;x\n";
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toAbsolutePath();
    }

    @Test
    void syncMapInlineResyncChangeAndSeeTheStatement() throws IOException {
        Books.Club club = books.club(YEAR);
        SystemActor.run("test", () -> {
            users.create("tresorier-of-journal", "Trésorier", "mot-de-passe-solide", List.of(Grant.inSection(club.id(), Role.TREASURER)));
            // the income account is already mapped; the member's is not
            return mappings.map(club.id(), "706", "Heures de vol", club.income().id());
        });

        try (Browser browser = new Browser(port)) {
            MemberPaymentBrowserTest.signIn(browser, "tresorier-of-journal", "mot-de-passe-solide");

            // upload: the member's account waits to be mapped, nothing can be applied yet
            upload(browser, ledgerFile("grand-livre.csv", "150,00"));
            browser.waitForText(By.id("unmapped"), "DUPONT Jean (317)");
            assertThat(browser.text(By.id("flows"))).contains("Compte à associer");
            assertThat(browser.driver().findElements(By.cssSelector("#flows input[name='flow']"))).isEmpty();

            // map it inline to the member's account: both flows become new and ticked
            new Select(browser.find(By.cssSelector("#unmapped select[name='account']"))).selectByValue(Long.toString(club.member().id()));
            browser.click(By.cssSelector("#unmapped button[type='submit']"));
            browser.waitForText(By.cssSelector("#flows tr[data-flow='1001']"), "Nouveau");
            assertThat(browser.text(By.cssSelector("#flows tr[data-flow='1002']"))).contains("Nouveau");
            assertThat(browser.driver().findElements(By.id("unmapped"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#flows input[name='flow']:checked"))).hasSize(2);
            browser.click(By.cssSelector("#apply button[type='submit']"));
            browser.waitForText(By.cssSelector(".notice"), "2 écriture(s) créée(s)");

            // the same file again: nothing to do
            upload(browser, ledgerFile("grand-livre-bis.csv", "150,00"));
            browser.waitForText(By.cssSelector("#flows tr[data-flow='1001']"), "Inchangé");
            assertThat(browser.text(By.cssSelector("#flows tr[data-flow='1002']"))).contains("Inchangé");

            // the first flight's amount changed in OpenFlyers
            upload(browser, ledgerFile("grand-livre-corrige.csv", "175,50"));
            browser.waitForText(By.cssSelector("#flows tr[data-flow='1001']"), "Modifié");
            assertThat(browser.text(By.cssSelector("#flows tr[data-flow='1001']"))).contains("175,50");
            assertThat(browser.text(By.cssSelector("#flows tr[data-flow='1002']"))).contains("Inchangé");
            browser.click(By.cssSelector("#apply button[type='submit']"));
            browser.waitForText(By.cssSelector(".notice"), "1 remplacée(s)");

            // the member's statement: the new amount, and the balance 175,50 + 10,00
            browser.open("/accounts/" + club.member().id() + "?from=" + YEAR + "-01-01&to=" + YEAR + "-12-31");
            browser.waitForText(By.tagName("main"), "Vol F-GXYZ");
            assertThat(browser.text(By.tagName("main"))).contains("175,50").contains("185,50").doesNotContain("150,00");
            browser.screenshot(Path.of("target", "screenshots", "openflyers-journal-statement.png"));
        }
    }

    private static void upload(Browser browser, Path file) {
        browser.open("/openflyers/journal");
        browser.find(By.cssSelector("#upload input[type='file']")).sendKeys(file.toString());
        browser.click(By.cssSelector("#upload button[type='submit']"));
    }
}
