package org.envol.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every benchmark takes: picocli mixins. */
final class BenchOptions {

    private BenchOptions() {
    }

    /** {@code --seed}: the same seed generates the same club. */
    static class Seed {
        @Option(names = "--seed", defaultValue = "42", paramLabel = "<seed>", descriptionKey = "shared.seed",
                description = "graine du générateur (défaut 42)")
        long value;
    }

    /** {@code --pg-setting NAME=VALUE}, repeatable: more server settings for the embedded PostgreSQL. */
    static class PostgresSettings {
        @Option(names = "--pg-setting", paramLabel = "NOM=VALEUR", descriptionKey = "shared.pg-setting",
                description = "réglage de plus pour le PostgreSQL embarqué, p. ex. log_min_duration_statement=100 (répétable)")
        Map<String, String> values = new LinkedHashMap<>();
    }
}
