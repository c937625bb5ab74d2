package org.envol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.envol.ledger.RejectedException;
import org.envol.ledger.RejectionCode;
import org.envol.ledger.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The pages shown when a page request fails: the books' refusal with its messages, access
 * denied saying what is not allowed, not found, a bad address. It runs before Spring's own
 * handlers and takes only page requests: the REST API ({@code /api/}, {@code @ResponseBody}
 * handlers, clients not asking for HTML) keeps its problem details. Nothing technical is shown.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Set<RejectionCode> UNKNOWN = EnumSet.of(RejectionCode.SECTION_UNKNOWN, RejectionCode.ENTRY_UNKNOWN,
            RejectionCode.ACCOUNT_UNKNOWN, RejectionCode.FISCAL_YEAR_UNKNOWN, RejectionCode.CHART_CODE_UNKNOWN,
            RejectionCode.JOURNAL_UNKNOWN);

    private final Layout layout;
    private final Messages messages;

    PageErrors(Layout layout, Messages messages) {
        this.layout = layout;
        this.messages = messages;
    }

    /** Before the handler exception resolvers of Spring MVC (order 0), after Boot's error attributes. */
    @Override
    public int getOrder() {
        return -1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!isPage(request, handler)) {
            return null;
        }
        if (ex instanceof RejectedException rejected) {
            return rejected(rejected, request);
        }
        if (ex instanceof AccessDeniedException denied) {
            // not signed in: Spring Security sends to the login page
            return Layout.signedIn() ? denied(denied, request) : null;
        }
        if (ex instanceof NoActiveSectionException) {
            return page("error/no-section", HttpStatus.FORBIDDEN, request);
        }
        if (ex instanceof NoResourceFoundException) {
            return page("error/404", HttpStatus.NOT_FOUND, request);
        }
        if (ex instanceof MethodArgumentTypeMismatchException || ex instanceof MissingServletRequestParameterException) {
            return page("error/4xx", HttpStatus.BAD_REQUEST, request);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException notSupported) {
            if (notSupported.getSupportedHttpMethods() != null) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ",
                        notSupported.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            }
            return page("error/4xx", HttpStatus.METHOD_NOT_ALLOWED, request);
        }
        return null;
    }

    /**
     * The books refused. A GET of something that does not exist is a 404; a refused form posted
     * from a page goes back to that page with the messages; anything else shows them.
     */
    private ModelAndView rejected(RejectedException e, HttpServletRequest request) {
        List<String> texts = e.rejections().stream().map(messages::rejection).toList();
        if (isRead(request) && e.rejections().stream().allMatch(r -> UNKNOWN.contains(r.code()))) {
            return page("error/404", HttpStatus.NOT_FOUND, request).addObject(PageModel.PROBLEMS, texts);
        }
        if (!isRead(request) && request.getHeader(HttpHeaders.REFERER) != null) {
            RequestContextUtils.getOutputFlashMap(request).put(PageModel.PROBLEMS, texts);
            return new ModelAndView("redirect:" + Back.path(request));
        }
        return page("error/rejected", HttpStatus.UNPROCESSABLE_CONTENT, request).addObject(PageModel.PROBLEMS, texts);
    }

    private ModelAndView denied(AccessDeniedException e, HttpServletRequest request) {
        String why = reasonKey(e.getMessage());
        boolean read = why.equals("error.403.why.read") || why.equals("error.forbidden") && isRead(request);
        return page("error/403", HttpStatus.FORBIDDEN, request)
                .addObject("what", messages.get(read ? "error.403.read" : "error.403.write", request.getRequestURI()))
                .addObject("why", messages.get(why));
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
        ModelAndView mav = new ModelAndView(view, layout.model(request));
        mav.setStatus(status);
        return mav;
    }

    /** A page controller's request, or a browser's request for an address that is not the API's. */
    static boolean isPage(HttpServletRequest request, Object handler) {
        if (handler instanceof HandlerMethod method) {
            return !isRest(method);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (path.startsWith("/api/") || accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static boolean isRest(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class) || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
