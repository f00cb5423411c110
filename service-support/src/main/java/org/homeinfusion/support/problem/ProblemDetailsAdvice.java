package org.homeinfusion.support.problem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.homeinfusion.support.domain.RuleViolated;
import org.homeinfusion.support.domain.TransitionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into {@code application/problem+json}. Input problems are 400 with the field
 * that is wrong; anything unexpected is a 500 whose detail reveals nothing (it is logged instead,
 * without the request body, which may hold case data).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String TYPE_BASE = "https://home-infusion.example.org/problems/";
    /** Long enough for a database failover or restart, short enough that a client does not give up. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        return render(problem.status(), problem.title(), problem.getMessage(), problem.violations());
    }

    /** A domain refusal is the API's 409, exactly as if the aggregate had thrown {@link ApiProblem#conflict}. */
    @ExceptionHandler(RuleViolated.class)
    ResponseEntity<Object> ruleViolated(RuleViolated violated) {
        return apiProblem(ApiProblem.ruleViolation(violated.field(), violated.code(), violated.getMessage()));
    }

    @ExceptionHandler(TransitionRefused.class)
    ResponseEntity<Object> transitionRefused(TransitionRefused refused) {
        return apiProblem(ApiProblem.conflict(refused.code(), refused.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception) {
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Violation(leaf(v.getPropertyPath().toString()), "INVALID", v.getMessage()))
                .toList();
        return render(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields", violations);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException exception) {
        String message = "'" + exception.getName() + "' has an invalid value";
        return render(HttpStatus.BAD_REQUEST, "Invalid request", message,
                List.of(new Violation(exception.getName(), "INVALID", message)));
    }

    // Security exceptions thrown inside controllers still get the right status and body.
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception) {
        return render(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this", List.of());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException exception) {
        return render(HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required", List.of());
    }

    /**
     * A failure nobody expected is a 500 — unless the database is unreachable or timed out: then nothing was changed
     * and the same call will work once it is back, and a 503 with {@code Retry-After} tells a client to retry (with
     * its Idempotency-Key), where a 500 would not.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        if (DatabaseUnavailable.causes(exception)) {
            log.warn("Database unavailable while handling a request: {}", exception.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                            "The service cannot reach its database; nothing was changed. Retry later", List.of()));
        }
        log.error("Unexpected failure while handling a request", exception);
        return render(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), "INVALID", error.getDefaultMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return render(HttpStatus.BAD_REQUEST, "Invalid request", detail, violations);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(result.getMethodParameter().getParameterName(), "INVALID",
                                error.getDefaultMessage())))
                .toList();
        return render(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid parameters", violations);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = exception.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String code = cause instanceof UnrecognizedPropertyException ? "UNKNOWN_FIELD" : "MALFORMED";
            String message = cause instanceof UnrecognizedPropertyException
                    ? "Unknown field '" + field + "'"
                    : field.isEmpty() ? "The body is not valid JSON" : "'" + field + "' has an invalid value";
            return render(HttpStatus.BAD_REQUEST, "Malformed request", message,
                    List.of(new Violation(field.isEmpty() ? null : field, code, message)));
        }
        return render(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is missing or unreadable", List.of());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // Framework-detected errors (405, 415, 406, missing header...) keep their status, with our type.
        if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            problem.setType(URI.create(TYPE_BASE + slug(HttpStatus.valueOf(statusCode.value()))));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug(status)));
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return problem;
    }

    private static ResponseEntity<Object> render(HttpStatus status, String title, String detail, List<Violation> violations) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, title, detail, violations));
    }

    private static String slug(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
