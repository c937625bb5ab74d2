package org.envol.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers when a request is not authenticated (401) or not allowed (403): RFC 9457
 * problem details, in the user's language (French unless the {@code envol-lang} cookie says otherwise).
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** No token, or a request that needs one. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"envol\"");
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "security.api.unauthorized");
    }

    /** A token that is unknown, revoked, malformed, or whose user is disabled. */
    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"envol\", error=\"invalid_token\"");
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "security.api.invalidToken");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "security.api.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(key + ".title", null, locale));
        problem.put("status", status);
        problem.put("detail", messages.getMessage(key + ".detail", null, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
