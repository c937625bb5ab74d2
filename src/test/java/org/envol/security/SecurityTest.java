package org.envol.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The one Spring context the security tests share (one per database): MockMvc, a movable clock, a fake stdin. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
// the test application.properties replaces the main one: restate where springdoc serves the API's description
@SpringBootTest(properties = {"springdoc.api-docs.path=/api/openapi.json", "springdoc.swagger-ui.path=/api/docs",
    "springdoc.paths-to-match=/api/v1/**"})
@AutoConfigureMockMvc
@Import(SecurityTestSupport.class)
@interface SecurityTest {
}
