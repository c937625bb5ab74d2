package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where "back" is after a POST: the page the form was on (the Referer's path and query, never
 * another host), or the home page.
 */
final class Back {

    private Back() {
    }

    static String path(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = new URI(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            String context = request.getContextPath();
            if (!context.isEmpty() && path.startsWith(context)) {
                path = path.substring(context.length());
            }
            return (path.isEmpty() ? "/" : path) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
