package org.envol.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring Boot test on a real PostgreSQL (embedded) instead of H2. Put it on a subclass of
 * an H2 test so the same rules run on both databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresTest {
}
