package org.envol.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the test's datasource at a fresh database on the embedded PostgreSQL. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl("envol_test"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=").applyTo(context);
    }
}
