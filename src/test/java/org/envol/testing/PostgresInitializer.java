package org.envol.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the test's datasource at a fresh database on the embedded PostgreSQL: one database per
 * Spring context, as H2 gets one in-memory database per context.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl("envol_" + NEXT.incrementAndGet()),
                "spring.datasource.username=postgres",
                "spring.datasource.password=").applyTo(context);
    }
}
