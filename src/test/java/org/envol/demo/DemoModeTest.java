package org.envol.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.envol.members.Member;
import org.envol.members.MemberService;
import org.envol.security.Authorities;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Demo mode: one user per role, and « pilote » is the login of the member Claire Martin (her account only). */
@SpringBootTest(properties = "envol.test.database=demo-mode")
@Import(DemoModeTest.FixedDay.class)
class DemoModeTest {

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock demoClock() {
            return Clock.fixed(LocalDate.of(2026, 9, 15).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));
        }
    }

    @Autowired
    DemoClub club;
    @Autowired
    UserService users;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService details;
    @Autowired
    Environment environment;

    @Test
    void thePilotIsTheLoginOfAMemberAndReadsHerAccountOnly() {
        new DemoMode(club, users, members, environment).run(null);
        SystemActor.run("test", () -> {
            Member claire = members.findByEmail(DemoClub.email(DemoClub.GLIDER_PILOTS.get(0))).orElseThrow();
            MemberService.Details d = members.get(claire.id());
            assertThat(d.login().username()).isEqualTo("pilote");
            long account = d.stays().get(0).account().id();
            assertThat(details.loadUserByUsername("pilote").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .containsExactlyInAnyOrder(Authorities.section(d.stays().get(0).section().id(), org.envol.security.Role.MEMBER),
                            Authorities.account(account));
            assertThat(users.list()).extracting(u -> u.username()).contains("admin", "tresorier", "comptable", "pilote");
        });
        // a second start adds nothing
        new DemoMode(club, users, members, environment).run(null);
    }
}
