package org.envol.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers when a request is not authenticated (401) or not allowed (403) before it reaches
 * a controller: RFC 9457 problem details, in the request's language as the API feature chooses it
 * ({@code ?lang=}, else {@code Accept-Language}; French when neither says French or English).
 */
final class ApiAuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
    private final JsonMapper json;

    ApiAuthProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
        locales.setSupportedLocales(List.of(Locale.FRENCH, Locale.ENGLISH));
        locales.setDefaultLocale(Locale.FRENCH);
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
        String lang = request.getParameter("lang");
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : "fr".equals(lang) ? Locale.FRENCH : locales.resolveLocale(request);
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
