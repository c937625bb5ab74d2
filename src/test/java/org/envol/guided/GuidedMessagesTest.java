package org.envol.guided;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The texts the guided pages build their keys for (and so no template check sees): each code,
 * kind, slot and payment mode has its French and English text. (French/English parity of the
 * whole bundle is MessageBundlesTest's.)
 */
class GuidedMessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = GuidedMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> keysBuiltInCode() {
        List<String> keys = new ArrayList<>();
        for (GuidedCode c : GuidedCode.values()) {
            keys.add("guided.rejection." + c.name());
        }
        for (GuidedKind k : GuidedKind.values()) {
            keys.add("guided.kind." + k.name() + ".title");
            keys.add("guided.kind." + k.name() + ".intro");
            keys.add("guided.label." + k.name());
            k.slots().forEach(s -> keys.add("guided.slot." + k.name() + "." + s.name()));
        }
        for (PaymentMode m : PaymentMode.values()) {
            keys.add("guided.mode." + m.name());
        }
        return keys;
    }

    @Test
    void everyKeyBuiltInCodeHasItsFrenchAndEnglishText() throws IOException {
        for (String name : List.of("guided", "guided_en")) {
            assertThat(bundle(name).stringPropertyNames()).as(name).containsAll(keysBuiltInCode());
        }
    }

    @Test
    void theBundleIsLoadedByTheApplicationAndTheTests() throws IOException {
        for (String file : List.of("src/main/resources/application.properties", "src/test/resources/application.properties")) {
            Properties p = new Properties();
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertThat(p.getProperty("spring.messages.basename").split(",")).as(file).contains("i18n/guided");
        }
    }
}
