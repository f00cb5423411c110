package org.homeinfusion.support.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.homeinfusion.support.problem.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 in the same problem+json shape as every other error. */
final class ProblemSecurityHandlers {

    private final JsonMapper jsonMapper;

    ProblemSecurityHandlers(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "A valid, unexpired bearer token is required");
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role may not do this");
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        jsonMapper.writeValue(response.getOutputStream(), ProblemDetailsAdvice.problem(status, title, detail, List.of()));
    }
}
