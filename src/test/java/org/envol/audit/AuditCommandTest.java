package org.envol.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Entry;
import org.envol.ledger.LedgerService;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code envol audit verify} on an intact chain, then on one changed behind the application's back. */
@SpringBootTest
class AuditCommandTest {

    @Autowired
    Commands commands;
    @Autowired
    LedgerService ledger;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void verifyReportsAnIntactChainThenTheFirstBrokenLink() {
        Club club = books.club(2025);
        List<Entry> entries = SystemActor.run("test", () -> {
            LocalDate day = LocalDate.of(2025, 6, 1);
            List<Entry> posted = List.of(ledger.post(club.draft(day, "a", club.bank(), club.member(), 100)),
                    ledger.post(club.draft(day, "b", club.bank(), club.member(), 200)));
            ledger.freeze(posted.stream().map(Entry::id).toList());
            return posted;
        });
        String[] ok = run("audit", "verify");
        assertThat(ok[0]).isEqualTo("0");
        assertThat(ok[1]).contains("Section " + club.section().code() + " : chaîne intacte, 2 écritures validées vérifiées.");

        jdbc.sql("drop trigger entry_frozen_guard").update();
        jdbc.sql("update entry set label = 'falsifié' where id = ?").param(entries.get(1).id()).update();
        jdbc.sql("create trigger entry_frozen_guard before update, delete on entry for each row call"
                + " 'org.envol.ledger.H2Guards$FrozenEntry'").update();
        String[] broken = run("audit", "verify");
        assertThat(broken[0]).isEqualTo("1");
        assertThat(broken[1]).contains("CHAÎNE ROMPUE après 1 maillons sains").contains("écriture " + entries.get(1).id())
                .contains("OD-2");
    }
}
