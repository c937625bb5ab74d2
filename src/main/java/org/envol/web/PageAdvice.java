package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the layout's model (see {@link Layout}) in every page's model. REST handlers are left
 * alone. When a page fails, {@link PageErrors} shows why.
 */
@ControllerAdvice
class PageAdvice {

    private final Layout layout;

    PageAdvice(Layout layout) {
        this.layout = layout;
    }

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler instanceof HandlerMethod method && PageErrors.isRest(method)) {
            return;
        }
        model.addAllAttributes(layout.model(request));
    }
}
