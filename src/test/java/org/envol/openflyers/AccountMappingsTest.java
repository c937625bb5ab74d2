package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.testing.Acting;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class AccountMappingsTest {

    @Autowired
    AccountMappings mappings;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    Books.Club club;
    Books.Club other;

    @BeforeEach
    void clubs() {
        club = books.club(2025);
        other = books.club(2025);
    }

    List<String> treasurer(Books.Club c) {
        return List.of(Authorities.section(c.id(), Role.TREASURER));
    }

    @Test
    void anOpenFlyersAccountIsMappedPerSectionRemappedOrIgnored() {
        Acting.as("t", treasurer(club), () -> mappings.map(club.id(), " 317 ", "DUPONT Jean", club.member().id()));
        Acting.as("t", treasurer(other), () -> mappings.map(other.id(), "317", "DUPONT Jean", other.member().id()));
        assertThat(SystemActor.run("t", () -> mappings.find(club.id(), "317")).orElseThrow().accountId()).isEqualTo(club.member().id());
        assertThat(SystemActor.run("t", () -> mappings.find(other.id(), "317")).orElseThrow().accountId()).isEqualTo(other.member().id());

        Acting.as("t", treasurer(club), () -> mappings.map(club.id(), "317", "DUPONT Jean", null));
        AccountMapping ignored = SystemActor.run("t", () -> mappings.find(club.id(), "317")).orElseThrow();
        assertThat(ignored.ignored()).isTrue();
        assertThat(SystemActor.run("t", () -> mappings.toPrefix(club.id(), "411"))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'openflyers_account' and section_id = ?")
                .param(club.id()).query(Long.class).single()).isEqualTo(2);

        Acting.as("t", treasurer(club), () -> mappings.remove(club.id(), "317"));
        assertThat(SystemActor.run("t", () -> mappings.find(club.id(), "317"))).isEmpty();
    }

    @Test
    void onlyAnAccountOfTheSectionByItsTreasurer() {
        assertThatThrownBy(() -> SystemActor.run("admin", () -> mappings.map(club.id(), "12", "Banque", other.bank().id())))
                .isInstanceOfSatisfying(OpenFlyersException.class, e -> assertThat(e.key()).isEqualTo("openflyers.mapping.account.otherSection"));
        assertThatThrownBy(() -> Acting.as("t", treasurer(other), () -> mappings.map(club.id(), "12", "Banque", club.bank().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Acting.as("t", treasurer(club), () -> mappings.map(club.id(), " ", "Banque", club.bank().id())))
                .isInstanceOfSatisfying(OpenFlyersException.class, e -> assertThat(e.key()).isEqualTo("openflyers.mapping.id.invalid"));
        assertThat(SystemActor.run("t", () -> mappings.all(club.id()))).isEmpty();
    }

    @PostgresTest
    static class OnPostgres extends AccountMappingsTest {
    }
}
