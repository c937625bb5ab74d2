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
            assertThat(load(english).stringPropertyNames()).as(name).containsExactlyInAnyOrderElementsOf(load(french).stringPropertyNames());
        }
    }

    /** Messages go through MessageFormat (always-use-message-format): a lone ' would swallow text. */
    @Test
    void apostrophesAreDoubledOrTypographic() throws IOException {
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key).replace("''", "")).as(bundle.getFilename() + " " + key).doesNotContain("'");
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
