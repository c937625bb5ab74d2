package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.envol.ledger.RejectedException;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Section;
import org.envol.platform.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page needs: the layout's model (readable sections, the active one, whether the user
 * writes in it) and the pages shown when the books say no. REST handlers ({@code @ResponseBody})
 * are left alone: the API answers with problem details of its own.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageAdvice {

    /** Flash attributes the layout shows above the page: a list of messages, a notice. */
    static final String PROBLEMS = "problems";
    static final String NOTICE = "notice";

    private static final Set<RejectionCode> UNKNOWN = EnumSet.of(RejectionCode.SECTION_UNKNOWN, RejectionCode.ENTRY_UNKNOWN,
            RejectionCode.ACCOUNT_UNKNOWN, RejectionCode.FISCAL_YEAR_UNKNOWN, RejectionCode.CHART_CODE_UNKNOWN,
            RejectionCode.JOURNAL_UNKNOWN);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final ActiveSection active;
    private final PageAccess pageAccess;
    private final Messages messages;

    PageAdvice(ActiveSection active, PageAccess pageAccess, Messages messages) {
        this.active = active;
        this.pageAccess = pageAccess;
        this.messages = messages;
    }

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler instanceof HandlerMethod method && isRest(method)) {
            return;
        }
        model.addAllAttributes(layoutModel(request));
    }

    private java.util.Map<String, Object> layoutModel(HttpServletRequest request) {
        if (!signedIn()) {
            return java.util.Map.of("sections", List.of());
        }
        Section section = active.current(request).orElse(null);
        var out = new java.util.HashMap<String, Object>();
        out.put("sections", active.readable(request));
        out.put("activeSection", section);
        out.put("canWrite", section != null && pageAccess.canWrite(section.id()));
        return out;
    }

    /**
     * The books refused. A GET of something that does not exist is a 404; a refused form posted
     * from a page goes back to that page with the messages; anything else shows them.
     */
    @ExceptionHandler(RejectedException.class)
    ModelAndView rejected(RejectedException e, HandlerMethod handler, HttpServletRequest request) {
        if (isRest(handler)) {
            throw e;
        }
        List<String> texts = e.rejections().stream().map(messages::rejection).toList();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && e.rejections().stream().allMatch(r -> UNKNOWN.contains(r.code()))) {
            return page("error/404", HttpStatus.NOT_FOUND, request).addObject(PROBLEMS, texts);
        }
        if (!read && request.getHeader("Referer") != null) {
            RequestContextUtils.getOutputFlashMap(request).put(PROBLEMS, texts);
            return new ModelAndView("redirect:" + Back.path(request));
        }
        return page("error/rejected", HttpStatus.UNPROCESSABLE_CONTENT, request).addObject(PROBLEMS, texts);
    }

    /** Signed-in users see what they may not do; others are sent to sign in (by Spring Security). */
    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HandlerMethod handler, HttpServletRequest request) {
        if (isRest(handler) || !signedIn()) {
            throw e;
        }
        String why = reasonKey(e.getMessage());
        boolean read = why.equals("error.403.why.read")
                || why.equals("error.forbidden") && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
        return page("error/403", HttpStatus.FORBIDDEN, request)
                .addObject("what", messages.get(read ? "error.403.read" : "error.403.write", request.getRequestURI()))
                .addObject("why", messages.get(why));
    }

    @ExceptionHandler(NoActiveSectionException.class)
    ModelAndView noSection(NoActiveSectionException e, HttpServletRequest request) {
        return page("error/no-section", HttpStatus.FORBIDDEN, request);
    }

    /**
     * The reason, from what the ledger's access port asked for ("write section 3", "write chart",
     * "admin"…); a generic one otherwise.
     */
    static String reasonKey(String asked) {
        String a = asked == null ? "" : asked;
        if (a.startsWith("write section")) {
            return "error.403.why.write";
        }
        if (a.startsWith("read section") || a.startsWith("read account") || a.startsWith("audit")) {
            return "error.403.why.read";
        }
        if (a.startsWith("write chart")) {
            return "error.403.why.chart";
        }
        if (a.startsWith("admin")) {
            return "error.403.why.admin";
        }
        return "error.forbidden";
    }

    private ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
        ModelAndView mav = new ModelAndView(view, layoutModel(request));
        mav.setStatus(status);
        return mav;
    }

    private static boolean isRest(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class) || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }

    private static boolean signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth);
    }
}
