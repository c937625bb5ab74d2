package org.envol.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.LedgerService;
import org.envol.security.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * Base of the page tests: MockMvc with Spring Security, books set up as an admin, and users
 * holding a role in one section (the authorities Envol's security gives them).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PageTestSupport {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Books books;

    @Autowired
    protected LedgerService ledger;

    @Autowired
    protected EntrySearch search;

    protected static final int YEAR = LocalDate.now().getYear();

    /** A new section (its own code) with this year's fiscal year and four accounts. */
    protected Books.Club club() {
        return books.club("W" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), YEAR);
    }

    protected static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(YEAR, month, dayOfMonth);
    }

    protected static RequestPostProcessor treasurer(Books.Club club) {
        return role("tresorier", club, "TREASURER");
    }

    protected static RequestPostProcessor accountant(Books.Club club) {
        return role("verificateur", club, "ACCOUNTANT");
    }

    protected static RequestPostProcessor role(String name, Books.Club club, String role) {
        return user(name).authorities(new SimpleGrantedAuthority("SECTION_" + club.id() + "_" + role));
    }

    protected static RequestPostProcessor admin() {
        return user("admin").authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    /** Posts an entry as an admin (set-up, not the thing tested). */
    protected Entry posted(EntryDraft draft) {
        return SystemActor.run("test", () -> ledger.post(draft));
    }

    protected Entry draft(EntryDraft draft) {
        return SystemActor.run("test", () -> ledger.saveDraft(draft));
    }

    protected Entry frozen(EntryDraft draft) {
        Entry entry = posted(draft);
        return SystemActor.run("test", () -> ledger.freeze(List.of(entry.id())).frozen().get(0));
    }

    protected Entry entry(long id) {
        return SystemActor.run("test", () -> ledger.get(id));
    }

    /** The entries of the section, all statuses, in date order. */
    protected List<Entry> entries(Books.Club club) {
        return SystemActor.run("test", () -> search.search(EntryFilter.all(club.id()), 0, 500).entries());
    }

    /** The page's text as a reader sees it (entities such as &#39; decoded). */
    protected static String text(MvcResult result) throws java.io.UnsupportedEncodingException {
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
    }

    /** The id at the end of a redirect such as /entries/42. */
    protected static long redirectId(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }
}
