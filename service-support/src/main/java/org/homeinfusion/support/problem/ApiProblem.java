package org.homeinfusion.support.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API reports as a problem: the status and the violations are decided where the rule
 * lives, the advice only renders them.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<Violation> violations;

    public ApiProblem(HttpStatus status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ApiProblem invalid(String field, String code, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", message, List.of(new Violation(field, code, message)));
    }

    /** 404: unknown, or belonging to another organization (the two are indistinguishable on purpose). */
    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " was not found", List.of());
    }

    /** 409: the transition is not allowed from the current status. */
    public static ApiProblem conflict(String code, String message) {
        return new ApiProblem(HttpStatus.CONFLICT, "Transition not allowed", message, List.of(Violation.of(code, message)));
    }

    /** 422: a domain rule refuses the request; every broken rule is reported at once. */
    public static ApiProblem ruleViolations(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " rules refuse this request";
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Domain rule violated", detail, violations);
    }

    public static ApiProblem ruleViolation(String field, String code, String message) {
        return ruleViolations(List.of(new Violation(field, code, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
