package org.envol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.envol.ledger.RejectionCode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every French text has its English twin, and every rejection code has its message. */
class MessageBundlesTest {

    static Properties load(Resource r) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        assertThat(bundles).isNotEmpty();
        for (Resource french : bundles) {
            String name = french.getFilename();
            if (name.contains("_")) {
                continue;
            }
            Resource english = french.createRelative(name.replace(".properties", "_en.properties"));
            assertThat(english.exists()).as(name + " has an English twin").isTrue();
            if (isCommandLineHelp(french)) {
                // the French of the commands' help is in their annotations, cli.properties has only picocli's
                // own texts: English has those and more (CommandTextsTest checks it has every text)
                assertThat(load(english).stringPropertyNames()).as(name).containsAll(load(french).stringPropertyNames());
                continue;
            }
            assertThat(load(english).stringPropertyNames()).as(name).containsExactlyInAnyOrderElementsOf(load(french).stringPropertyNames());
        }
    }

    /** The command line's help (i18n/cli*), read by picocli, not by Spring's MessageSource. */
    static boolean isCommandLineHelp(Resource bundle) {
        return bundle.getFilename().matches("cli(_[a-z]+)?\\.properties");
    }

    /**
     * Messages go through MessageFormat (always-use-message-format): a lone ' would swallow text.
     * Picocli formats the command line's help with String.format, which would print '' twice: ’ there.
     */
    @Test
    void apostrophesAreDoubledOrTypographic() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        assertThat(bundles).anyMatch(MessageBundlesTest::isCommandLineHelp);
        for (Resource bundle : bundles) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = isCommandLineHelp(bundle) ? p.getProperty(key) : p.getProperty(key).replace("''", "");
                assertThat(text).as(bundle.getFilename() + " " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void everyRejectionCodeHasAMessage() throws IOException {
        Properties ledger = load(new PathMatchingResourcePatternResolver().getResource("classpath:i18n/ledger.properties"));
        assertThat(ledger.stringPropertyNames()).containsAll(
                Arrays.stream(RejectionCode.values()).map(c -> "rejection." + c.name()).toList());
    }
}
