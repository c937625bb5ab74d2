package org.envol.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile: fills an empty database with the demo club and prints where to
 * go and how to sign in. Demo passwords exist only in this mode.
 */
@Component
@Profile("demo")
class DemoMode implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    private final DemoClub club;
    private final Environment environment;

    DemoMode(DemoClub club, Environment environment) {
        this.club = club;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (club.alreadyThere()) {
            log.info("Demo club already present: nothing added.");
            return;
        }
        club.create();
        log.info("Demo club created: sections Planeur and Avion.");
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.warn("\n\n  Envol (démo) : http://localhost:{}/\n\n", port);
    }
}
