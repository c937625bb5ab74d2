package org.envol.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * API clients say their language with {@code Accept-Language} (French or English, French when
 * neither fits); pages keep the language chosen with {@code ?lang=}, which also wins here.
 */
@Configuration(proxyBeanMethods = false)
class ApiLanguage implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FromAcceptLanguage()).addPathPatterns("/api/**");
    }

    static final class FromAcceptLanguage implements HandlerInterceptor {

        private final AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();

        FromAcceptLanguage() {
            resolver.setSupportedLocales(List.of(Locale.FRENCH, Locale.ENGLISH));
            resolver.setDefaultLocale(Locale.FRENCH);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getParameter("lang") == null && request.getHeader("Accept-Language") != null) {
                // the dispatcher restores its own locale context after the request
                LocaleContextHolder.setLocale(resolver.resolveLocale(request));
            }
            return true;
        }
    }
}
