package org.envol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Rejection;
import org.envol.ledger.RejectionCode;
import org.envol.platform.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the REST API as an RFC 9457 problem ({@code application/problem+json}), in the
 * request's language, never with a stack trace. Only {@code @RestController}s get it: HTML pages
 * are plain {@code @Controller}s and keep their own error pages.
 *
 * <ul>
 *   <li>a ledger rejection: 422, each rejection in {@code errors} ({@code code, message, line, reference});
 *       404 when every rejection says the addressed entry, account or section does not exist;</li>
 *   <li>a denial: 403;</li>
 *   <li>a malformed body, a value of the wrong type, a missing parameter: 400 naming the field;</li>
 *   <li>anything else: 500, logged here, with no detail of the cause.</li>
 * </ul>
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    /** Rejections that mean "the thing you address does not exist". */
    private static final Set<RejectionCode> NOT_FOUND =
            Set.of(RejectionCode.ENTRY_UNKNOWN, RejectionCode.ACCOUNT_UNKNOWN, RejectionCode.SECTION_UNKNOWN);

    private final Messages messages;
    private final MessageSource texts;

    ApiProblems(Messages messages, MessageSource texts) {
        this.messages = messages;
        this.texts = texts;
    }

    /** One rejection as the API shows it; {@code line} is the entry's 1-based line, absent for the whole entry. */
    @Schema(name = "Rejection", description = "One reason the ledger refused the request.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RejectionItem(
            @Schema(description = "Stable code of the rule (see docs/ledger.md).", example = "UNBALANCED") String code,
            @Schema(description = "The message for the user, in the request's language.") String message,
            @Schema(description = "The entry's line at fault, from 1; absent when the whole entry is.", example = "2") Integer line,
            @Schema(description = "The source reference or entry id the reason is about, when there is one.") String reference) {
    }

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedException e) {
        List<Rejection> rejections = e.rejections();
        HttpStatus status = rejections.stream().allMatch(r -> NOT_FOUND.contains(r.code()))
                ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
        List<RejectionItem> items = rejections.stream()
                .map(r -> new RejectionItem(r.code().name(), messages.rejection(r), r.lineNo() > 0 ? r.lineNo() : null, r.reference()))
                .toList();
        ProblemDetail problem = problem(status, items.stream().map(RejectionItem::message).collect(Collectors.joining(" ")));
        problem.setProperty("errors", items);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, text("problem.forbidden")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.internal")));
    }

    // ---- 400: the request itself is wrong; say which field and what was expected

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        JacksonException jackson = null;
        for (Throwable t = e.getCause(); t != null && jackson == null; t = t.getCause()) {
            jackson = t instanceof JacksonException j ? j : null; // the outermost one knows the field's path
        }
        String detail;
        String field = null;
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            detail = text("problem.field.unknown", field);
        } else if (jackson instanceof MismatchedInputException mismatch) {
            field = path(mismatch);
            detail = text("problem.field.invalid", field.isEmpty() ? text("problem.body") : field,
                    field.endsWith("Cents") ? text("problem.type.cents") : expected(mismatch.getTargetType()));
        } else if (jackson instanceof StreamReadException malformed) {
            TokenStreamLocation at = malformed.getLocation();
            detail = at == null ? text("problem.body.malformed.nowhere")
                    : text("problem.body.malformed", at.getLineNr(), at.getColumnNr());
        } else if (jackson != null && !jackson.getPath().isEmpty()) {
            // a value the target type refused (a date that does not exist…): the path names the field
            field = path(jackson);
            detail = text("problem.field.invalid", field, text("problem.type.value"));
        } else if (e.getCause() == null) {
            detail = text("problem.body.missing");
        } else {
            detail = text("problem.body.unreadable");
        }
        return badRequest(detail, field, headers);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String detail = errors.stream().map(f -> text("problem.field.constraint", f.getField(), f.getDefaultMessage()))
                .collect(Collectors.joining(" "));
        return badRequest(detail, errors.isEmpty() ? null : errors.get(0).getField(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> type = e.getMethodParameter() == null ? String.class : e.getMethodParameter().getParameterType();
        return badRequest(text("problem.param.missing", e.getParameterName(), expected(type)), e.getParameterName(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return badRequest(text("problem.param.invalid", name, String.valueOf(e.getValue()), expected(e.getRequiredType())), name,
                headers);
    }

    private ResponseEntity<Object> badRequest(String detail, String field, HttpHeaders headers) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        if (field != null && !field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** Spring's own problems (405, 406, 415…) keep their detail, with a title in the user's language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(title(status));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    // ---- texts

    private ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        return problem;
    }

    private String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return texts.getMessage("problem.title." + status.value(), null, known == null ? "" : known.getReasonPhrase(), locale());
    }

    private String text(String key, Object... args) {
        return messages.get(key, args);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** The JSON path of the field at fault: {@code lines[1].amountCents} (indexes from 0, as in JSON). */
    static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What a value of this type looks like, in words. */
    private String expected(Class<?> type) {
        if (type == null) {
            return text("problem.type.value");
        }
        if (type.isEnum()) {
            return text("problem.type.oneOf", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class) {
            return text("problem.type.integer");
        }
        if (type == LocalDate.class) {
            return text("problem.type.date");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return text("problem.type.dateTime");
        }
        if (type == Boolean.class || type == boolean.class) {
            return text("problem.type.boolean");
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return text("problem.type.text");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return text("problem.type.list");
        }
        return text("problem.type.object");
    }
}
