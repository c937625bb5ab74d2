package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The French and English texts of the security feature have the same keys, and every rejection has its text. */
class SecurityMessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = SecurityMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("security_en").stringPropertyNames()).isEqualTo(load("security").stringPropertyNames());
    }

    @Test
    void everyRejectionAndRoleHasItsText() throws IOException {
        Properties fr = load("security");
        assertThat(Arrays.stream(UserRejection.values()).map(r -> "security.rejection." + r.name()))
                .allMatch(fr::containsKey);
        assertThat(Arrays.stream(Role.values()).map(r -> "security.role." + r.name())).allMatch(fr::containsKey);
    }

    @Test
    void noPlainApostropheThatMessageFormatWouldEat() throws IOException {
        Properties fr = load("security");
        // with arguments MessageFormat drops a lone ', without them Spring shows '' doubled: use ’
        assertThat(fr.stringPropertyNames()).filteredOn(k -> fr.getProperty(k).contains("{0"))
                .allSatisfy(k -> assertThat(fr.getProperty(k)).as(k).doesNotContain("'"));
    }
}
