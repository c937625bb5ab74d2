package org.envol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key a template names exists in a bundle. */
class WebMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = WebMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyMessageKeyInTheTemplatesExists() throws IOException {
        Set<String> known = new HashSet<>();
        // every French bundle the application loads (French/English parity is MessageBundlesTest's)
        Properties application = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            application.load(in);
        }
        for (String basename : application.getProperty("spring.messages.basename").split(",")) {
            known.addAll(bundle(basename.strip().substring("i18n/".length())).stringPropertyNames());
        }
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
