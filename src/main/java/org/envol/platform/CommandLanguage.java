package org.envol.platform;

import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command line's language: French, whatever the machine's locale (servers and CI often run
 * with {@code LANG=C} or {@code en_US}); English when the environment variable
 * {@code ENVOL_LANG=en} is set, or the setting {@code --envol.lang=en} (Spring reads the variable
 * as that setting). Both the help and what the commands print follow it.
 */
@Component
public class CommandLanguage {

    /** The setting; {@code ENVOL_LANG} in the environment. */
    public static final String SETTING = "envol.lang";

    private final Environment environment;

    CommandLanguage(Environment environment) {
        this.environment = environment;
    }

    public Locale locale() {
        return of(environment.getProperty(SETTING));
    }

    /** {@code en}, {@code EN}, {@code en_GB.UTF-8}… are English; anything else, or nothing, French. */
    static Locale of(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }
}
