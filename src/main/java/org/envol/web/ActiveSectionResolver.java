package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.envol.ledger.Section;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A page handler's parameter of type {@link Section} is the active section (the page then needs
 * one: without, the user sees why); {@code Optional<Section>} for pages that also show without.
 * Controllers of the features thus need nothing from this package.
 */
class ActiveSectionResolver implements HandlerMethodArgumentResolver {

    private final ActiveSection active;

    ActiveSectionResolver(ActiveSection active) {
        this.active = active;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Section.class
                || parameter.getParameterType() == Optional.class && parameter.nestedIfOptional().getNestedParameterType() == Section.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Optional<Section> section = active.current(webRequest.getNativeRequest(HttpServletRequest.class));
        if (parameter.getParameterType() == Optional.class) {
            return section;
        }
        return section.orElseThrow(NoActiveSectionException::new);
    }
}
