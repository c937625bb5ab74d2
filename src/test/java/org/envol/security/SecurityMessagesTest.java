package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every rejection and role of the security feature has its text (platform's MessageBundlesTest checks the pairs). */
class SecurityMessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = SecurityMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyRejectionAndRoleHasItsText() throws IOException {
        Properties fr = load("security");
        assertThat(Arrays.stream(UserRejection.values()).map(r -> "security.rejection." + r.name()))
                .allMatch(fr::containsKey);
        assertThat(Arrays.stream(Role.values()).map(r -> "security.role." + r.name())).allMatch(fr::containsKey);
    }
}
