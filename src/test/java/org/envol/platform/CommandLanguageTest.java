package org.envol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.envol.ledger.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The command line speaks French whatever the machine's locale, English with {@code ENVOL_LANG=en}:
 * its help and what its commands print. The environment is a made-up one, never the real one; the
 * JVM's default locale is English here, as on a server with {@code LANG=en_US}.
 */
@SpringBootTest
class CommandLanguageTest {

    private static final AtomicInteger SECTIONS = new AtomicInteger();

    @Autowired
    ApplicationContext context;
    @Autowired
    Messages messages;

    private Locale defaultLocale;

    @BeforeEach
    void englishMachine() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(defaultLocale);
    }

    /** An environment whose only variables are {@code variables}, as the operating system would give them. */
    static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    record Run(int code, String out, String err) {
    }

    Run run(Map<String, Object> variables, String... args) {
        Commands commands = new Commands(context, messages, new CommandLanguage(environment(variables)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    Run french(String... args) {
        return run(Map.of("LANG", "en_US.UTF-8"), args);
    }

    Run english(String... args) {
        return run(Map.of("ENVOL_LANG", "en"), args);
    }

    @Test
    void frenchUnlessTheVariableSaysEnglish() {
        assertThat(new CommandLanguage(environment(Map.of())).locale()).isEqualTo(Locale.FRENCH);
        assertThat(new CommandLanguage(environment(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "C"))).locale()).isEqualTo(Locale.FRENCH);
        assertThat(new CommandLanguage(environment(Map.of("ENVOL_LANG", "en"))).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(CommandLanguage.of("EN")).isEqualTo(Locale.ENGLISH);
        assertThat(CommandLanguage.of(" en_GB.UTF-8 ")).isEqualTo(Locale.ENGLISH);
        assertThat(CommandLanguage.of("fr")).isEqualTo(Locale.FRENCH);
        assertThat(CommandLanguage.of("de")).isEqualTo(Locale.FRENCH);
        assertThat(CommandLanguage.of("")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void helpIsFrenchOnAnEnglishMachine() {
        Run help = french("close-year", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Utilisation : envol close-year")
                .contains("Clôture de l’exercice d’une section qui commence en YYYY")
                .contains("--section=CODE").contains("Code de la section.")
                .contains("Affiche cette aide et quitte.").contains("Commandes :").contains("confirm-bank")
                .doesNotContain("Usage:").doesNotContain("Show this help");
        assertThat(french("user", "add", "--help").out()).contains("IDENTIFIANT").contains("Identifiant de l’utilisateur.")
                .contains("Affiche la version et quitte.");
        assertThat(french("help", "report").out()).contains("Écrit un rapport");
    }

    @Test
    void theVersionIsTheBuildsOrDevFromTheClasses() {
        Run version = french("--version");
        assertThat(version.code()).isZero();
        // run from target/classes here: no jar manifest
        assertThat(version.out().strip()).isEqualTo("Envol dev");
    }

    @Test
    void helpIsEnglishWithEnvolLangEn() {
        Run help = english("close-year", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: envol close-year")
                .contains("Closing of a section’s fiscal year that starts in YYYY")
                .contains("--section=CODE").contains("Section code.")
                .contains("Show this help message and exit.").contains("Commands:")
                .doesNotContain("Code de la section").doesNotContain("Utilisation");
        assertThat(english("user", "add", "--help").out()).contains("USERNAME").doesNotContain("IDENTIFIANT")
                .contains("The user’s username.");
        assertThat(english("openflyers", "journal", "sync", "--help").out()).contains("--from=YYYY-MM-DD").contains("First day of the period.");
        assertThat(english("help", "report").out()).contains("Writes a report");
    }

    @Test
    void refusalsAreInTheCommandLineLanguage() {
        Run french = french("report", "trial-balance", "--section", "NOPE", "--format", "csv");
        assertThat(french.code()).isEqualTo(CommandRun.REFUSED);
        assertThat(french.err()).isEqualToIgnoringNewLines("Section inconnue : NOPE.");
        Run english = english("report", "trial-balance", "--section", "NOPE", "--format", "csv");
        assertThat(english.code()).isEqualTo(CommandRun.REFUSED);
        assertThat(english.err()).isEqualToIgnoringNewLines("Unknown section: NOPE.");
        assertThat(english("close-year", "confirm-bank", "--section", "NOPE", "--year", "2024", "--account", "1", "--balance", "1,00").err())
                .contains("Unknown section: NOPE.");
    }

    @Test
    void outcomesAreInTheCommandLineLanguage() {
        String code = "LANG-" + SECTIONS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        Run english = english("section", "add", code, "--name", "Glider");
        assertThat(english.code()).isZero();
        assertThat(english.out()).startsWith("Section " + code + " “Glider” created (id ");
        Run french = french("section", "add", code + "B", "--name", "Planeur");
        assertThat(french.out()).startsWith("Section " + code + "B « Planeur » créée (id ");
    }

    @Test
    void theCallersLanguageIsLeftAsItWas() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            english("section", "list");
            assertThat(LocaleContextHolder.getLocale()).isEqualTo(Locale.GERMAN);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
