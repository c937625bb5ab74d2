package org.envol.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.members.Member;
import org.envol.members.MemberData;
import org.envol.members.MemberService;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.envol.testing.Books;
import org.envol.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A treasurer records a member's payment on the guided screen and finds it on the member's
 * statement; the member signs in and sees the new balance on the home page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberPaymentBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Books books;
    @Autowired
    UserService users;
    @Autowired
    MemberService members;
    @Autowired
    LedgerService ledger;

    @Test
    void aPaymentRecordedByTheTreasurerIsOnTheMembersStatementAndBalance() {
        int year = LocalDate.now().getYear();
        Books.Club club = books.club("PAY", year);
        Account member = SystemActor.run("test", () -> {
            users.create("tresorier-pay", "Trésorier", "mot-de-passe-solide", List.of(Grant.inSection(club.id(), Role.TREASURER)));
            Member claire = members.create(new MemberData("Martin", "Claire", "claire.martin@example.org", LocalDate.of(1990, 4, 2),
                    null), List.of(club.id()), LocalDate.of(year, 1, 1));
            members.createLogin(claire.id(), "claire", "mot-de-passe-de-claire");
            Account account = members.get(claire.id()).stays().get(0).account();
            // her flights so far: 120 € owed
            ledger.post(EntryDraft.manual(club.id(), "VT", LocalDate.of(year, 1, 10), "Vols de janvier", null,
                    List.of(LineDraft.of(account.id(), 120_00), LineDraft.of(club.income().id(), -120_00))));
            return account;
        });

        try (Browser browser = new Browser(port)) {
            signIn(browser, "tresorier-pay", "mot-de-passe-solide");

            // the guided screen offers the member's account and the bank
            browser.open("/guided/member-payment");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                    browser.find(By.id("guided-date")), LocalDate.of(year, 1, 20).toString());
            browser.type(By.id("guided-amount"), "85,00");
            new Select(browser.find(By.id("guided-paymentMode"))).selectByValue("CHEQUE");
            browser.type(By.id("guided-reference"), "4455667");
            new Select(browser.find(By.id("guided-member"))).selectByValue(Long.toString(member.id()));
            new Select(browser.find(By.id("guided-treasury"))).selectByValue(Long.toString(club.bank().id()));
            browser.click(By.cssSelector("form.guided-form button[type='submit']"));
            browser.waitForText(By.id("guided-posted"), "MARTIN Claire");

            // on the member's statement
            browser.open("/accounts/" + member.id());
            browser.waitForText(By.tagName("main"), "4455667");
            assertThat(browser.text(By.tagName("main"))).contains("85,00").contains("35,00");
            signOut(browser);

            // the member signs in and sees 35 € still owed, and the payment on her statement
            signIn(browser, "claire", "mot-de-passe-de-claire");
            browser.open("/");
            browser.waitForText(By.id("own-accounts"), "MARTIN Claire");
            assertThat(browser.text(By.id("own-accounts"))).contains("35,00");
            browser.screenshot(Path.of("target", "screenshots", "member-home.png"));
            browser.click(By.cssSelector("#own-accounts a[href='/accounts/" + member.id() + "']"));
            browser.waitForText(By.tagName("main"), "4455667");
        }
    }

    static void signIn(Browser browser, String username, String password) {
        browser.open("/login");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.find(By.id("password")).submit();
        browser.waitForUrl("/");
    }

    static void signOut(Browser browser) {
        browser.click(By.cssSelector("form.logout button[type='submit']"));
        browser.waitForUrl("/login");
    }
}
