package org.envol.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. {@code /api/**}: stateless, a Bearer API token on every request, no cookie hence no
 * CSRF, refusals as problem details; the OpenAPI document and its viewer are public (they describe
 * the API, they hold no club data). Everything else: a session opened by the sign-in form, CSRF
 * tokens on every form, sign-in throttled, Spring Security's default headers and session-fixation
 * protection. Who may do what is checked by the services; here only "signed in or not".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    /** The OpenAPI document, and its viewer (springdoc redirects /api/docs to /api/swagger-ui/index.html). */
    static final String[] API_DOCS = {"/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**",
        "/api/swagger-ui/**"};
    static final String[] PUBLIC_WEB = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error"};

    /**
     * The API's description is for signed-in users too: a browser's session (the viewer; sign-in
     * brings the user back to it) or a script's token. Read-only, so no CSRF token is asked.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsChain(HttpSecurity http, ApiTokenService tokens, EnvolUserDetailsService users,
            MessageSource messages, JsonMapper json) throws Exception {
        http.securityMatcher(API_DOCS)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, API_DOCS).authenticated().anyRequest().denyAll())
                .addFilterBefore(new ApiTokenFilter(tokens, users, new ApiAuthProblems(messages, json)), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, EnvolUserDetailsService users,
            MessageSource messages, JsonMapper json) throws Exception {
        ApiAuthProblems problems = new ApiAuthProblems(messages, json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiTokenFilter(tokens, users, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, EnvolUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
            SignedInSessions sessions)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_WEB).permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)))
                .formLogin(f -> f.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new SessionRefreshFilter(sessions), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** Back to the sign-in page, saying whether the password was wrong or sign-in is locked for a while. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, failure) -> {
            String query = failure instanceof LoginThrottledException locked ? "locked=" + locked.minutes() : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + query);
        };
    }
}
