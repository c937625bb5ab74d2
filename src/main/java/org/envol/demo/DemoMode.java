package org.envol.demo;

import java.util.List;
import org.envol.ledger.Section;
import org.envol.members.MemberService;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With the {@code demo} profile: fills an empty database with the demo club and one user per
 * role, and prints where to go and how to sign in. Demo passwords exist only in this mode.
 */
@Component
@Profile("demo")
class DemoMode implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    /** The one password of the demo users: printed at start, never used outside demo mode. */
    static final String PASSWORD = "envol-demo";

    private final DemoClub club;
    private final UserService users;
    private final MemberService members;
    private final Environment environment;

    DemoMode(DemoClub club, UserService users, MemberService members, Environment environment) {
        this.club = club;
        this.users = users;
        this.members = members;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (club.alreadyThere()) {
            log.info("Demo club already present: nothing added.");
            return;
        }
        List<Section> sections = club.create();
        SystemActor.run("demo", () -> {
            Section glider = sections.get(0);
            Section plane = sections.get(1);
            users.create("admin", "Admin Démo", PASSWORD, List.of(Grant.clubWide(Role.ADMIN)));
            users.create("tresorier", "Trésorier Démo", PASSWORD,
                    List.of(Grant.inSection(glider.id(), Role.TREASURER), Grant.inSection(plane.id(), Role.TREASURER)));
            users.create("comptable", "Comptable Démo", PASSWORD, List.of(Grant.clubWide(Role.ACCOUNTANT)));
            users.create("pilote", DemoClub.GLIDER_PILOTS.get(0), PASSWORD, List.of(Grant.inSection(glider.id(), Role.MEMBER)));
            // the login of the member Claire Martin: it reads her account
            members.linkLogin(members.findByEmail(DemoClub.email(DemoClub.GLIDER_PILOTS.get(0))).orElseThrow().id(), "pilote");
        });
        log.info("Demo club created: sections Planeur and Avion, users admin, tresorier, comptable, pilote.");
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.warn("""

                  Envol (démo) est prêt : http://localhost:{}/
                  Identifiants de démonstration (mot de passe « {} » pour tous) :
                    admin       administrateur
                    tresorier   trésorier des sections Planeur et Avion
                    comptable   comptable, lecture seule
                    pilote      membre de la section Planeur (son compte seulement)
                """, port, PASSWORD);
    }
}
