package org.homeinfusion.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One broken rule in a problem response; {@code field} is absent when the rule concerns the whole request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String code, String message) {

    public static Violation of(String code, String message) {
        return new Violation(null, code, message);
    }
}
