package org.envol.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.envol.ledger.Section;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.envol.testing.Books;
import org.envol.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The treasurer's critical journey in a real browser (headless Chromium): sign in, post an
 * entry with the free form, find it in the general journal and the trial balance, validate it,
 * try to change it and be refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TreasurerJourneyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Books books;
    @Autowired
    UserService users;

    @Test
    void postFindValidateAndBeRefusedToChange() {
        Books.Club club = books.club("NAV", 2025);
        Section section = club.section();
        SystemActor.run("test", () -> users.create("tresoriere", "Trésorière", "mot-de-passe-solide",
                List.of(Grant.inSection(section.id(), Role.TREASURER))));

        try (Browser browser = new Browser(port)) {
            // sign in
            browser.open("/journal");
            browser.waitForUrl("/login");
            browser.type(By.id("username"), "tresoriere");
            browser.type(By.id("password"), "mot-de-passe-solide");
            browser.find(By.id("password")).submit();
            browser.waitForUrl("/journal");

            // post an entry with the free form, watching the imbalance while typing
            browser.open("/entries/new");
            new Select(browser.find(By.id("entry-journal"))).selectByValue("BQ");
            WebElement date = browser.find(By.id("entry-date"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2025-03-15'", date);
            browser.type(By.id("entry-label"), "Règlement Dupont en ligne");
            new Select(browser.find(By.name("lines[0].accountId"))).selectByValue(Long.toString(club.bank().id()));
            browser.type(By.name("lines[0].debit"), "120,50");
            new Select(browser.find(By.name("lines[1].accountId"))).selectByValue(Long.toString(club.member().id()));
            browser.type(By.name("lines[1].credit"), "120");
            browser.waitForText(By.id("entry-total"), "0,50");
            browser.type(By.name("lines[1].credit"), "120,50");
            browser.click(By.cssSelector("button[name='action'][value='post']"));
            browser.waitForUrl("/entries/");
            String entryUrl = browser.driver().getCurrentUrl();
            String entryId = entryUrl.substring(entryUrl.lastIndexOf('/') + 1);
            assertThat(browser.pageSource()).contains("Règlement Dupont en ligne");

            // in the general journal and the trial balance
            browser.open("/journal?text=Dupont+en+ligne");
            browser.waitForText(By.tagName("main"), "Règlement Dupont en ligne");
            browser.open("/trial-balance?from=2025-01-01&to=2025-12-31");
            browser.waitForText(By.tagName("main"), "120,50");
            assertThat(browser.text(By.tagName("main"))).contains("512 Banque").contains("411 Dupont Jean");

            // validate it from the journal's selection
            browser.open("/journal?text=Dupont+en+ligne");
            browser.click(By.cssSelector("input[name='ids'][value='" + entryId + "']"));
            ((JavascriptExecutor) browser.driver()).executeScript("window.confirm = function () { return true; };");
            browser.click(By.cssSelector("form.journal button[type='submit']"));
            browser.waitForText(By.cssSelector("#content .notice"), "1 écriture validée");
            browser.open("/entries/" + entryId);
            browser.waitForText(By.tagName("main"), "BQ-1");
            browser.screenshot(Path.of("target", "screenshots", "entry-validated.png"));

            // try to change it: refused, with the reason
            assertThat(browser.driver().findElements(By.cssSelector("a[href$='/entries/" + entryId + "/edit']"))).isEmpty();
            browser.open("/entries/" + entryId + "/edit");
            browser.waitForUrl("/entries/" + entryId);
            browser.waitForText(By.cssSelector("#content .errors"), "validée (gelée)");
            assertThat(browser.text(By.cssSelector("#content .errors"))).contains("BQ-1").contains("ne peut plus être modifiée");
        }
    }
}
