package org.envol.members;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.envol.security.UserRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A refusal on a members page: an act goes back to the member's page (or the list) with the
 * reasons above it; a page asked for a member who does not exist is a 404. Nothing was written.
 */
@ControllerAdvice(assignableTypes = {MemberController.class, MemberImportController.class})
class MemberPageErrors {

    private final MemberMessages messages;

    MemberPageErrors(MemberMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MemberRejectedException.class)
    ModelAndView rejected(MemberRejectedException e, HttpServletRequest request) {
        return refused(messages.texts(e), e.has(MemberRule.MEMBER_UNKNOWN), request);
    }

    @ExceptionHandler(UserRejectedException.class)
    ModelAndView rejected(UserRejectedException e, HttpServletRequest request) {
        return refused(List.of(messages.text(e)), false, request);
    }

    private static ModelAndView refused(List<String> problems, boolean unknown, HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            ModelAndView page = new ModelAndView(unknown ? "error/404" : "error/rejected");
            page.setStatus(unknown ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT);
            page.addObject("problems", problems);
            return page;
        }
        RequestContextUtils.getOutputFlashMap(request).put("problems", problems);
        return new ModelAndView("redirect:" + back(request.getRequestURI().substring(request.getContextPath().length())));
    }

    /** /members/12/join → /members/12; anything else → /members. */
    static String back(String path) {
        return path.matches("/members/\\d+(/.*)?") ? path.replaceFirst("^(/members/\\d+).*", "$1") : "/members";
    }
}
