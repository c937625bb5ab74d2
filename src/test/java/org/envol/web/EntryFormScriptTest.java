package org.envol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envol.ledger.Money;
import org.envol.testing.Books;
import org.envol.testing.Browser;
import org.envol.testing.PageFiles;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The free entry form's script in headless Chromium, on the page as the server renders it:
 * the running imbalance while typing, lines added and removed, and amounts read with the same
 * rules as {@link Money#parse}. ENVOL_CHROME and ENVOL_CHROMEDRIVER point at the browser and
 * its driver (Debian's chromium and chromedriver by default).
 */
class EntryFormScriptTest extends PageTestSupport {

    private static Browser chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        chromium = new Browser(0);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void openForm(String lang) throws Exception {
        Books.Club club = club();
        String html = mvc.perform(get("/entries/new" + lang).with(treasurer(club))).andReturn().getResponse().getContentAsString();
        Path dir = Files.createTempDirectory("envol-form");
        browser.get(PageFiles.save(html, dir, "form.html").toUri().toString());
    }

    private String imbalance() {
        return browser.findElement(By.cssSelector("[data-imbalance-text]")).getText();
    }

    private void type(String name, String text) {
        var field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void showsTheRunningImbalanceWhileTypingAndKeepsLinesNumbered() throws Exception {
        openForm("");
        type("lines[0].debit", "1 234,56");
        type("lines[1].credit", "1000");
        assertThat(imbalance()).isEqualTo("Écart : 234,56 € (débits − crédits)");
        assertThat(browser.findElement(By.cssSelector("[data-total-debit]")).getText()).isEqualTo("1\u202F234,56");

        browser.findElement(By.cssSelector("[data-add-line]")).click();
        type("lines[2].credit", "234,56");
        assertThat(imbalance()).isEqualTo("Équilibrée");

        // removing line 2 renumbers the third one, for the server and on screen
        browser.findElements(By.cssSelector("[data-remove-line]")).get(1).click();
        assertThat(browser.findElement(By.name("lines[1].credit")).getAttribute("value")).isEqualTo("234,56");
        assertThat(browser.findElements(By.name("lines[2].credit"))).isEmpty();
        assertThat(browser.findElement(By.id("line-2")).findElement(By.cssSelector("[data-line-no]")).getText()).isEqualTo("2");
        assertThat(imbalance()).isEqualTo("Écart : 1\u202F000,00 € (débits − crédits)");

        type("lines[0].debit", "12,3,4");
        assertThat(imbalance()).startsWith("Ligne 1 : montant illisible");
    }

    @Test
    void speaksEnglishOnTheEnglishPage() throws Exception {
        openForm("?lang=en");
        type("lines[0].debit", "1,234.5");
        type("lines[1].credit", "1234,5");
        assertThat(imbalance()).isEqualTo("Balanced");
        type("lines[1].credit", "1");
        assertThat(imbalance()).isEqualTo("Difference: 1,233.50 € (debits − credits)");
    }

    @Test
    void readsAmountsWithTheServersRules() throws Exception {
        openForm("");
        List<String> samples = new ArrayList<>(List.of("1 234,56", "1234.56", "-12", "12,5", "1.234,56", "1,234.56", "12,3,4",
                "12,345", "1.2.3", "+7", "12.", "0,00", "-0", "€ 5", "5 €", "1\u202F234,56", "1\u00A0234", "", " ", "abc",
                ",5", "--1", "1,2.3,4"));
        Random random = new Random(20_250_101L);
        String alphabet = "0123456789,. -+€\u202F\u00A0x";
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(s.toString());
        }
        @SuppressWarnings("unchecked")
        List<String> script = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].map(function (s) { var c = envol.parseCents(s);"
                        + " return c === null || isNaN(c) ? 'none' : String(c); });", samples);
        for (int i = 0; i < samples.size(); i++) {
            String server = Money.parse(samples.get(i)).map(String::valueOf).orElse("none");
            assertThat(script.get(i)).as("« %s »", samples.get(i)).isEqualTo(server);
        }
    }
}
