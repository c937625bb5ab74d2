package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Links to the current page with one parameter changed, keeping the others (filters):
 * {@code ${@links.with('page', 2)}}, {@code ${@links.with('lang', 'en')}}.
 */
@Component("links")
public class PageLinks {

    public String with(String name, Object value) {
        HttpServletRequest request = request();
        String encoded = UriUtils.encodeQueryParam(String.valueOf(value), StandardCharsets.UTF_8);
        try {
            // the query string arrives encoded: keep it as it is
            return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam(name, encoded).build(true).toUriString();
        } catch (IllegalArgumentException badlyEncodedQuery) {
            return request.getRequestURI() + "?" + UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8) + "=" + encoded;
        }
    }

    /** The current page's query string (filters), empty when none: to come back to the same page after a POST. */
    public String query() {
        String query = request().getQueryString();
        return query == null ? "" : query;
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
